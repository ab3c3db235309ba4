/** What an audit entry is about. Add a kind here when a new action acts on something new. */
export const AUDIT_TARGET_TYPES = ['USER', 'QUESTION', 'ANSWER', 'COMMENT', 'CATEGORY', 'WEBHOOK', 'ANNOUNCEMENT', 'SPAM_RULES'] as const;
export type AuditTargetType = typeof AUDIT_TARGET_TYPES[number];

const POSTS: readonly AuditTargetType[] = ['QUESTION', 'ANSWER', 'COMMENT'];

interface AuditActionSpec {
  /** What the action is done to (a review decision: whichever kind of post was reviewed). */
  targets: readonly AuditTargetType[];
  /** How it reads between the actor and the target: "Fergal <closed> question 42". */
  verb: string;
}

/**
 * Every action the audit log records, under a stable name (clients and scripts filter by it; the GraphQL
 * enum `AuditAction` is made from these keys). This is the one list: a new moderator or admin action adds
 * its name here and passes it to `AuditService.record`. A name is never renamed or reused once it has landed.
 *
 * Entries about an answer or a comment carry `questionId` in `before` or `after`, so a reader can be sent
 * to the thread; entries never carry an e-mail address, a password or a secret.
 */
export const AUDIT_ACTIONS = {
  USER_ROLE_CHANGED: { targets: ['USER'], verb: 'changed the role of' },
  USER_AFFILIATION_CHANGED: { targets: ['USER'], verb: 'changed the affiliation of' },
  ACCOUNT_DELETED: { targets: ['USER'], verb: 'deleted the account of' },
  CATEGORY_CREATED: { targets: ['CATEGORY'], verb: 'created' },
  CATEGORY_UPDATED: { targets: ['CATEGORY'], verb: 'changed' },
  CATEGORY_STAFF_TEAM_SET: { targets: ['CATEGORY'], verb: 'set the staff team of' },
  WEBHOOK_CREATED: { targets: ['WEBHOOK'], verb: 'created' },
  WEBHOOK_DELETED: { targets: ['WEBHOOK'], verb: 'deleted' },
  ANNOUNCEMENT_SET: { targets: ['ANNOUNCEMENT'], verb: 'set' },
  ANNOUNCEMENT_CLEARED: { targets: ['ANNOUNCEMENT'], verb: 'took down' },
  CATEGORY_ANNOUNCEMENT_SET: { targets: ['CATEGORY'], verb: 'pinned an announcement in' },
  CATEGORY_ANNOUNCEMENT_CLEARED: { targets: ['CATEGORY'], verb: 'took down the announcement in' },
  QUESTION_EDITED: { targets: ['QUESTION'], verb: "edited someone else's" },
  ANSWER_EDITED: { targets: ['ANSWER'], verb: "edited someone else's" },
  ANSWER_DELETED: { targets: ['ANSWER'], verb: "deleted someone else's" },
  COMMENT_EDITED: { targets: ['COMMENT'], verb: "edited someone else's" },
  COMMENT_DELETED: { targets: ['COMMENT'], verb: "deleted someone else's" },
  ANSWER_ACCEPTED_FOR_ASKER: { targets: ['ANSWER'], verb: 'accepted, for the asker,' },
  ACCEPTANCE_WITHDRAWN_FOR_ASKER: { targets: ['QUESTION'], verb: 'withdrew, for the asker, the accepted answer of' },
  QUESTION_MARKED_DUPLICATE: { targets: ['QUESTION'], verb: 'marked as a duplicate' },
  QUESTION_UNMARKED_DUPLICATE: { targets: ['QUESTION'], verb: 'took the duplicate mark off' },
  QUESTION_ESCALATED: { targets: ['QUESTION'], verb: 'sent to staff' },
  ESCALATION_RETURNED_TO_COMMUNITY: { targets: ['QUESTION'], verb: 'returned to the community' },
  ESCALATION_NEEDS_INFO: { targets: ['QUESTION'], verb: 'asked the asker for information on' },
  ESCALATION_CLAIMED: { targets: ['QUESTION'], verb: 'claimed the escalation of' },
  ESCALATION_ASSIGNED: { targets: ['QUESTION'], verb: 'assigned the escalation of' },
  ESCALATION_RELEASED: { targets: ['QUESTION'], verb: 'released the escalation of' },
  PRIVATE_CONVERSATION_RESOLVED: { targets: ['QUESTION'], verb: 'resolved privately' },
  ANSWER_ENDORSED: { targets: ['ANSWER'], verb: 'endorsed' },
  ANSWER_UNENDORSED: { targets: ['ANSWER'], verb: 'took the endorsement off' },
  USER_SUSPENDED: { targets: ['USER'], verb: 'suspended' },
  USER_UNSUSPENDED: { targets: ['USER'], verb: 'lifted the suspension of' },
  USER_SILENCED: { targets: ['USER'], verb: 'silenced' },
  USER_UNSILENCED: { targets: ['USER'], verb: 'lifted the silence of' },
  TRUST_LEVEL_SET: { targets: ['USER'], verb: 'set and locked the trust level of' },
  TRUST_LEVEL_UNLOCKED: { targets: ['USER'], verb: 'handed back to the automatic rule the trust level of' },
  TRUST_LEVEL_CHANGED: { targets: ['USER'], verb: 'changed, by the activity rule, the trust level of' },
  QUESTION_LOCKED: { targets: ['QUESTION'], verb: 'locked' },
  QUESTION_UNLOCKED: { targets: ['QUESTION'], verb: 'unlocked' },
  QUESTION_CLOSED: { targets: ['QUESTION'], verb: 'closed' },
  QUESTION_REOPENED: { targets: ['QUESTION'], verb: 'reopened' },
  QUESTION_MOVED: { targets: ['QUESTION'], verb: 'moved to another category' },
  QUESTION_DELETED: { targets: ['QUESTION'], verb: 'deleted' },
  QUESTION_PINNED: { targets: ['QUESTION'], verb: 'pinned' },
  QUESTION_UNPINNED: { targets: ['QUESTION'], verb: 'unpinned' },
  QUESTION_ANSWERS_MERGED: { targets: ['QUESTION'], verb: 'moved to its original the answers of' },
  REVIEW_APPROVED: { targets: POSTS, verb: 'approved on review' },
  REVIEW_HIDDEN: { targets: POSTS, verb: 'hid on review' },
  REVIEW_DELETED: { targets: POSTS, verb: 'deleted on review' },
  REVIEW_AUTHOR_SUSPENDED: { targets: POSTS, verb: 'hid, and suspended the author of,' },
  POST_HIDDEN: { targets: POSTS, verb: 'hid' },
  POST_RESTORED: { targets: POSTS, verb: 'restored' },
  SPAM_RULES_CHANGED: { targets: ['SPAM_RULES'], verb: 'changed' },
} as const satisfies Record<string, AuditActionSpec>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, value);
}

export function isAuditTargetType(value: string): value is AuditTargetType {
  return (AUDIT_TARGET_TYPES as readonly string[]).includes(value);
}

const TARGET_NOUNS: Readonly<Record<AuditTargetType, string>> = {
  USER: 'user',
  QUESTION: 'question',
  ANSWER: 'answer',
  COMMENT: 'comment',
  CATEGORY: 'category',
  WEBHOOK: 'webhook',
  ANNOUNCEMENT: 'announcement',
  SPAM_RULES: 'spam rules',
};

/** The target as a reader names it: "question 42", "the announcement". */
export function describeAuditTarget(targetType: string, targetId: string): string {
  if (targetType === 'ANNOUNCEMENT') return 'the announcement';
  if (targetType === 'SPAM_RULES') return 'the blocked words and link domains';
  const noun = isAuditTargetType(targetType) ? TARGET_NOUNS[targetType] : targetType.toLowerCase();
  return `${noun} ${targetId}`;
}

/**
 * One entry as a sentence: "Fergal marked as a duplicate question 42: same router fault". An action this
 * code does not know (written by a newer version) still reads, by its name.
 */
export function describeAuditEntry(entry: { actorName: string | null; action: string; targetType: string; targetId: string; reason: string | null }): string {
  const actor = entry.actorName ?? 'The system';
  const verb = isAuditAction(entry.action) ? AUDIT_ACTIONS[entry.action].verb : `did ${entry.action} to`;
  const reason = entry.reason?.trim() ? `: ${entry.reason.trim()}` : '';
  return `${actor} ${verb} ${describeAuditTarget(entry.targetType, entry.targetId)}${reason}`;
}
