import { redirect } from '@sveltejs/kit';
import { LogoutDocument } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError, SESSION_COOKIE } from '$lib/server/graphql';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    try {
      await graphql(event.fetch, LogoutDocument); // ends the session on the API, not only in this browser
    } catch (e) {
      if (!(e instanceof GraphQLRequestError)) throw e;
    }
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/');
  },
};
