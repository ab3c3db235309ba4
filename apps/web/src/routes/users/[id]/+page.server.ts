import { error, redirect } from '@sveltejs/kit';
import { UserPageDocument } from '@peerdesk/api-client';
import { REPUTATION_KIND_LABELS } from '@peerdesk/domain';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

const nodes = <T>(connection: { edges: Array<{ node: T }> }) => connection.edges.map((edge) => edge.node);

export const load: PageServerLoad = async ({ params, url, locals }) => {
  // `answers` is the cursor of the answers page being read, so "Older answers" links keep their place.
  const answersAfter = url.searchParams.get('answers') || undefined;
  // `reputation` likewise: the cursor of the reputation history page being read.
  const reputationAfter = url.searchParams.get('reputation') || undefined;
  try {
    const { user, asked } = await graphql(UserPageDocument, { id: params.id, answersAfter, reputationAfter });
    return {
      user,
      isViewer: locals.viewer?.id === user.id,
      asked: nodes(asked),
      askedCount: asked.totalCount,
      answers: nodes(user.answers),
      answerCount: user.answers.totalCount,
      olderAnswers: user.answers.pageInfo.hasNextPage ? user.answers.pageInfo.endCursor : null,
      readingOlderAnswers: answersAfter !== undefined,
      accepted: nodes(user.accepted),
      acceptedCount: user.accepted.totalCount,
      // Each change with its words ("accepted answer"); the page links the question's title.
      reputationChanges: nodes(user.reputationHistory).map((change) => ({ ...change, label: REPUTATION_KIND_LABELS[change.kind] })),
      olderReputation: user.reputationHistory.pageInfo.hasNextPage ? user.reputationHistory.pageInfo.endCursor : null,
      readingOlderReputation: reputationAfter !== undefined,
      now: new Date().toISOString(),
    };
  } catch (e) {
    // A cursor the API does not know (an old or edited link): start the answers again from the newest.
    if (e instanceof GraphQLRequestError && e.code === 'VALIDATION_FAILED' && (answersAfter || reputationAfter)) redirect(303, url.pathname);
    if (e instanceof GraphQLRequestError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')) error(404, { code: 'NOT_FOUND', message: 'There is no such member.' });
    throw e;
  }
};
