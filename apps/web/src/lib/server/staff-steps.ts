import { EndorseAnswerDocument, RequestStaffHelpDocument, UnendorseAnswerDocument } from '@peerdesk/api-client';
import type { RequestEvent } from '@sveltejs/kit';
import { formAction, text } from './forms';

/**
 * The question page's staff-loop actions, spread into its `actions`: the asker requests staff help
 * (StaffHelpRequest.svelte), staff endorse a peer answer or withdraw it (AnswerEndorsement.svelte).
 * The API decides who may; these only pass the form on.
 */
export const staffStepActions = {
  requestStaffHelp: (event: RequestEvent<{ id: string }>) =>
    formAction(event, 'staff-help', RequestStaffHelpDocument, { questionId: event.params.id }, {
      success: 'Our team has your question now; the page says by when they will answer.',
    }),
  endorse: async (event: RequestEvent<{ id: string }>) => {
    const form = await event.request.formData();
    const answerId = text(form, 'answerId');
    const endorse = text(form, 'endorse') === 'true';
    return endorse
      ? formAction(event, `endorse-${answerId}`, EndorseAnswerDocument, { answerId }, { success: 'Endorsed: readers see our team vouches for this answer.' })
      : formAction(event, `endorse-${answerId}`, UnendorseAnswerDocument, { answerId }, { success: 'The endorsement was withdrawn.' });
  },
};
