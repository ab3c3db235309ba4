import { EscalateQuestionDocument, MarkDuplicateDocument, ModerationPageDocument, UnmarkDuplicateDocument } from '@peerdesk/api-client';
import { consoleAction, consoleQuery, text, textValues } from '$lib/server/console';
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
    return consoleAction(
      event,
      'escalate',
      EscalateQuestionDocument,
      { questionId: questionId(text(form, 'question')), reason: text(form, 'reason') },
      'Sent to the staff queue.',
      textValues(form, ['question', 'reason']),
    );
  },
  markDuplicate: async (event) => {
    const form = await event.request.formData();
    return consoleAction(
      event,
      'markDuplicate',
      MarkDuplicateDocument,
      { questionId: questionId(text(form, 'duplicate')), originalId: questionId(text(form, 'original')) },
      'Marked as a duplicate: the question is closed and its readers are sent to the original.',
      textValues(form, ['duplicate', 'original']),
    );
  },
  unmarkDuplicate: async (event) => {
    const form = await event.request.formData();
    return consoleAction(
      event,
      'unmarkDuplicate',
      UnmarkDuplicateDocument,
      { questionId: questionId(text(form, 'question')) },
      'The duplicate mark is off and the question is open again.',
      textValues(form, ['question']),
    );
  },
};
