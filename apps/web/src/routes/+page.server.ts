import { error } from '@sveltejs/kit';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { CategorySummary, QuestionSummary } from '$lib/types';
import type { PageServerLoad } from './$types';

interface HomeQuery {
  categories: CategorySummary[];
  questions: { edges: { node: QuestionSummary }[]; totalCount: number };
}

const HOME_QUERY = /* GraphQL */ `
  query Home {
    categories {
      id
      name
      slug
      description
      questionCount
      solvedCount
    }
    questions(first: 10, orderBy: NEWEST) {
      edges {
        node {
          id
          title
          status
          answerCount
          score
          createdAt
        }
      }
      totalCount
    }
  }
`;

export const load: PageServerLoad = async ({ fetch }) => {
  let result: HomeQuery;
  try {
    result = await graphql<HomeQuery>(fetch, HOME_QUERY);
  } catch (e) {
    if (e instanceof GraphQLRequestError) {
      const cause = e.cause instanceof Error ? (e.cause.cause instanceof Error ? e.cause.cause : e.cause).message : '';
      console.error(`[home] ${e.code}: ${e.message}${cause ? ` (${cause})` : ''}`);
      if (e.unavailable) {
        error(503, {
          code: e.code,
          message: 'The community is taking a short break. Please try again in a minute.',
        });
      }
      error(502, { code: e.code, message: 'We could not load the community right now. Please try again shortly.' });
    }
    throw e;
  }

  return {
    categories: result.categories,
    recentQuestions: result.questions.edges.map((edge) => edge.node),
    totalQuestions: result.questions.totalCount,
  };
};
