import { INITIAL_THREAD_STATUS, nextThreadStatus, type ThreadEvent, type ThreadStatus } from './thread-status';

/** The status a thread reaches through these events from `from`: the state machine, replayed. */
export function statusAfter(events: readonly ThreadEvent[], from: ThreadStatus = INITIAL_THREAD_STATUS): ThreadStatus {
  return events.reduce(nextThreadStatus, from);
}

/** What another community's dump tells of a thread (e.g. a Stack Exchange question). */
export interface ImportedThreadFacts {
  answerCount: number;
  hasAcceptedAnswer: boolean;
  closed: boolean;
}

/**
 * The history an imported thread stands for, in the only order it can have happened here: its answers,
 * then the acceptance of one, then the closing (a closed thread takes no answers). It never holds an
 * escalation: imported threads are history, never sent to staff.
 */
export function importedThreadEvents({ answerCount, hasAcceptedAnswer, closed }: ImportedThreadFacts): ThreadEvent[] {
  return [
    ...Array.from({ length: answerCount }, (): ThreadEvent => ({ type: 'ANSWER_POSTED' })),
    ...(hasAcceptedAnswer ? [{ type: 'ANSWER_ACCEPTED' } as const] : []),
    ...(closed ? [{ type: 'CLOSED' } as const] : []),
  ];
}

/** An imported thread's status: its history replayed through the same state machine as the API's writes. */
export function importedThreadStatus(facts: ImportedThreadFacts): ThreadStatus {
  return statusAfter(importedThreadEvents(facts));
}
