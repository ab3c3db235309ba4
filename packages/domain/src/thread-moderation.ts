import { conflict, validationFailed } from './errors';
import { type Actor, can } from './roles';

/**
 * Why a question is closed. DUPLICATE is only ever set by marking a duplicate (which names the original);
 * RESOLVED only by auto-close (a solved question closed by itself, auto-close.ts); `closeQuestion` takes
 * the others (MODERATOR_CLOSE_REASONS), OTHER with a note.
 */
export const CLOSE_REASONS = ['OFF_TOPIC', 'RESOLVED_ELSEWHERE', 'DUPLICATE', 'OTHER', 'RESOLVED'] as const;
export type CloseReason = typeof CLOSE_REASONS[number];

/** The reasons a moderator picks from when closing by hand. */
export const MODERATOR_CLOSE_REASONS = CLOSE_REASONS.filter((reason) => reason !== 'DUPLICATE' && reason !== 'RESOLVED');

export const CLOSE_REASON_LABELS: Readonly<Record<CloseReason, string>> = {
  OFF_TOPIC: 'Off-topic',
  RESOLVED_ELSEWHERE: 'Resolved elsewhere',
  DUPLICATE: 'Duplicate',
  OTHER: 'Other',
  RESOLVED: 'Solved',
};

/** A moderator's reason (lock, close note, move, delete, edit of another's post): said in a sentence, kept short. */
export const MODERATION_REASON_MAX = 500;

/** The reason trimmed, or a VALIDATION_FAILED on `field` that says what to write. */
export function checkModerationReason(reason: string | null | undefined, field = 'reason', what = 'Say why'): string {
  const trimmed = reason?.trim() ?? '';
  if (!trimmed) throw validationFailed([{ field, message: `${what}: members see this reason.` }]);
  if (trimmed.length > MODERATION_REASON_MAX) {
    throw validationFailed([{ field, message: `Keep the reason under ${MODERATION_REASON_MAX} characters.` }]);
  }
  return trimmed;
}

/** A close reason and its note as `closeQuestion` takes them: OTHER needs a note; DUPLICATE goes through markDuplicate. */
export function checkCloseReason(reason: CloseReason, note: string | null | undefined): { reason: CloseReason; note: string | null } {
  if (reason === 'DUPLICATE') {
    throw validationFailed([{ field: 'reason', message: 'To close as a duplicate, mark it a duplicate of the original (markDuplicate).' }]);
  }
  if (reason === 'RESOLVED') {
    throw validationFailed([{ field: 'reason', message: 'Solved questions close by themselves (the category\'s auto-close); pick another reason.' }]);
  }
  const trimmed = note?.trim() || null;
  if (reason === 'OTHER' && !trimmed) throw validationFailed([{ field: 'note', message: 'Say why it is closed: members see this note.' }]);
  if (trimmed && trimmed.length > MODERATION_REASON_MAX) {
    throw validationFailed([{ field: 'note', message: `Keep the note under ${MODERATION_REASON_MAX} characters.` }]);
  }
  return { reason, note: trimmed };
}

/** A question's lock, as the thread's writers see it. */
export interface ThreadLock {
  lockedAt: Date | null;
  lockReason: string | null;
}

/**
 * A locked question takes no new answers or comments, except from moderators (as Discourse lets staff
 * reply in a closed topic). Votes are untouched; acceptance follows `checkCanAccept`.
 */
export function checkThreadTakesPosts(actor: Actor, thread: ThreadLock): void {
  if (thread.lockedAt !== null && !can(actor.role, 'moderate_threads')) throw lockedError(thread);
}

export function lockedError(thread: ThreadLock) {
  return conflict(`This question is locked: ${thread.lockReason ?? 'a moderator locked it'}`);
}

/**
 * Editing someone else's post takes a reason (shown in the post's history); the author's own edit may
 * give one. Returns the reason to keep, or null.
 */
export function editReasonFor(actor: Actor, post: { authorId: string | null }, reason: string | null | undefined): string | null {
  if (actor.id !== post.authorId) return checkModerationReason(reason, 'reason', "Say why you are editing someone else's post");
  const trimmed = reason?.trim() || null;
  if (trimmed && trimmed.length > MODERATION_REASON_MAX) {
    throw validationFailed([{ field: 'reason', message: `Keep the reason under ${MODERATION_REASON_MAX} characters.` }]);
  }
  return trimmed;
}

/** How many questions one category may pin: the top of a list, not a second list. */
export const MAX_PINNED_PER_CATEGORY = 5;
