import { AuditLogPageDocument, type AuditAction, type AuditTargetType } from '@peerdesk/api-client';
import { AUDIT_ACTION_NAMES, AUDIT_TARGET_TYPES, describeAuditEntry, describeAuditTarget, isAuditAction, isAuditTargetType } from '@peerdesk/domain';
import { consoleQuery } from '$lib/server/console';
import { fieldErrors } from '$lib/server/forms';
import { GraphQLRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

/** A user is named by their id or their profile's address (/users/<id>), as moderators copy it. */
function userId(reference: string): string {
  const match = /\/users\/([^/?#]+)/.exec(reference);
  return match ? match[1] : reference;
}

/** A day (YYYY-MM-DD, as a date field sends it) as the instant it starts in UTC; `next` for the day after (an inclusive end). */
function dayStart(day: string, next = false): string {
  const start = new Date(`${day}T00:00:00Z`);
  // Not a day: sent as typed, so the API's refusal names the field.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(start.getTime())) return day;
  return new Date(start.getTime() + (next ? 86_400_000 : 0)).toISOString();
}

/** Where an entry's target is read: the thread for posts (an answer or comment entry carries its questionId), the profile for a user. */
function targetHref(entry: { targetType: string; targetId: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null }): string | null {
  const questionId = entry.after?.questionId ?? entry.before?.questionId;
  switch (entry.targetType) {
    case 'QUESTION':
      return `/questions/${entry.targetId}`;
    case 'ANSWER':
      return typeof questionId === 'string' ? `/questions/${questionId}#answer-${entry.targetId}` : null;
    case 'COMMENT':
      return typeof questionId === 'string' ? `/questions/${questionId}` : null;
    case 'USER':
      return `/users/${entry.targetId}`;
    case 'CATEGORY':
    case 'WEBHOOK':
    case 'ANNOUNCEMENT':
    case 'SPAM_RULES':
      return '/admin';
    default:
      return null;
  }
}

const label = (name: string) => name.charAt(0) + name.slice(1).toLowerCase().replaceAll('_', ' ');

export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const filters = {
    actor: params.get('actor')?.trim() ?? '',
    action: params.get('action') ?? '',
    targetType: params.get('targetType') ?? '',
    targetId: params.get('targetId')?.trim() ?? '',
    from: params.get('from')?.trim() ?? '',
    to: params.get('to')?.trim() ?? '',
  };
  const filter = {
    actorId: filters.actor ? userId(filters.actor) : undefined,
    action: isAuditAction(filters.action) ? (filters.action as AuditAction) : undefined,
    targetType: isAuditTargetType(filters.targetType) ? (filters.targetType as AuditTargetType) : undefined,
    targetId: filters.targetId || undefined,
    from: filters.from ? dayStart(filters.from) : undefined,
    to: filters.to ? dayStart(filters.to, true) : undefined,
  };
  const options = {
    filters,
    actions: AUDIT_ACTION_NAMES.map((name) => ({ value: name, label: label(name) })),
    targetTypes: AUDIT_TARGET_TYPES.map((name) => ({ value: name, label: label(name) })),
  };
  try {
    const data = await consoleQuery(event, AuditLogPageDocument, { filter, after: params.get('after') || undefined }, { rethrowInvalid: true });
    const entries = data.auditLog.edges.map(({ node }) => ({
      ...node,
      sentence: describeAuditEntry({ actorName: node.actor?.displayName ?? null, action: node.action, targetType: node.targetType, targetId: node.targetId, reason: node.reason ?? null }),
      target: describeAuditTarget(node.targetType, node.targetId),
      href: targetHref(node),
    }));
    return {
      ...options,
      entries,
      totalCount: data.auditLog.totalCount,
      nextCursor: data.auditLog.pageInfo.hasNextPage ? data.auditLog.pageInfo.endCursor : null,
      invalid: null,
    };
  } catch (e) {
    // Filters the API refuses (an id that is not one, an end before the start): its words beside the fields.
    if (!(e instanceof GraphQLRequestError) || e.code !== 'VALIDATION_FAILED') throw e;
    return { ...options, entries: [], totalCount: 0, nextCursor: null, invalid: fieldErrors(e) };
  }
};
