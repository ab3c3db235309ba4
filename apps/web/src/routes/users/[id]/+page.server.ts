import { error } from '@sveltejs/kit';
import { UserPageDocument } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  try {
    const { user, asked } = await graphql(fetch, UserPageDocument, { id: params.id });
    return { user, asked: asked.edges.map((edge) => edge.node), askedCount: asked.totalCount, now: new Date().toISOString() };
  } catch (e) {
    if (e instanceof GraphQLRequestError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')) error(404, { code: 'NOT_FOUND', message: 'There is no such member.' });
    throw e;
  }
};
