import { redirect } from '@sveltejs/kit';
import { LoginDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { text } from '$lib/server/console';
import { leaveIfSignedIn, refused, setSession } from '$lib/server/forms';
import { safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = leaveIfSignedIn;

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = text(form, 'email');
    let result;
    try {
      result = await graphql(event.fetch, LoginDocument, { input: { email, password: String(form.get('password') ?? '') } });
    } catch (e) {
      return refused(e, 'login', { email });
    }
    setSession(event.cookies, result.login.token, result.login.expiresAt);
    redirect(303, safeNext(event.url.searchParams.get('next')));
  },
};
