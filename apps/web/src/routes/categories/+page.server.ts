import { error } from '@sveltejs/kit';
import { CategoriesDocument } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  try {
    const { categories } = await graphql(CategoriesDocument);
    return { categories, now: new Date().toISOString() };
  } catch (e) {
    if (e instanceof GraphQLRequestError && e.unavailable) error(503, { code: e.code, message: 'The community service is not answering right now. Please try again in a minute.' });
    throw e;
  }
};
