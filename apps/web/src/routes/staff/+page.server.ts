import type { RequestEvent } from '@sveltejs/kit';
import {
  AssignEscalationDocument,
  ClaimEscalationDocument,
  MarkNeedsInfoDocument,
  ReleaseEscalationDocument,
  ReturnToCommunityDocument,
  StaffQueuePageDocument,
  type TypedDocumentString,
} from '@peerdesk/api-client';
import { STAFF_QUEUE_STATES, type StaffQueueState } from '@peerdesk/domain';
import { consoleQuery } from '$lib/server/console';
import { formAction, text } from '$lib/server/forms';
import type { Variables } from '$lib/server/graphql';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const category = params.get('category') ?? '';
  const assignee = params.get('assignee') ?? '';
  const stateParam = params.get('state') ?? '';
  const state = (STAFF_QUEUE_STATES as readonly string[]).includes(stateParam) ? (stateParam as StaffQueueState) : '';
  // The API filters by user id: "me" is the signed-in viewer, anything else a staff member's id.
  const assigneeId = assignee === 'me' ? event.locals.viewer?.id : assignee || undefined;
  // The queue opens on the viewer's staff teams' categories (all of them when in no team); scope=all shows every one.
  const scope = params.get('scope') === 'all' ? 'all' : 'mine';
  const data = await consoleQuery(event, StaffQueuePageDocument, {
    filter: { categoryId: category || undefined, state: state || undefined, assigneeId, mine: scope === 'mine' },
    after: params.get('after') || undefined,
  });
  return {
    me: data.me,
    categories: data.categories,
    staffMembers: data.staffMembers,
    items: data.staffQueue.edges.map((e) => e.node),
    totalCount: data.staffQueue.totalCount,
    nextCursor: data.staffQueue.pageInfo.hasNextPage ? data.staffQueue.pageInfo.endCursor : null,
    filters: { category, assignee, state, scope },
    now: new Date().toISOString(),
    states: STAFF_QUEUE_STATES,
  };
};

/** A queue item's action: its form is named after the action and the question, since every item has its own. */
async function itemAction<T, V extends Variables>(
  event: RequestEvent,
  name: string,
  document: TypedDocumentString<T, V>,
  variables: (form: FormData, questionId: string) => NoInfer<V>,
  success: string,
) {
  const form = await event.request.formData();
  const questionId = text(form, 'questionId');
  return formAction(event, `${name}:${questionId}`, document, variables(form, questionId), { success });
}

export const actions: Actions = {
  claim: (event) => itemAction(event, 'claim', ClaimEscalationDocument, (_, questionId) => ({ questionId }), 'Claimed: it is yours now.'),
  assign: (event) => itemAction(event, 'assign', AssignEscalationDocument, (form, questionId) => ({ questionId, userId: text(form, 'userId') }), 'Assigned.'),
  release: (event) => itemAction(event, 'release', ReleaseEscalationDocument, (_, questionId) => ({ questionId }), 'Released back to the queue.'),
  needsInfo: (event) =>
    itemAction(event, 'needsInfo', MarkNeedsInfoDocument, (form, questionId) => ({ questionId, note: text(form, 'note') }), 'Waiting on the asker: the staff clock is paused until they reply.'),
  returnToCommunity: (event) =>
    itemAction(event, 'return', ReturnToCommunityDocument, (form, questionId) => ({ questionId, reason: text(form, 'reason') }), 'Returned to the community.'),
};
