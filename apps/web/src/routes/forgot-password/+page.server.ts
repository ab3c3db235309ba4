import { RequestPasswordResetDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { text } from '$lib/server/console';
import { leaveIfSignedIn, refused } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = leaveIfSignedIn;

export const actions: Actions = {
  default: async (event) => {
    const email = text(await event.request.formData(), 'email');
    try {
      await graphql(event.fetch, RequestPasswordResetDocument, { email });
    } catch (e) {
      return refused(e, 'forgot', { email });
    }
    return { form: 'forgot', sentTo: email };
  },
};
