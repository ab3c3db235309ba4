import { RequestPasswordResetDocument } from '@peerdesk/api-client';
import { formAction, leaveIfSignedIn, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = leaveIfSignedIn;

export const actions: Actions = {
  default: async (event) => {
    const email = text(await event.request.formData(), 'email');
    return formAction(event, 'forgot', RequestPasswordResetDocument, { email }, { anyone: true, values: { email }, then: () => ({ sentTo: email }) });
  },
};
