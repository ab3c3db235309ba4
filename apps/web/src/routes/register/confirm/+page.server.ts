import { redirect } from '@sveltejs/kit';
import { ConfirmRegistrationDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { refused, setSession } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// The link only shows a button: mail scanners that open links must not use up the single-use token.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const token = String((await event.request.formData()).get('token') ?? '');
    let result;
    try {
      result = await graphql(event.fetch, ConfirmRegistrationDocument, { token });
    } catch (e) {
      return refused(e, 'confirm');
    }
    setSession(event.cookies, result.confirmRegistration.token, result.confirmRegistration.expiresAt);
    redirect(303, '/');
  },
};
