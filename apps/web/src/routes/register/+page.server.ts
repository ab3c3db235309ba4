import { RegisterDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { text } from '$lib/server/console';
import { leaveIfSignedIn, refused } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = leaveIfSignedIn;

export const actions: Actions = {
  /** The API answers a new and a taken address alike; so does this page: "check your e-mail". */
  default: async (event) => {
    const form = await event.request.formData();
    const email = text(form, 'email');
    const displayName = text(form, 'displayName');
    try {
      await graphql(event.fetch, RegisterDocument, { input: { email, displayName, password: String(form.get('password') ?? '') } });
    } catch (e) {
      return refused(e, 'register', { email, displayName });
    }
    return { form: 'register', sentTo: email };
  },
};
