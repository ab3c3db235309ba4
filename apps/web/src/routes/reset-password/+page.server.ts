import { redirect } from '@sveltejs/kit';
import { ResetPasswordDocument } from '@peerdesk/api-client';
import { LIMITS } from '@peerdesk/domain';
import { clearSession, formAction, raw } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '', passwordMin: LIMITS.password.min });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'reset', ResetPasswordDocument, { token: raw(form, 'token'), password: raw(form, 'password') }, {
      anyone: true,
      then: () => {
        // Every session of the account ended, this browser's too.
        clearSession(event.cookies);
        redirect(303, '/login?reset=1');
      },
    });
  },
};
