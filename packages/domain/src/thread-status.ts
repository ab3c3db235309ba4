import { DomainError } from './errors';

export const THREAD_STATUSES = ['OPEN', 'ANSWERED', 'SOLVED', 'ESCALATED', 'CLOSED'] as const;
export type ThreadStatus = typeof THREAD_STATUSES[number];

/** Every new question starts here. */
export const INITIAL_THREAD_STATUS: ThreadStatus = 'OPEN';

export function isThreadStatus(value: string): value is ThreadStatus {
  return (THREAD_STATUSES as readonly string[]).includes(value);
}

/** Counts are taken after the event happened (e.g. answers still visible once one is removed). */
export type ThreadEvent =
  | { type: 'ANSWER_POSTED' }
  | { type: 'ANSWER_REMOVED'; remainingAnswers: number }
  | { type: 'ANSWER_ACCEPTED' }
  | { type: 'ACCEPTANCE_WITHDRAWN'; answerCount: number }
  | { type: 'ESCALATED' }
  | { type: 'RETURNED_TO_COMMUNITY'; answerCount: number; hasAcceptedAnswer: boolean }
  | { type: 'RESOLVED_PRIVATELY' }
  | { type: 'CLOSED' }
  | { type: 'REOPENED'; answerCount: number; hasAcceptedAnswer: boolean };
export type ThreadEventType = ThreadEvent['type'];

/**
 * What the thread's answers look like, for the events whose outcome depends on them.
 * Exactly one holds at any time, so a (from, event) pair never has two matching rows.
 */
export type ThreadCondition = 'has accepted answer' | 'has answers' | 'has no answers';

export interface ThreadTransition {
  readonly from: ThreadStatus;
  readonly event: ThreadEventType;
  readonly to: ThreadStatus;
  readonly when?: ThreadCondition;
}

/**
 * The whole state machine; a move not listed here is refused.
 * Removing an answer from a SOLVED thread leaves it SOLVED: when the accepted answer itself goes,
 * the caller sends ACCEPTANCE_WITHDRAWN first. A CLOSED thread only moves on REOPENED, but moderators
 * may still remove answers (and with them an acceptance) while it stays CLOSED; reopening recomputes from the facts.
 */
export const THREAD_TRANSITIONS: readonly ThreadTransition[] = Object.freeze([
  { from: 'OPEN', event: 'ANSWER_POSTED', to: 'ANSWERED' },
  { from: 'ANSWERED', event: 'ANSWER_POSTED', to: 'ANSWERED' },
  { from: 'SOLVED', event: 'ANSWER_POSTED', to: 'SOLVED' },
  { from: 'ESCALATED', event: 'ANSWER_POSTED', to: 'ESCALATED' },

  { from: 'ANSWERED', event: 'ANSWER_REMOVED', to: 'ANSWERED', when: 'has answers' },
  { from: 'ANSWERED', event: 'ANSWER_REMOVED', to: 'OPEN', when: 'has no answers' },
  { from: 'SOLVED', event: 'ANSWER_REMOVED', to: 'SOLVED' },
  { from: 'ESCALATED', event: 'ANSWER_REMOVED', to: 'ESCALATED' },
  { from: 'CLOSED', event: 'ANSWER_REMOVED', to: 'CLOSED' },

  { from: 'ANSWERED', event: 'ANSWER_ACCEPTED', to: 'SOLVED' },
  { from: 'ESCALATED', event: 'ANSWER_ACCEPTED', to: 'SOLVED' },
  { from: 'SOLVED', event: 'ANSWER_ACCEPTED', to: 'SOLVED' },

  { from: 'SOLVED', event: 'ACCEPTANCE_WITHDRAWN', to: 'ANSWERED', when: 'has answers' },
  { from: 'SOLVED', event: 'ACCEPTANCE_WITHDRAWN', to: 'OPEN', when: 'has no answers' },
  { from: 'ESCALATED', event: 'ACCEPTANCE_WITHDRAWN', to: 'ESCALATED' },
  { from: 'CLOSED', event: 'ACCEPTANCE_WITHDRAWN', to: 'CLOSED' },

  { from: 'OPEN', event: 'ESCALATED', to: 'ESCALATED' },
  { from: 'ANSWERED', event: 'ESCALATED', to: 'ESCALATED' },

  { from: 'ESCALATED', event: 'RETURNED_TO_COMMUNITY', to: 'SOLVED', when: 'has accepted answer' },
  { from: 'ESCALATED', event: 'RETURNED_TO_COMMUNITY', to: 'ANSWERED', when: 'has answers' },
  { from: 'ESCALATED', event: 'RETURNED_TO_COMMUNITY', to: 'OPEN', when: 'has no answers' },

  // Our team settled it in the private conversation: solved by staff although no answer is accepted (yet).
  { from: 'OPEN', event: 'RESOLVED_PRIVATELY', to: 'SOLVED' },
  { from: 'ANSWERED', event: 'RESOLVED_PRIVATELY', to: 'SOLVED' },
  { from: 'ESCALATED', event: 'RESOLVED_PRIVATELY', to: 'SOLVED' },
  { from: 'SOLVED', event: 'RESOLVED_PRIVATELY', to: 'SOLVED' },
  { from: 'CLOSED', event: 'RESOLVED_PRIVATELY', to: 'CLOSED' },

  { from: 'OPEN', event: 'CLOSED', to: 'CLOSED' },
  { from: 'ANSWERED', event: 'CLOSED', to: 'CLOSED' },
  { from: 'SOLVED', event: 'CLOSED', to: 'CLOSED' },
  { from: 'ESCALATED', event: 'CLOSED', to: 'CLOSED' },

  { from: 'CLOSED', event: 'REOPENED', to: 'SOLVED', when: 'has accepted answer' },
  { from: 'CLOSED', event: 'REOPENED', to: 'ANSWERED', when: 'has answers' },
  { from: 'CLOSED', event: 'REOPENED', to: 'OPEN', when: 'has no answers' },
] satisfies ThreadTransition[]);

const EVENT_ACTION: Readonly<Record<ThreadEventType, string>> = {
  ANSWER_POSTED: 'Answering',
  ANSWER_REMOVED: 'Removing an answer',
  ANSWER_ACCEPTED: 'Accepting an answer',
  ACCEPTANCE_WITHDRAWN: 'Withdrawing the accepted answer',
  ESCALATED: 'Escalating to staff',
  RETURNED_TO_COMMUNITY: 'Returning to the community',
  RESOLVED_PRIVATELY: 'Resolving privately',
  CLOSED: 'Closing',
  REOPENED: 'Reopening',
};

export class InvalidTransitionError extends DomainError {
  constructor(
    readonly from: ThreadStatus,
    readonly event: ThreadEventType,
  ) {
    super('CONFLICT', `${EVENT_ACTION[event]} isn't possible while the question is ${from.toLowerCase()}.`);
  }
}

function conditionOf(answerCount: number, hasAcceptedAnswer: boolean): ThreadCondition {
  if (hasAcceptedAnswer) return 'has accepted answer';
  return answerCount > 0 ? 'has answers' : 'has no answers';
}

/** Undefined for events that carry no facts; only unconditional rows can match those. */
function eventCondition(event: ThreadEvent): ThreadCondition | undefined {
  switch (event.type) {
    case 'ANSWER_REMOVED':
      return conditionOf(event.remainingAnswers, false);
    case 'ACCEPTANCE_WITHDRAWN':
      return conditionOf(event.answerCount, false);
    case 'RETURNED_TO_COMMUNITY':
    case 'REOPENED':
      return conditionOf(event.answerCount, event.hasAcceptedAnswer);
    default:
      return undefined;
  }
}

export function nextThreadStatus(current: ThreadStatus, event: ThreadEvent): ThreadStatus {
  const condition = eventCondition(event);
  const transition = THREAD_TRANSITIONS.find(
    (t) => t.from === current && t.event === event.type && (t.when === undefined || t.when === condition),
  );
  if (!transition) throw new InvalidTransitionError(current, event.type);
  return transition.to;
}

/** New answers are refused only on CLOSED threads; derived from the table so the two cannot drift. */
export function acceptsAnswers(status: ThreadStatus): boolean {
  return THREAD_TRANSITIONS.some((t) => t.from === status && t.event === 'ANSWER_POSTED');
}

/**
 * Statuses in which a question without answers still waits for one (lists such as "Unanswered"). category_counts_part
 * (apps/api/src/categories/sql/category-counts.sql) counts the same in SQL; tests/api/categories.spec.ts holds the two equal.
 */
export const WAITING_STATUSES: readonly ThreadStatus[] = THREAD_STATUSES.filter(acceptsAnswers);

/** Mermaid stateDiagram-v2 text drawn from THREAD_TRANSITIONS; rows sharing an arrow share one label. */
export function threadStatusDiagram(): string {
  const labelsByArrow = new Map<string, string[]>();
  for (const t of THREAD_TRANSITIONS) {
    const arrow = `${t.from} --> ${t.to}`;
    const label = t.when ? `${t.event} [${t.when}]` : t.event;
    labelsByArrow.set(arrow, [...(labelsByArrow.get(arrow) ?? []), label]);
  }
  const lines = [
    'stateDiagram-v2',
    `    [*] --> ${INITIAL_THREAD_STATUS}`,
    ...[...labelsByArrow].map(([arrow, labels]) => `    ${arrow}: ${labels.join(', ')}`),
  ];
  return lines.join('\n') + '\n';
}
