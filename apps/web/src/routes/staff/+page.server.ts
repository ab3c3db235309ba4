import {
  AssignEscalationDocument,
  ClaimEscalationDocument,
  MarkNeedsInfoDocument,
  ReleaseEscalationDocument,
  ReturnToCommunityDocument,
  StaffQueuePageDocument,
} from '@peerdesk/api-client';
import { consoleAction, consoleQuery, text } from '$lib/server/console';
import type { Actions, PageServerLoad } from './$types';

const STATES = ['WAITING', 'ASSIGNED', 'NEEDS_INFO', 'BREACHED'] as const;
type QueueState = (typeof STATES)[number];

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const category = params.get('category') ?? '';
  const assignee = params.get('assignee') ?? '';
  const stateParam = params.get('state') ?? '';
  const state = (STATES as readonly string[]).includes(stateParam) ? (stateParam as QueueState) : '';
  // The API filters by user id: "me" is the signed-in viewer, anything else a staff member's id.
  const assigneeId = assignee === 'me' ? event.locals.viewer?.id : assignee || undefined;
  const data = await consoleQuery(event, StaffQueuePageDocument, {
    filter: { categoryId: category || undefined, state: state || undefined, assigneeId },
    after: params.get('after') || undefined,
  });
  return {
    me: data.me,
    categories: data.categories,
    staffMembers: data.staffMembers,
    items: data.staffQueue.edges.map((e) => e.node),
    totalCount: data.staffQueue.totalCount,
    nextCursor: data.staffQueue.pageInfo.hasNextPage ? data.staffQueue.pageInfo.endCursor : null,
    filters: { category, assignee, state },
    states: STATES,
  };
};

const question = (form: FormData) => ({ questionId: text(form, 'questionId') });

export const actions: Actions = {
  claim: async (event) => {
    const form = await event.request.formData();
    return consoleAction(event, `claim:${text(form, 'questionId')}`, ClaimEscalationDocument, question(form), 'Claimed: it is yours now.');
  },
  assign: async (event) => {
    const form = await event.request.formData();
    return consoleAction(
      event,
      `assign:${text(form, 'questionId')}`,
      AssignEscalationDocument,
      { ...question(form), userId: text(form, 'userId') },
      'Assigned.',
    );
  },
  release: async (event) => {
    const form = await event.request.formData();
    return consoleAction(event, `release:${text(form, 'questionId')}`, ReleaseEscalationDocument, question(form), 'Released back to the queue.');
  },
  needsInfo: async (event) => {
    const form = await event.request.formData();
    return consoleAction(
      event,
      `needsInfo:${text(form, 'questionId')}`,
      MarkNeedsInfoDocument,
      { ...question(form), note: text(form, 'note') || null },
      'Waiting on the asker: the staff clock is paused until they reply.',
    );
  },
  returnToCommunity: async (event) => {
    const form = await event.request.formData();
    return consoleAction(
      event,
      `return:${text(form, 'questionId')}`,
      ReturnToCommunityDocument,
      { ...question(form), reason: text(form, 'reason') },
      'Returned to the community.',
    );
  },
};
