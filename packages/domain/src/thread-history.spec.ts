import { importedThreadEvents, importedThreadStatus, statusAfter } from './thread-history';
import { InvalidTransitionError } from './thread-status';

describe('statusAfter', () => {
  it('replays events through the state machine, from OPEN unless told', () => {
    expect(statusAfter([])).toBe('OPEN');
    expect(statusAfter([{ type: 'ANSWER_POSTED' }, { type: 'ANSWER_ACCEPTED' }])).toBe('SOLVED');
    expect(statusAfter([{ type: 'REOPENED', answerCount: 1, hasAcceptedAnswer: false }], 'CLOSED')).toBe('ANSWERED');
  });

  it('refuses a history the state machine refuses', () => {
    expect(() => statusAfter([{ type: 'CLOSED' }, { type: 'ANSWER_POSTED' }])).toThrow(InvalidTransitionError);
  });
});

describe('importedThreadStatus', () => {
  it.each([
    [{ answerCount: 0, hasAcceptedAnswer: false, closed: false }, 'OPEN'],
    [{ answerCount: 2, hasAcceptedAnswer: false, closed: false }, 'ANSWERED'],
    [{ answerCount: 3, hasAcceptedAnswer: true, closed: false }, 'SOLVED'],
    [{ answerCount: 0, hasAcceptedAnswer: false, closed: true }, 'CLOSED'],
    [{ answerCount: 1, hasAcceptedAnswer: false, closed: true }, 'CLOSED'],
    [{ answerCount: 1, hasAcceptedAnswer: true, closed: true }, 'CLOSED'],
  ] as const)('%j is %s', (facts, status) => {
    expect(importedThreadStatus(facts)).toBe(status);
  });

  it('never escalates: imported threads are history', () => {
    for (const answerCount of [0, 1, 5])
      for (const closed of [false, true]) {
        const facts = { answerCount, hasAcceptedAnswer: answerCount > 0, closed };
        expect(importedThreadEvents(facts).map((e) => e.type)).not.toContain('ESCALATED');
        expect(importedThreadStatus(facts)).not.toBe('ESCALATED');
      }
  });

  it('refuses an acceptance without an answer to accept', () => {
    expect(() => importedThreadStatus({ answerCount: 0, hasAcceptedAnswer: true, closed: false })).toThrow(InvalidTransitionError);
  });
});
