import { redirect } from '@sveltejs/kit';
import { ResetPasswordDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { clearSession, refused } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const token = String(form.get('token') ?? '');
    try {
      await graphql(event.fetch, ResetPasswordDocument, { token, password: String(form.get('password') ?? '') });
    } catch (e) {
      return refused(e, 'reset');
    }
    // Every session of the account ended, this browser's too.
    clearSession(event.cookies);
    redirect(303, '/login?reset=1');
  },
};
