import { redirect } from '@sveltejs/kit';
import { LoginDocument } from '@peerdesk/api-client';
import { formAction, leaveIfSignedIn, raw, setSession, text } from '$lib/server/forms';
import { safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = leaveIfSignedIn;

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = text(form, 'email');
    return formAction(event, 'login', LoginDocument, { input: { email, password: raw(form, 'password') } }, {
      anyone: true,
      values: { email },
      then: ({ login }) => {
        setSession(event.cookies, login.token, login.expiresAt);
        redirect(303, safeNext(event.url.searchParams.get('next')));
      },
    });
  },
};
