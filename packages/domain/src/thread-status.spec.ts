import { DomainError } from './errors';
import {
  acceptsAnswers,
  INITIAL_THREAD_STATUS,
  InvalidTransitionError,
  isThreadStatus,
  nextThreadStatus,
  THREAD_STATUSES,
  THREAD_TRANSITIONS,
  threadStatusDiagram,
  WAITING_STATUSES,
  type ThreadEvent,
  type ThreadEventType,
  type ThreadStatus,
} from './thread-status';

/** One representative event of each type, for the refusals (facts do not matter there). */
const SAMPLE_EVENT: Record<ThreadEventType, ThreadEvent> = {
  ANSWER_POSTED: { type: 'ANSWER_POSTED' },
  ANSWER_REMOVED: { type: 'ANSWER_REMOVED', remainingAnswers: 1 },
  ANSWER_ACCEPTED: { type: 'ANSWER_ACCEPTED' },
  ACCEPTANCE_WITHDRAWN: { type: 'ACCEPTANCE_WITHDRAWN', answerCount: 1 },
  ESCALATED: { type: 'ESCALATED' },
  RETURNED_TO_COMMUNITY: { type: 'RETURNED_TO_COMMUNITY', answerCount: 1, hasAcceptedAnswer: false },
  RESOLVED_PRIVATELY: { type: 'RESOLVED_PRIVATELY' },
  CLOSED: { type: 'CLOSED' },
  REOPENED: { type: 'REOPENED', answerCount: 1, hasAcceptedAnswer: false },
};

const ALLOWED: [ThreadStatus, ThreadEvent, ThreadStatus][] = [
  ['OPEN', { type: 'ANSWER_POSTED' }, 'ANSWERED'],
  ['ANSWERED', { type: 'ANSWER_POSTED' }, 'ANSWERED'],
  ['SOLVED', { type: 'ANSWER_POSTED' }, 'SOLVED'],
  ['ESCALATED', { type: 'ANSWER_POSTED' }, 'ESCALATED'],

  ['ANSWERED', { type: 'ANSWER_REMOVED', remainingAnswers: 2 }, 'ANSWERED'],
  ['ANSWERED', { type: 'ANSWER_REMOVED', remainingAnswers: 0 }, 'OPEN'],
  ['SOLVED', { type: 'ANSWER_REMOVED', remainingAnswers: 0 }, 'SOLVED'],
  ['SOLVED', { type: 'ANSWER_REMOVED', remainingAnswers: 3 }, 'SOLVED'],
  ['ESCALATED', { type: 'ANSWER_REMOVED', remainingAnswers: 0 }, 'ESCALATED'],
  ['ESCALATED', { type: 'ANSWER_REMOVED', remainingAnswers: 1 }, 'ESCALATED'],
  ['CLOSED', { type: 'ANSWER_REMOVED', remainingAnswers: 0 }, 'CLOSED'],

  ['ANSWERED', { type: 'ANSWER_ACCEPTED' }, 'SOLVED'],
  ['ESCALATED', { type: 'ANSWER_ACCEPTED' }, 'SOLVED'],
  ['SOLVED', { type: 'ANSWER_ACCEPTED' }, 'SOLVED'],

  ['SOLVED', { type: 'ACCEPTANCE_WITHDRAWN', answerCount: 2 }, 'ANSWERED'],
  ['SOLVED', { type: 'ACCEPTANCE_WITHDRAWN', answerCount: 0 }, 'OPEN'],
  ['ESCALATED', { type: 'ACCEPTANCE_WITHDRAWN', answerCount: 1 }, 'ESCALATED'],
  ['CLOSED', { type: 'ACCEPTANCE_WITHDRAWN', answerCount: 1 }, 'CLOSED'],

  ['OPEN', { type: 'ESCALATED' }, 'ESCALATED'],
  ['ANSWERED', { type: 'ESCALATED' }, 'ESCALATED'],

  ['ESCALATED', { type: 'RETURNED_TO_COMMUNITY', answerCount: 2, hasAcceptedAnswer: true }, 'SOLVED'],
  ['ESCALATED', { type: 'RETURNED_TO_COMMUNITY', answerCount: 2, hasAcceptedAnswer: false }, 'ANSWERED'],
  ['ESCALATED', { type: 'RETURNED_TO_COMMUNITY', answerCount: 0, hasAcceptedAnswer: false }, 'OPEN'],

  ['OPEN', { type: 'RESOLVED_PRIVATELY' }, 'SOLVED'],
  ['ANSWERED', { type: 'RESOLVED_PRIVATELY' }, 'SOLVED'],
  ['ESCALATED', { type: 'RESOLVED_PRIVATELY' }, 'SOLVED'],
  ['SOLVED', { type: 'RESOLVED_PRIVATELY' }, 'SOLVED'],
  ['CLOSED', { type: 'RESOLVED_PRIVATELY' }, 'CLOSED'],

  ['OPEN', { type: 'CLOSED' }, 'CLOSED'],
  ['ANSWERED', { type: 'CLOSED' }, 'CLOSED'],
  ['SOLVED', { type: 'CLOSED' }, 'CLOSED'],
  ['ESCALATED', { type: 'CLOSED' }, 'CLOSED'],

  ['CLOSED', { type: 'REOPENED', answerCount: 1, hasAcceptedAnswer: true }, 'SOLVED'],
  ['CLOSED', { type: 'REOPENED', answerCount: 4, hasAcceptedAnswer: false }, 'ANSWERED'],
  ['CLOSED', { type: 'REOPENED', answerCount: 0, hasAcceptedAnswer: false }, 'OPEN'],
];

const FORBIDDEN: [ThreadStatus, ThreadEventType][] = [
  ['CLOSED', 'ANSWER_POSTED'],
  ['OPEN', 'ANSWER_REMOVED'],
  ['OPEN', 'ANSWER_ACCEPTED'],
  ['CLOSED', 'ANSWER_ACCEPTED'],
  ['OPEN', 'ACCEPTANCE_WITHDRAWN'],
  ['ANSWERED', 'ACCEPTANCE_WITHDRAWN'],
  ['SOLVED', 'ESCALATED'],
  ['ESCALATED', 'ESCALATED'],
  ['CLOSED', 'ESCALATED'],
  ['OPEN', 'RETURNED_TO_COMMUNITY'],
  ['ANSWERED', 'RETURNED_TO_COMMUNITY'],
  ['SOLVED', 'RETURNED_TO_COMMUNITY'],
  ['CLOSED', 'RETURNED_TO_COMMUNITY'],
  ['CLOSED', 'CLOSED'],
  ['OPEN', 'REOPENED'],
  ['ANSWERED', 'REOPENED'],
  ['SOLVED', 'REOPENED'],
  ['ESCALATED', 'REOPENED'],
];

describe('nextThreadStatus', () => {
  it.each(ALLOWED)('%s + %o → %s', (from, event, to) => {
    expect(nextThreadStatus(from, event)).toBe(to);
  });

  it.each(FORBIDDEN)('refuses %s + %s', (from, eventType) => {
    expect(() => nextThreadStatus(from, SAMPLE_EVENT[eventType])).toThrow(InvalidTransitionError);
  });

  it('covers every status × event pair exactly once between the allowed and forbidden lists', () => {
    const pairs = [
      ...ALLOWED.map(([from, event]) => `${from} ${event.type}`),
      ...FORBIDDEN.map(([from, type]) => `${from} ${type}`),
    ];
    expect(new Set(pairs).size).toBe(THREAD_STATUSES.length * Object.keys(SAMPLE_EVENT).length);
  });

  it('refuses an answer on a closed thread with a CONFLICT a person can read', () => {
    let thrown: unknown;
    try {
      nextThreadStatus('CLOSED', { type: 'ANSWER_POSTED' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: 'CONFLICT',
      from: 'CLOSED',
      event: 'ANSWER_POSTED',
      message: "Answering isn't possible while the question is closed.",
    });
  });

  it('explains a refused acceptance on an open question', () => {
    expect(() => nextThreadStatus('OPEN', { type: 'ANSWER_ACCEPTED' })).toThrow(
      "Accepting an answer isn't possible while the question is open.",
    );
  });

  it('lets an accepted answer win over inconsistent counts when reopening', () => {
    expect(nextThreadStatus('CLOSED', { type: 'REOPENED', answerCount: 0, hasAcceptedAnswer: true })).toBe('SOLVED');
  });
});

describe('THREAD_TRANSITIONS', () => {
  it('gives each status and event either one fixed outcome or outcomes chosen by distinct facts', () => {
    const conditionsByMove = new Map<string, (string | undefined)[]>();
    for (const t of THREAD_TRANSITIONS) {
      const move = `${t.from} ${t.event}`;
      conditionsByMove.set(move, [...(conditionsByMove.get(move) ?? []), t.when]);
    }
    for (const conditions of conditionsByMove.values()) {
      if (conditions.includes(undefined)) expect(conditions).toEqual([undefined]);
      else expect(new Set(conditions).size).toBe(conditions.length);
    }
  });

  it('has no row that the allowed cases above do not exercise', () => {
    for (const t of THREAD_TRANSITIONS) {
      expect(ALLOWED.some(([from, event, to]) => from === t.from && event.type === t.event && to === t.to)).toBe(true);
    }
  });
});

describe('acceptsAnswers', () => {
  it.each([
    ['OPEN', true],
    ['ANSWERED', true],
    ['SOLVED', true],
    ['ESCALATED', true],
    ['CLOSED', false],
  ] as const)('%s → %s', (status, expected) => {
    expect(acceptsAnswers(status)).toBe(expected);
  });

  it('makes every status but CLOSED one that waits for an answer', () => {
    expect(WAITING_STATUSES).toEqual(['OPEN', 'ANSWERED', 'SOLVED', 'ESCALATED']);
  });
});

describe('isThreadStatus', () => {
  it('recognises the statuses and nothing else', () => {
    expect(THREAD_STATUSES.every(isThreadStatus)).toBe(true);
    expect(isThreadStatus('open')).toBe(false);
    expect(isThreadStatus('PENDING')).toBe(false);
  });

  it('starts new questions OPEN', () => {
    expect(INITIAL_THREAD_STATUS).toBe('OPEN');
  });
});

describe('threadStatusDiagram', () => {
  it('draws the table as Mermaid, one arrow per status pair', () => {
    expect(threadStatusDiagram()).toBe(
      [
        'stateDiagram-v2',
        '    [*] --> OPEN',
        '    OPEN --> ANSWERED: ANSWER_POSTED',
        '    ANSWERED --> ANSWERED: ANSWER_POSTED, ANSWER_REMOVED [has answers]',
        '    SOLVED --> SOLVED: ANSWER_POSTED, ANSWER_REMOVED, ANSWER_ACCEPTED, RESOLVED_PRIVATELY',
        '    ESCALATED --> ESCALATED: ANSWER_POSTED, ANSWER_REMOVED, ACCEPTANCE_WITHDRAWN',
        '    ANSWERED --> OPEN: ANSWER_REMOVED [has no answers]',
        '    CLOSED --> CLOSED: ANSWER_REMOVED, ACCEPTANCE_WITHDRAWN, RESOLVED_PRIVATELY',
        '    ANSWERED --> SOLVED: ANSWER_ACCEPTED, RESOLVED_PRIVATELY',
        '    ESCALATED --> SOLVED: ANSWER_ACCEPTED, RETURNED_TO_COMMUNITY [has accepted answer], RESOLVED_PRIVATELY',
        '    SOLVED --> ANSWERED: ACCEPTANCE_WITHDRAWN [has answers]',
        '    SOLVED --> OPEN: ACCEPTANCE_WITHDRAWN [has no answers]',
        '    OPEN --> ESCALATED: ESCALATED',
        '    ANSWERED --> ESCALATED: ESCALATED',
        '    ESCALATED --> ANSWERED: RETURNED_TO_COMMUNITY [has answers]',
        '    ESCALATED --> OPEN: RETURNED_TO_COMMUNITY [has no answers]',
        '    OPEN --> SOLVED: RESOLVED_PRIVATELY',
        '    OPEN --> CLOSED: CLOSED',
        '    ANSWERED --> CLOSED: CLOSED',
        '    SOLVED --> CLOSED: CLOSED',
        '    ESCALATED --> CLOSED: CLOSED',
        '    CLOSED --> SOLVED: REOPENED [has accepted answer]',
        '    CLOSED --> ANSWERED: REOPENED [has answers]',
        '    CLOSED --> OPEN: REOPENED [has no answers]',
        '',
      ].join('\n'),
    );
  });
});
