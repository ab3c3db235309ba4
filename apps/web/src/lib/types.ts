/** Shapes the web app reads from the Peerdesk GraphQL API (kept to the fields it asks for). */

export type ThreadStatus = 'OPEN' | 'ANSWERED' | 'SOLVED' | 'ESCALATED' | 'CLOSED';

export interface CategorySummary {
  id: string;
  name: string;
  slug: string;
  description: string;
  questionCount: number;
  solvedCount: number;
}

export interface QuestionSummary {
  id: string;
  title: string;
  status: ThreadStatus;
  answerCount: number;
  score: number;
  /** ISO 8601 timestamp. */
  createdAt: string;
}
