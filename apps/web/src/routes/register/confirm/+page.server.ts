import { redirect } from '@sveltejs/kit';
import { ConfirmRegistrationDocument } from '@peerdesk/api-client';
import { formAction, raw, setSession } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// The link only shows a button: mail scanners that open links must not use up the single-use token.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) =>
    formAction(event, 'confirm', ConfirmRegistrationDocument, { token: raw(await event.request.formData(), 'token') }, {
      anyone: true,
      then: ({ confirmRegistration }) => {
        setSession(event.cookies, confirmRegistration.token, confirmRegistration.expiresAt);
        redirect(303, '/');
      },
    }),
};
