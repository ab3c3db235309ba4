import type { ThreadStatus } from './thread-status';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What auto-close reads of a question. */
export interface AutoCloseFacts {
  status: ThreadStatus;
  /** When its answer in force was accepted; null when none is. */
  solvedAt: Date | null;
  /** When a moderator last reopened it; null when never. */
  reopenedAt: Date | null;
}

/**
 * When a solved question closes by itself: `solvedAutoCloseDays` after its acceptance, in a category
 * that has the setting (null: never). A moderator's reopening stands: a question reopened at or after its
 * acceptance stays open until an answer is accepted again (that acceptance restarts the count). Null
 * when the question is not SOLVED or will not close.
 */
export function autoCloseDueAt(question: AutoCloseFacts, category: { solvedAutoCloseDays: number | null }): Date | null {
  if (question.status !== 'SOLVED' || question.solvedAt === null || category.solvedAutoCloseDays === null) return null;
  if (question.reopenedAt !== null && question.reopenedAt >= question.solvedAt) return null;
  return new Date(question.solvedAt.getTime() + category.solvedAutoCloseDays * DAY_MS);
}

/** Whether the question is due to close by itself at `now`. */
export function isDueToAutoClose(question: AutoCloseFacts, category: { solvedAutoCloseDays: number | null }, now: Date): boolean {
  const due = autoCloseDueAt(question, category);
  return due !== null && due <= now;
}

/** The close note members read on an automatically closed question. */
export function autoCloseNote(days: number): string {
  return `Solved; closed automatically after ${days} ${days === 1 ? 'day' : 'days'}.`;
}
