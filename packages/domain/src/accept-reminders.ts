import { addWallClockHours } from './business-hours';

/** How far before the unsolved window ends a reminder is sent at the latest, so the asker can still act on it. */
export const ACCEPT_REMINDER_LEAD_HOURS = 1;

/**
 * When the asker is reminded to accept: `reminderHours` after the first peer answer, but never later than
 * ACCEPT_REMINDER_LEAD_HOURS before the unsolved window (counted from asking) ends, so the reminder comes
 * before the question goes to staff; never before the first peer answer itself.
 */
export function acceptReminderDueAt(
  facts: { askedAt: Date; firstPeerAnswerAt: Date },
  policy: { unsolvedWindowHours: number; reminderHours: number },
): Date {
  const afterAnswer = addWallClockHours(facts.firstPeerAnswerAt, policy.reminderHours);
  const beforeUnsolved = addWallClockHours(facts.askedAt, policy.unsolvedWindowHours - ACCEPT_REMINDER_LEAD_HOURS);
  const due = afterAnswer < beforeUnsolved ? afterAnswer : beforeUnsolved;
  return due > facts.firstPeerAnswerAt ? due : facts.firstPeerAnswerAt;
}
