import { acceptReminderDueAt } from './accept-reminders';

const askedAt = new Date('2026-03-02T10:00:00.000Z');
const policy = { unsolvedWindowHours: 72, reminderHours: 24 };

describe('acceptReminderDueAt', () => {
  it('reminds the asker the configured hours after the first peer answer', () => {
    expect(acceptReminderDueAt({ askedAt, firstPeerAnswerAt: new Date('2026-03-02T12:00:00.000Z') }, policy))
      .toEqual(new Date('2026-03-03T12:00:00.000Z'));
  });

  it('comes an hour before the unsolved window ends when the answer came late', () => {
    expect(acceptReminderDueAt({ askedAt, firstPeerAnswerAt: new Date('2026-03-04T10:00:00.000Z') }, policy))
      .toEqual(new Date('2026-03-05T09:00:00.000Z'));
  });

  it('is never before the first peer answer', () => {
    const lastMinute = new Date('2026-03-05T09:30:00.000Z');
    expect(acceptReminderDueAt({ askedAt, firstPeerAnswerAt: lastMinute }, policy)).toEqual(lastMinute);
  });
});
