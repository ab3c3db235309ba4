import { error, redirect } from '@sveltejs/kit';
import { AcceptReminderLinkDocument, UseAcceptReminderLinkDocument } from '@peerdesk/api-client';
import { formAction } from '$lib/server/forms';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { questionPath } from '$lib/slug';
import type { Actions, PageServerLoad } from './$types';

// A reminder's one-click link only shows what it will do and a button: mail scanners that open links must not
// accept an answer or call staff. The token is the authority, so no sign-in is needed (nor JavaScript).
export const load: PageServerLoad = async ({ params }) => {
  try {
    const { acceptReminderLink } = await graphql(AcceptReminderLinkDocument, { token: params.token });
    return { link: acceptReminderLink, questionPath: questionPath({ id: acceptReminderLink.questionId, title: acceptReminderLink.questionTitle }) };
  } catch (e) {
    if (!(e instanceof GraphQLRequestError)) throw e;
    if (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED') error(404, { code: e.code, message: 'This link is not one of ours. Copy the whole link from the e-mail.' });
    if (e.unavailable) error(503, { code: e.code, message: 'The community is taking a short break. Please try again in a minute.' });
    error(502, { code: e.code, message: 'We could not open this link right now. Please try again shortly.' });
  }
};

export const actions: Actions = {
  default: async (event) =>
    formAction(event, 'reminder', UseAcceptReminderLinkDocument, { token: event.params.token }, {
      anyone: true,
      then: ({ useAcceptReminderLink }) => ({ choice: useAcceptReminderLink.choice }),
    }),
};
