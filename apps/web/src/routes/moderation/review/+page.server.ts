import { ResolveReviewDocument, ReviewQueuePageDocument } from '@peerdesk/api-client';
import { REVIEW_ACTIONS, REVIEW_REASONS, type ReviewAction, type ReviewReason } from '@peerdesk/domain';
import { consoleQuery } from '$lib/server/console';
import { formAction, invalid, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const decided = event.url.searchParams.get('state') === 'RESOLVED';
  const reason = event.url.searchParams.get('reason');
  const filter = {
    state: decided ? ('RESOLVED' as const) : ('OPEN' as const),
    reason: (REVIEW_REASONS as readonly string[]).includes(reason ?? '') ? (reason as ReviewReason) : null,
  };
  const data = await consoleQuery(event, ReviewQueuePageDocument, { filter, after: event.url.searchParams.get('after') });
  return { queue: data.reviewQueue, filter, actions: REVIEW_ACTIONS, reasons: REVIEW_REASONS };
};

const SUCCESS: Record<ReviewAction, string> = {
  APPROVE: 'Approved: everyone can see the post, and its author was told.',
  HIDE: 'Hidden: only its author and the moderators can see it; its author was told why.',
  DELETE: 'Deleted, and its author was told why.',
  SUSPEND_AUTHOR: 'Hidden, and the author’s suspension is recorded; they were told why.',
};

export const actions: Actions = {
  resolve: async (event) => {
    const form = await event.request.formData();
    const id = text(form, 'id');
    const action = text(form, 'action');
    const note = text(form, 'note');
    const name = `resolve-${id}`;
    if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) return invalid(name, { action: 'Choose what to do with this post.' }, { note });
    return formAction(event, name, ResolveReviewDocument, { id, action: action as ReviewAction, note: note || null }, {
      values: { note, action },
      success: SUCCESS[action as ReviewAction],
    });
  },
};
