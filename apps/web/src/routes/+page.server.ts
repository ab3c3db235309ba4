import { error } from '@sveltejs/kit';
import { HomeDocument } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  try {
    const home = await graphql(HomeDocument);
    return {
      announcement: home.announcement,
      categories: home.categories,
      recent: home.recent.edges.map((edge) => edge.node),
      unanswered: home.unanswered.edges.map((edge) => edge.node),
      now: new Date().toISOString(),
    };
  } catch (e) {
    if (!(e instanceof GraphQLRequestError)) throw e;
    if (e.unavailable) error(503, { code: e.code, message: 'The community is taking a short break. Please try again in a minute.' });
    error(502, { code: e.code, message: 'We could not load the community right now. Please try again shortly.' });
  }
};
