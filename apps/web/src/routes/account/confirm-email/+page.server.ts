import { ConfirmEmailChangeDocument } from '@peerdesk/api-client';
import { formAction, raw } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// The link only shows a button: mail scanners that open links must not use up the single-use token.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  // The token is the proof, so it works in any browser, signed in or not.
  default: async (event) =>
    formAction(event, 'confirm', ConfirmEmailChangeDocument, { token: raw(await event.request.formData(), 'token') }, {
      anyone: true,
      success: 'Your e-mail address was changed. Use the new one to sign in from now on.',
    }),
};
