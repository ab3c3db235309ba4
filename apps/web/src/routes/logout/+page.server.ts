import { redirect } from '@sveltejs/kit';
import { LogoutDocument } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { clearSession } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    try {
      await graphql(LogoutDocument); // ends the session on the API, not only in this browser
    } catch (e) {
      if (!(e instanceof GraphQLRequestError)) throw e;
    }
    clearSession(event.cookies);
    redirect(303, '/');
  },
};
