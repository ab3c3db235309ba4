import { RegisterDocument } from '@peerdesk/api-client';
import { LIMITS } from '@peerdesk/domain';
import { formAction, leaveIfSignedIn, raw, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  leaveIfSignedIn(event);
  return { passwordMin: LIMITS.password.min };
};

/** The honeypot: a field people never see or fill in (its label says to leave it empty); form-filling bots do. */
const HONEYPOT_FIELD = 'website';

export const actions: Actions = {
  /** The API answers a new and a taken address alike; so does this page: "check your e-mail". */
  default: async (event) => {
    const form = await event.request.formData();
    const email = text(form, 'email');
    const displayName = text(form, 'displayName');
    // A filled honeypot reads as done to the bot, but nothing is asked of the API: no account, no mail.
    if (text(form, HONEYPOT_FIELD) !== '') return { form: 'register', sentTo: email };
    return formAction(event, 'register', RegisterDocument, { input: { email, displayName, password: raw(form, 'password') } }, {
      anyone: true,
      values: { email, displayName },
      then: () => ({ sentTo: email }),
    });
  },
};
