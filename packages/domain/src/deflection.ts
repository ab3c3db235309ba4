import type { AuthorKind } from './roles';

/**
 * How a question ended up, as deflection reports count it: exactly one per question, as of a moment.
 * The definitions are written out in docs/metrics.md. The rule is the SQL function report_outcome
 * (apps/api/src/reports/sql/report-outcome.sql), which the report runs; classifyOutcomeOracle below is its test oracle.
 */
export const OUTCOMES = [
  'PEER_SOLVED',
  'PEER_SOLVED_AFTER_ESCALATION',
  'STAFF_SOLVED',
  'STAFF_SOLVED_PRIVATELY',
  'SELF_SOLVED',
  'ANSWERED_UNSOLVED_PEER_ONLY',
  'ANSWERED_UNSOLVED_STAFF',
  'UNANSWERED',
] as const;
export type Outcome = typeof OUTCOMES[number];

/** Outcomes in which an answer is accepted at the moment of the report. */
export const SOLVED_OUTCOMES: readonly Outcome[] = ['PEER_SOLVED', 'PEER_SOLVED_AFTER_ESCALATION', 'STAFF_SOLVED', 'SELF_SOLVED'];

/** What classifyOutcomeOracle needs to know about one question, every fact already taken "as of" the report's moment. */
export interface OutcomeFacts {
  askerId: string;
  /** The acceptance in force at asOf (accepted_at <= asOf, not withdrawn by then), or null. */
  accepted: { answerAuthorId: string; authorKind: AuthorKind; acceptedAt: Date } | null;
  /** The earliest escalation of the question at or before asOf, or null. */
  firstEscalatedAt: Date | null;
  /** Answers created at or before asOf and not deleted by then, by the kind fixed when each was written. */
  liveAnswers: { peer: number; staff: number };
  /** When our team resolved the question's private conversation, if at or before asOf; else null. */
  privatelyResolvedAt: Date | null;
}

/**
 * The test oracle of report_outcome (the rule, in SQL), written independently in TypeScript: checked in this order,
 * the first that applies wins. Never called in production; tests/api/rule-oracles.spec.ts ties the two on random facts,
 * and tests/api/deflection-report-property.spec.ts recomputes whole reports with it.
 */
export function classifyOutcomeOracle(facts: OutcomeFacts): Outcome {
  const { accepted } = facts;
  if (accepted) {
    if (accepted.answerAuthorId === facts.askerId) return 'SELF_SOLVED';
    if (accepted.authorKind === 'STAFF') return 'STAFF_SOLVED';
    if (facts.firstEscalatedAt !== null && facts.firstEscalatedAt.getTime() < accepted.acceptedAt.getTime()) return 'PEER_SOLVED_AFTER_ESCALATION';
    return 'PEER_SOLVED';
  }
  // Staff-solved, in private: never peer deflection, and not an accepted answer.
  if (facts.privatelyResolvedAt !== null) return 'STAFF_SOLVED_PRIVATELY';
  if (facts.liveAnswers.staff > 0) return 'ANSWERED_UNSOLVED_STAFF';
  if (facts.liveAnswers.peer > 0) return 'ANSWERED_UNSOLVED_PEER_ONLY';
  return 'UNANSWERED';
}

/** A share with what it is made of; value is null when there is nothing to divide by. */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Peer deflection: solved by the community without staff ever being called in (PEER_SOLVED only). */
export function peerDeflectionRate(counts: Readonly<Record<Outcome, number>>, cohortSize: number): Rate {
  return rate(counts.PEER_SOLVED, cohortSize);
}

/** Any accepted answer at asOf, whoever wrote it. */
export function acceptedAnswerRate(counts: Readonly<Record<Outcome, number>>, cohortSize: number): Rate {
  return rate(SOLVED_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0), cohortSize);
}

export function emptyOutcomeCounts(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

export const REPORT_BUCKETS = ['DAY', 'WEEK', 'MONTH'] as const;
export type ReportBucket = typeof REPORT_BUCKETS[number];

export function isReportBucket(value: string): value is ReportBucket {
  return (REPORT_BUCKETS as readonly string[]).includes(value);
}

/** More buckets than this in one report is a mistake (a decade by day), not a chart. */
export const MAX_REPORT_BUCKETS = 1000;
