import { ConfirmEmailChangeDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { refused } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// The link only shows a button: mail scanners that open links must not use up the single-use token.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const token = String((await event.request.formData()).get('token') ?? '');
    try {
      await graphql(event.fetch, ConfirmEmailChangeDocument, { token });
    } catch (e) {
      return refused(e, 'confirm');
    }
    return { form: 'confirm', success: 'Your e-mail address was changed. Use the new one to sign in from now on.' };
  },
};
