import type { AuditAction } from './audit-actions';
import type { FieldError } from './errors';
import { type Actor, can, type Role } from './roles';
import { allowanceOf, type TrustLevel } from './trust-levels';
import type { SpamCheck } from './spam-checks';
import { momentText } from './moment-text';
import { type Restriction } from './standing';

/**
 * Posts' moderation: who sees a held or hidden post, what its author is told, how flags add up to hiding a
 * post, and what a review decision does to the flags. The API stores the state; these rules decide it.
 */

/** A post's moderation state as stored: VISIBLE to all, HELD before anyone saw it, HIDDEN after. Deleted is `deleted_at`. */
export const MODERATION_STATES = ['VISIBLE', 'HELD', 'HIDDEN'] as const;
export type ModerationState = typeof MODERATION_STATES[number];

/** The state as the author and moderators read it (a soft-deleted post reads DELETED). */
export const POST_MODERATION_STATES = ['VISIBLE', 'HELD', 'HIDDEN', 'DELETED'] as const;
export type PostModerationState = typeof POST_MODERATION_STATES[number];

export const FLAG_TARGET_TYPES = ['QUESTION', 'ANSWER', 'COMMENT'] as const;
export type FlagTargetType = typeof FLAG_TARGET_TYPES[number];

export const FLAG_REASONS = ['SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'NEEDS_STAFF', 'OTHER'] as const;
export type FlagReason = typeof FLAG_REASONS[number];

/** Why a post is in the review queue: members flagged it, it is a new member's first post, or a spam check held it. */
export const REVIEW_REASONS = ['FLAGGED', 'NEW_MEMBER', 'SILENCED', 'SPAM_CHECK'] as const;
export type ReviewReason = typeof REVIEW_REASONS[number];

export const REVIEW_STATES = ['OPEN', 'RESOLVED'] as const;
export type ReviewState = typeof REVIEW_STATES[number];

/** What a moderator decides: APPROVE shows the post, HIDE hides it, DELETE soft-deletes it, SUSPEND_AUTHOR hides it and suspends its author. */
export const REVIEW_ACTIONS = ['APPROVE', 'HIDE', 'DELETE', 'SUSPEND_AUTHOR'] as const;
export type ReviewAction = typeof REVIEW_ACTIONS[number];

/** A flag's outcome once its post is reviewed: UPHELD (hidden, deleted) or DECLINED (approved). Null while open. */
export const FLAG_OUTCOMES = ['UPHELD', 'DECLINED'] as const;
export type FlagOutcome = typeof FLAG_OUTCOMES[number];

/** The audit action of each review decision. */
export const REVIEW_AUDIT_ACTIONS: Readonly<Record<ReviewAction, AuditAction>> = Object.freeze({
  APPROVE: 'REVIEW_APPROVED',
  HIDE: 'REVIEW_HIDDEN',
  DELETE: 'REVIEW_DELETED',
  SUSPEND_AUTHOR: 'REVIEW_AUTHOR_SUSPENDED',
});

/** How long SUSPEND_AUTHOR suspends for; a moderator shortens or lengthens it from the user's page. */
export const REVIEW_SUSPENSION_DAYS = 7;

export const FLAG_NOTE_MAX = 500;
export const REVIEW_NOTE_MAX = 1000;

/** What a held new member's post tells its author (and the wording). */
export const NEW_MEMBER_HOLD_REASON = "Waiting for a moderator: new members' first posts are checked.";

const FLAG_REASON_WORDS: Readonly<Record<FlagReason, string>> = {
  SPAM: 'spam',
  OFFENSIVE: 'offensive',
  OFF_TOPIC: 'off-topic',
  NEEDS_STAFF: 'needs our team',
  OTHER: 'another reason',
};

export function flagReasonWords(reason: FlagReason): string {
  return FLAG_REASON_WORDS[reason];
}

/** The reason a post hidden by flags shows its author: the flags' reasons, most weighty first. */
export function flagHideReason(reasons: readonly FlagReason[]): string {
  const words = [...new Set(reasons)].map(flagReasonWords);
  return `Hidden after members flagged it (${words.join(', ') || 'flagged'}).`;
}

/** Where the post's review stands, for what its author is told next. */
export interface ReviewStanding {
  /** A moderator has yet to decide (an open review item). */
  pending: boolean;
  /** The author already asked for a second look. */
  secondLookRequested: boolean;
}

/** What happens next, for the author of a held, hidden or deleted post; null for a visible one. */
export function moderationNextStep(state: PostModerationState, review: ReviewStanding): string | null {
  switch (state) {
    case 'HELD':
      return 'Only you and the moderators can see it for now. Once a moderator approves it, everyone can, and you will get a notification.';
    case 'HIDDEN':
      if (review.pending) {
        return review.secondLookRequested
          ? 'You asked for a second look: a moderator will review it again, and you will get a notification.'
          : 'Only you and the moderators can see it. A moderator will review it: if it breaks no rule it comes back, and you will get a notification.';
      }
      return review.secondLookRequested
        ? 'A moderator looked at it again and kept it hidden.'
        : 'A moderator kept it hidden. If you think that was a mistake, you can ask for a second look once.';
    case 'DELETED':
      return 'It was removed and nobody else can see it.';
    case 'VISIBLE':
      return null;
  }
}

interface ModeratedPost {
  authorId: string | null;
  moderationState: ModerationState;
}

/** Who may read a post in this state: everyone when VISIBLE; else only its author and the moderators. */
export function canSeePost(viewer: Actor | null, post: ModeratedPost): boolean {
  return post.moderationState === 'VISIBLE' || canSeeModeration(viewer, post);
}

/** Whether a viewer may read a post's moderation state and reason: its author and the moderators. */
export function canSeeModeration(viewer: Actor | null, post: { authorId: string | null }): boolean {
  return viewer !== null && (viewer.id === post.authorId || can(viewer.role, 'review_posts'));
}

export function validateFlag(input: { reason: FlagReason; note?: string | null }): FieldError[] {
  const note = input.note?.trim() ?? '';
  const errors: FieldError[] = [];
  if (input.reason === 'OTHER' && !note) errors.push({ field: 'note', message: 'Say what is wrong with this post.' });
  if (note.length > FLAG_NOTE_MAX) errors.push({ field: 'note', message: `At most ${FLAG_NOTE_MAX} characters.` });
  return errors;
}

export function validateReviewNote(note: string | null | undefined, action: ReviewAction): FieldError[] {
  const text = note?.trim() ?? '';
  if (text.length > REVIEW_NOTE_MAX) return [{ field: 'note', message: `At most ${REVIEW_NOTE_MAX} characters.` }];
  if (action !== 'APPROVE' && !text) return [{ field: 'note', message: 'Say why, for the author and the audit log.' }];
  return [];
}

/** How much a member's flag counts towards hiding a post (their trust level's allowance). */
export function flagWeight(level: TrustLevel, isEmployee: boolean): number {
  return allowanceOf(level, isEmployee).flagWeight;
}

/** A visible post is hidden pending review once its open flags weigh at least the threshold. */
export function flagsHidePost(openWeight: number, threshold: number): boolean {
  return openWeight >= threshold;
}

/** Why a new post is held before anyone sees it: the review item's reason and what its author reads. */
export interface PostHold {
  kind: Extract<ReviewReason, 'NEW_MEMBER' | 'SILENCED' | 'SPAM_CHECK'>;
  reason: string;
  /** For the moderators: what the check found (the spam checks), if anything. */
  detail?: string | null;
  /** The spam checks that held it (a SPAM_CHECK hold names at least one). */
  spamChecks?: readonly SpamCheck[];
}

export const NEW_MEMBER_HOLD: PostHold = Object.freeze({ kind: 'NEW_MEMBER', reason: NEW_MEMBER_HOLD_REASON, detail: null });

/** A silenced member's post waits for a moderator; the author reads until when and why (standing.ts). */
export function silencedHold(silence: Restriction): PostHold {
  return { kind: 'SILENCED', reason: `Waiting for a moderator: your posts are checked until ${momentText(silence.until)}. ${silence.reason}`, detail: null };
}

export interface PostingAuthor {
  role: Role;
  trustLevel: TrustLevel;
  isEmployee: boolean;
  /** Questions, answers and comments they posted before this one (held, hidden and deleted ones too). */
  priorPosts: number;
}

/**
 * Whether a post waits for a moderator before anyone else sees it: a NEW member's first `reviewPosts`
 * posts (0 turns the hold off). Employees and anyone who reviews posts themselves are never held.
 */
export function holdsNewMemberPost(author: PostingAuthor, reviewPosts: number): boolean {
  if (author.isEmployee || can(author.role, 'review_posts')) return false;
  return author.trustLevel === 'NEW' && author.priorPosts < reviewPosts;
}

/** What a decision does to the open flags of the post: approval declines them, any removal upholds them. */
export function flagOutcomeOf(action: ReviewAction): FlagOutcome {
  return action === 'APPROVE' ? 'DECLINED' : 'UPHELD';
}

/**
 * Why the author may not ask for a second look at a review item, or null when they may: once, after a
 * moderator decided to keep the post hidden (a deleted post is gone; an approved one needs nothing).
 */
export function secondLookRefusal(item: { state: ReviewState; decision: ReviewAction | null; secondLookRequestedAt: Date | null }): string | null {
  if (item.secondLookRequestedAt) return 'You already asked for a second look at this post.';
  if (item.state === 'OPEN') return 'A moderator has not decided yet: they will look at it.';
  if (item.decision === 'APPROVE') return 'This post was approved; there is nothing to look at again.';
  if (item.decision === 'DELETE') return 'This post was deleted and cannot be looked at again.';
  return null;
}
