// Rate limits: which actions are limited, for whom, how much, and the decision over a set of counters.
// The counters themselves live in PostgreSQL (apps/api/src/rate-limits); this file only decides.

import { DomainError } from './errors';
import { TRUST_LEVELS, TRUST_LIMITED_ACTIONS, TRUST_RATE_LIMITS, type TrustLevel, type TrustLimitedAction, type TrustRateLimits } from './trust-levels';

/**
 * How an action is limited: a `window` limit allows `limit` hits per fixed window; a `progressive`
 * limit (sign-in failures) allows `limit` hits, then makes each further one wait longer after the
 * previous (PROGRESSIVE_DELAYS_SECONDS), and forgets them all after `windowSeconds` without a hit.
 */
export interface RateRule {
  limit: number;
  windowSeconds: number;
  kind: 'window' | 'progressive';
}

/**
 * Every limit, as `<action>.<scope>`; the scope says whose counter it is (see RATE_LIMIT_SCOPES).
 * Limiting a new action (flags, say) is one line here and `@RateLimit('flag')` on its resolver; a
 * tighter limit for new members is one more scope and its lines (`ask.new-account`).
 */
export const DEFAULT_RATE_RULES = {
  // Sign-in failures (a correct password is not counted): per address from one IP, per IP over all
  // addresses (spraying one password), and per address over all IPs (a botnet on one account), which
  // only holds back an IP that has already failed on that address, so the owner signing in from
  // anywhere else is never held back by an attacker's failures.
  'login.address-ip': { limit: 5, windowSeconds: 3600, kind: 'progressive' },
  'login.ip': { limit: 20, windowSeconds: 3600, kind: 'progressive' },
  'login.address': { limit: 20, windowSeconds: 3600, kind: 'progressive' },
  'register.ip': { limit: 10, windowSeconds: 3600, kind: 'window' },
  // Password-reset and e-mail-change links: each sends a mail, to an address the client chooses.
  'account-mail.ip': { limit: 10, windowSeconds: 3600, kind: 'window' },
  'account-mail.account': { limit: 5, windowSeconds: 3600, kind: 'window' },
  'ask.account': { limit: 10, windowSeconds: 3600, kind: 'window' },
  'ask.ip': { limit: 30, windowSeconds: 3600, kind: 'window' },
  'answer.account': { limit: 30, windowSeconds: 3600, kind: 'window' },
  'answer.ip': { limit: 60, windowSeconds: 3600, kind: 'window' },
  'comment.account': { limit: 60, windowSeconds: 3600, kind: 'window' },
  'comment.ip': { limit: 120, windowSeconds: 3600, kind: 'window' },
  'vote.account': { limit: 120, windowSeconds: 3600, kind: 'window' },
  'vote.ip': { limit: 300, windowSeconds: 3600, kind: 'window' },
  // Flags: enough for a member cleaning up after a spam wave, too few to bury a thread they dislike.
  'flag.account': { limit: 60, windowSeconds: 3600, kind: 'window' },
  'flag.ip': { limit: 120, windowSeconds: 3600, kind: 'window' },
  'search.account': { limit: 60, windowSeconds: 60, kind: 'window' },
  'search.ip': { limit: 120, windowSeconds: 60, kind: 'window' },
  'preview.account': { limit: 60, windowSeconds: 60, kind: 'window' },
  'preview.ip': { limit: 120, windowSeconds: 60, kind: 'window' },
  'ask-event.ip': { limit: 600, windowSeconds: 3600, kind: 'window' },
  // A view (or an ask page's opening of a suggestion) counts once per session and question per window;
  // past the per-IP and per-account limits views are served but no longer counted.
  'view.session': { limit: 1, windowSeconds: 3600, kind: 'window' },
  'view.account': { limit: 600, windowSeconds: 3600, kind: 'window' },
  'view.ip': { limit: 1200, windowSeconds: 3600, kind: 'window' },
} as const satisfies Record<string, RateRule>;

export type RateLimitName = keyof typeof DEFAULT_RATE_RULES;
export type RateRules = Record<RateLimitName, RateRule>;
export type RateLimitAction = RateLimitName extends `${infer A}.${string}` ? A : never;

/** Whose counter a limit keeps: the client's address, the signed-in account, or a session (of a reader, per question). */
export const RATE_LIMIT_SCOPES = ['ip', 'account', 'session'] as const;
export type RateLimitScope = (typeof RATE_LIMIT_SCOPES)[number];

/** The rules of one action, by scope (e.g. `ask` → ip and account). */
export function rulesOf(rules: RateRules, action: string): Array<{ name: RateLimitName; scope: string; rule: RateRule }> {
  return (Object.keys(rules) as RateLimitName[])
    .filter((name) => name.startsWith(`${action}.`))
    .map((name) => ({ name, scope: name.slice(action.length + 1), rule: rules[name] }));
}

/** The waits of a progressive limit: the first failure past the limit waits 15 s after the one before, then twice as long each time, at most 15 minutes. */
export const PROGRESSIVE_DELAYS_SECONDS = { first: 15, max: 15 * 60 } as const;

/** The wait before the `excess`-th hit past a progressive limit (1 is the first over the limit). */
export function progressiveDelaySeconds(excess: number): number {
  if (excess < 1) return 0;
  return Math.min(PROGRESSIVE_DELAYS_SECONDS.first * 2 ** Math.min(excess - 1, 30), PROGRESSIVE_DELAYS_SECONDS.max);
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "10/1h", "60/30s": a count per window (s, m, h or d; at most a day). Null when malformed. */
export function parseRateAmount(text: string): { limit: number; windowSeconds: number } | null {
  const match = /^(\d{1,7})\/(\d{1,5})([smhd])$/.exec(text.trim());
  if (!match) return null;
  const limit = Number(match[1]);
  const windowSeconds = Number(match[2]) * UNITS[match[3]];
  if (limit < 1 || windowSeconds < 1 || windowSeconds > 86400) return null;
  return { limit, windowSeconds };
}

/** The trust-level limits' names, `<action>.<level>` (`ask.new`, `post.basic`): RATE_LIMIT_RULES may override them too. */
function trustRuleName(name: string): { level: TrustLevel; action: TrustLimitedAction } | null {
  const [action, level, ...rest] = name.split('.');
  const upper = (level ?? '').toUpperCase() as TrustLevel;
  if (rest.length > 0 || level !== level?.toLowerCase() || !TRUST_LEVELS.includes(upper)) return null;
  return (TRUST_LIMITED_ACTIONS as readonly string[]).includes(action) ? { level: upper, action: action as TrustLimitedAction } : null;
}

/**
 * The defaults with overrides applied: `"ask.account=5/1h, search.ip=300/1m, ask.new=2/1h"` (the last
 * one a trust-level limit, TRUST_RATE_LIMITS). Returns the problems (each naming the entry) instead of
 * throwing, so start-up reports them with every other mistake.
 */
export function parseRateRules(text: string | undefined): { rules: RateRules; trust: TrustRateLimits; problems: string[] } {
  const rules: RateRules = { ...DEFAULT_RATE_RULES };
  const trust = Object.fromEntries(TRUST_LEVELS.map((level) => [level, { ...TRUST_RATE_LIMITS[level] }])) as TrustRateLimits;
  const problems: string[] = [];
  for (const entry of (text ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [name, amount, ...rest] = entry.split('=');
    const byLevel = trustRuleName(name.trim());
    if (!(name.trim() in DEFAULT_RATE_RULES) && !byLevel) {
      problems.push(`"${entry}": no limit is called "${name.trim()}" (known: ${Object.keys(DEFAULT_RATE_RULES).join(', ')}, and <${TRUST_LIMITED_ACTIONS.join('|')}>.<${TRUST_LEVELS.map((l) => l.toLowerCase()).join('|')}>)`);
      continue;
    }
    const parsed = rest.length === 0 && amount !== undefined ? parseRateAmount(amount) : null;
    if (!parsed) {
      problems.push(`"${entry}" must be <limit>=<count>/<window>, e.g. ${name.trim()}=10/1h (window in s, m, h or d, at most 1d)`);
      continue;
    }
    if (byLevel) {
      trust[byLevel.level][byLevel.action] = parsed;
      continue;
    }
    const key = name.trim() as RateLimitName;
    rules[key] = { ...rules[key], ...parsed };
  }
  return { rules, trust, problems };
}

/** One counter as stored; null when there is none yet. */
export interface RateCounter {
  hits: number;
  /** When its window started (window limits). */
  startedAt: Date;
  /** The last hit counted (progressive limits wait from here and forget after a quiet window). */
  lastAt: Date;
}

/** One limit to check on this request: the counter's key and its rule. */
export interface RateCheck {
  key: string;
  rule: RateRule;
  /** Enforce only when this other counter already has hits in its window (still count this one). */
  onlyAfter?: string;
}

export interface RateWrite extends RateCounter {
  key: string;
  /** When the counter means nothing any more and may be deleted. */
  expiresAt: Date;
}

export type RateDecision =
  | { allowed: true; writes: RateWrite[] }
  | { allowed: false; retryAfterSeconds: number; refusedBy: string[] };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The counter as it stands at `now`: a window that has passed (or a quiet progressive counter) starts afresh. */
function current(rule: RateRule, counter: RateCounter | null, now: Date): RateCounter {
  const from = rule.kind === 'window' ? counter?.startedAt : counter?.lastAt;
  if (!counter || !from || now.getTime() >= from.getTime() + rule.windowSeconds * 1000) return { hits: 0, startedAt: now, lastAt: now };
  return counter;
}

/** When this counter allows its next hit: now when it has room, else the end of its window or delay. */
function readyAt(rule: RateRule, counter: RateCounter): number {
  if (counter.hits < rule.limit) return -Infinity;
  if (rule.kind === 'window') return counter.startedAt.getTime() + rule.windowSeconds * 1000;
  return counter.lastAt.getTime() + progressiveDelaySeconds(counter.hits - rule.limit + 1) * 1000;
}

/**
 * Decides a request against all its limits at once: allowed only when every enforced counter has room,
 * and then every counter takes one hit; refused, nothing is counted and the answer is the longest wait.
 */
export function decideRateLimit(checks: RateCheck[], counters: ReadonlyMap<string, RateCounter | null>, now: Date): RateDecision {
  const states = new Map(checks.map((c) => [c.key, current(c.rule, counters.get(c.key) ?? null, now)]));
  let wait = 0;
  const refusedBy: string[] = [];
  for (const check of checks) {
    if (check.onlyAfter && (states.get(check.onlyAfter)?.hits ?? 0) === 0) continue;
    const ms = readyAt(check.rule, states.get(check.key)!) - now.getTime();
    if (ms > 0) {
      wait = Math.max(wait, ms);
      refusedBy.push(check.key);
    }
  }
  if (refusedBy.length > 0) return { allowed: false, retryAfterSeconds: seconds(wait), refusedBy };
  const writes = checks.map(({ key, rule }) => {
    const state = states.get(key)!;
    const from = rule.kind === 'window' ? state.startedAt : now;
    return { key, hits: state.hits + 1, startedAt: state.startedAt, lastAt: now, expiresAt: new Date(from.getTime() + rule.windowSeconds * 1000) };
  });
  return { allowed: true, writes };
}

/** "2 minutes", "1 hour 5 minutes", "40 seconds": a wait a person can read. */
export function describeWait(totalSeconds: number): string {
  const s = Math.max(1, Math.ceil(totalSeconds));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (s < 60) return plural(s, 'second');
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${plural(hours, 'hour')} ${plural(rest, 'minute')}` : plural(hours, 'hour');
}

/** RATE_LIMITED with the wait in `retryAfterSeconds` and in words: `what` says what was refused ("Too many questions"). */
export function rateLimitedFor(what: string, retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', `${what}. Please try again in ${describeWait(retryAfterSeconds)}.`, undefined, { retryAfterSeconds });
}
