import type { ThreadStatus } from '@peerdesk/api-client';

/** How a thread's status reads on a page. */
export const STATUS_LABELS: Record<ThreadStatus, string> = {
  OPEN: 'Unanswered',
  ANSWERED: 'Answered',
  SOLVED: 'Solved',
  ESCALATED: 'With our team',
  CLOSED: 'Closed',
};
