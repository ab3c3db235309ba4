/**
 * Search insights and pre-ask deflection: the rules that need no I/O. Whether an ask was avoided is decided by the
 * report's SQL (AskSessionsRepository.preAskDeflection in apps/api/src/search-insights/search-insights.repository.ts),
 * the rule; `isAskAvoidedOracle` is its test oracle.
 */

/** Longest query text kept; longer searches are cut (they are not gaps anyone can act on anyway). */
export const MAX_RECORDED_QUERY_LENGTH = 200;

/** A search that found this many results or fewer is "poor" (zero included): the community may be missing content. */
export const POOR_RESULT_THRESHOLD = 2;

/** How long after opening a solved suggestion a session may still post before the ask counts as avoided. */
export const ASK_ABANDON_WINDOW_MS = 30 * 60 * 1000;

/** An anonymous ask session may write at most this many events; more is refused, so nobody can flood the table. */
export const MAX_ASK_SESSION_EVENTS = 200;

/** The opaque id the ask page makes per attempt: random, URL-safe, 16 to 64 characters. */
const ASK_SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function isAskSessionId(value: string): boolean {
  return ASK_SESSION_ID.test(value);
}

/** Lower-cased, trimmed, whitespace collapsed, cut to the kept length; null for a blank query (nothing to record). */
export function normalizeSearchQuery(query: string): string | null {
  const normalized = query.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, MAX_RECORDED_QUERY_LENGTH).trim();
  return normalized === '' ? null : normalized;
}

export function isPoorResult(totalCount: number): boolean {
  return totalCount <= POOR_RESULT_THRESHOLD;
}

/** What the report knows about one ask session, as of the report's moment (later openings and postings unknown). */
export interface AskSessionFacts {
  /** When the session opened a suggestion that was SOLVED at the time; empty when it never did. */
  solvedOpenings: readonly Date[];
  /** When the session's viewer posted a question, if they did. */
  postedAt: Date | null;
}

/**
 * The test oracle of pre-ask deflection's SQL (the rule): an ask is avoided when the session opened a solved suggestion
 * and did not post within the window after its last such opening, and that window has fully passed by `asOf` (until
 * then the customer may still post). Never called in production; tests/api/rule-oracles.spec.ts ties the two on random sessions.
 */
export function isAskAvoidedOracle(session: AskSessionFacts, asOf: Date): boolean {
  if (session.solvedOpenings.length === 0) return false;
  const lastOpen = Math.max(...session.solvedOpenings.map((d) => d.getTime()));
  const windowEnd = lastOpen + ASK_ABANDON_WINDOW_MS;
  if (windowEnd > asOf.getTime()) return false;
  return session.postedAt === null || session.postedAt.getTime() > windowEnd;
}
