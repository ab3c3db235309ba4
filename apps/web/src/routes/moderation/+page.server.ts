import { EscalateQuestionDocument, MarkDuplicateDocument, ModerationPageDocument, UnmarkDuplicateDocument } from '@peerdesk/api-client';
import { consoleQuery } from '$lib/server/console';
import { formAction, text, textValues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // The staff-queue size doubles as the access check: the API lets moderators and the team see it.
  const data = await consoleQuery(event, ModerationPageDocument);
  return { queued: data.staffQueue.totalCount };
};

/** A question is named by its id or by its address (/questions/<id>-slug), as moderators copy it. */
function questionId(reference: string): string {
  const match = /\/questions\/([^/?#-]+)/.exec(reference);
  return match ? match[1] : reference;
}

export const actions: Actions = {
  escalate: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'escalate', EscalateQuestionDocument, { questionId: questionId(text(form, 'question')), reason: text(form, 'reason') }, {
      values: textValues(form, ['question', 'reason']),
      success: 'Sent to the staff queue.',
    });
  },
  markDuplicate: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'markDuplicate', MarkDuplicateDocument, { questionId: questionId(text(form, 'duplicate')), originalId: questionId(text(form, 'original')) }, {
      values: textValues(form, ['duplicate', 'original']),
      success: 'Marked as a duplicate: the question is closed and its readers are sent to the original.',
    });
  },
  unmarkDuplicate: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'unmarkDuplicate', UnmarkDuplicateDocument, { questionId: questionId(text(form, 'question')) }, {
      values: textValues(form, ['question']),
      success: 'The duplicate mark is off and the question is open again.',
    });
  },
};
