/**
 * How each deflection outcome is named and drawn. Colours are the Okabe–Ito palette (distinct for
 * the common forms of colour blindness); each outcome also has its own fill pattern and a text
 * label, so no chart relies on colour alone.
 */

export const OUTCOME_ORDER = [
  'PEER_SOLVED',
  'PEER_SOLVED_AFTER_ESCALATION',
  'SELF_SOLVED',
  'STAFF_SOLVED',
  'ANSWERED_UNSOLVED_PEER_ONLY',
  'ANSWERED_UNSOLVED_STAFF',
  'UNANSWERED',
] as const;
export type OutcomeKey = (typeof OUTCOME_ORDER)[number];

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' | 'backslash';

export interface OutcomeStyle {
  label: string;
  color: string;
  pattern: PatternKind;
}

export const OUTCOME_STYLES: Record<OutcomeKey, OutcomeStyle> = {
  PEER_SOLVED: { label: 'Peer-solved', color: '#009E73', pattern: 'solid' },
  PEER_SOLVED_AFTER_ESCALATION: { label: 'Peer-solved after escalation', color: '#56B4E9', pattern: 'diagonal' },
  SELF_SOLVED: { label: 'Self-solved', color: '#CC79A7', pattern: 'dots' },
  STAFF_SOLVED: { label: 'Staff-solved', color: '#0072B2', pattern: 'cross' },
  ANSWERED_UNSOLVED_PEER_ONLY: { label: 'Answered, unsolved (peers only)', color: '#E69F00', pattern: 'horizontal' },
  ANSWERED_UNSOLVED_STAFF: { label: 'Answered, unsolved (staff answered)', color: '#D55E00', pattern: 'backslash' },
  UNANSWERED: { label: 'Unanswered', color: '#8C8C8C', pattern: 'vertical' },
};

/** Counts by outcome from the API's `outcomes { outcome count }` list (unknown outcomes are ignored). */
export function outcomeCounts(outcomes: ReadonlyArray<{ outcome: string; count: number }>): Record<OutcomeKey, number> {
  return countsByKey(outcomes, OUTCOME_ORDER);
}

/** Counts by key from a `{ outcome count }` list, every key present (0 when absent; keys not listed are ignored). */
export function countsByKey<K extends string>(parts: ReadonlyArray<{ outcome: string; count: number }>, keys: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const { outcome, count } of parts) if (Object.hasOwn(counts, outcome)) counts[outcome as K] += count;
  return counts;
}
