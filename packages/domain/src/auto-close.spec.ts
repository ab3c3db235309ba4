import { autoCloseDueAt, autoCloseNote, isDueToAutoClose } from './auto-close';
import { checkCloseReason, MODERATOR_CLOSE_REASONS } from './thread-moderation';
import { validateCategoryPatch } from './validation';

const solvedAt = new Date('2026-03-02T10:00:00.000Z');
const solved = { status: 'SOLVED' as const, solvedAt, reopenedAt: null };
const weekly = { solvedAutoCloseDays: 7 };

describe('autoCloseDueAt', () => {
  it('is the configured days after the acceptance', () => {
    expect(autoCloseDueAt(solved, weekly)).toEqual(new Date('2026-03-09T10:00:00.000Z'));
  });

  it('is never in a category without the setting', () => {
    expect(autoCloseDueAt(solved, { solvedAutoCloseDays: null })).toBeNull();
  });

  it.each(['OPEN', 'ANSWERED', 'ESCALATED', 'CLOSED'] as const)('is never for a %s question', (status) => {
    expect(autoCloseDueAt({ ...solved, status }, weekly)).toBeNull();
  });

  it('leaves a question reopened after its acceptance open', () => {
    expect(autoCloseDueAt({ ...solved, reopenedAt: new Date('2026-03-10T10:00:00.000Z') }, weekly)).toBeNull();
    expect(autoCloseDueAt({ ...solved, reopenedAt: solvedAt }, weekly)).toBeNull();
  });

  it('counts again from an acceptance made after the reopening', () => {
    const acceptedAgain = new Date('2026-03-12T10:00:00.000Z');
    expect(autoCloseDueAt({ ...solved, solvedAt: acceptedAgain, reopenedAt: new Date('2026-03-10T10:00:00.000Z') }, weekly))
      .toEqual(new Date('2026-03-19T10:00:00.000Z'));
  });
});

describe('isDueToAutoClose', () => {
  it('is due from the due moment on, not a millisecond before', () => {
    const due = new Date('2026-03-09T10:00:00.000Z');
    expect(isDueToAutoClose(solved, weekly, new Date(due.getTime() - 1))).toBe(false);
    expect(isDueToAutoClose(solved, weekly, due)).toBe(true);
    expect(isDueToAutoClose(solved, { solvedAutoCloseDays: null }, due)).toBe(false);
  });
});

describe('the auto-close setting and reason', () => {
  it('takes whole days from 1 to 3650, or null for never', () => {
    expect(validateCategoryPatch({ solvedAutoCloseDays: 1 })).toEqual([]);
    expect(validateCategoryPatch({ solvedAutoCloseDays: 3650 })).toEqual([]);
    expect(validateCategoryPatch({ solvedAutoCloseDays: null })).toEqual([]);
    for (const bad of [0, -1, 3651, 2.5]) {
      expect(validateCategoryPatch({ solvedAutoCloseDays: bad })).toEqual([expect.objectContaining({ field: 'solvedAutoCloseDays' })]);
    }
  });

  it('is a reason only auto-close gives', () => {
    expect(MODERATOR_CLOSE_REASONS).not.toContain('RESOLVED');
    expect(() => checkCloseReason('RESOLVED', null)).toThrow(expect.objectContaining({
      code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ field: 'reason', message: expect.stringMatching(/close by themselves/) })],
    }));
  });

  it('says why in the note', () => {
    expect(autoCloseNote(7)).toBe('Solved; closed automatically after 7 days.');
    expect(autoCloseNote(1)).toBe('Solved; closed automatically after 1 day.');
  });
});
