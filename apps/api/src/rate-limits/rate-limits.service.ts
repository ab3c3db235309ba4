import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  decideRateLimit, normalizeEmail, type RateCheck, type RateCounter, type RateLimitAction, rateLimitedFor, type RateLimitScope, rulesOf, type TrustLevel, trustRateLimitsOf,
} from '@peerdesk/domain';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { RateLimitsRepository } from './rate-limits.repository';

/** Who a request counts against. */
export interface RateSubject {
  /** The client address as counted (common/client-ip). */
  ip: string;
  /** The signed-in account, if any. */
  accountId: string | null;
  /** What once-per-session limits count by (a view: the reader's session or address and the question). */
  session?: string;
  /** The signed-in member's trust level and whether they are exempt (employees, moderators): the limits by trust level (TRUST_RATE_LIMITS) count by these. */
  trust?: { level: TrustLevel; exempt: boolean };
}

/**
 * Whose counter each scope of a limit is; null: the scope does not apply to this request (no account
 * signed in). The limits by trust level are per account too, keyed `<action>.<level>:<account>`.
 */
const SCOPE_KEYS: Record<RateLimitScope, (subject: RateSubject) => string | null> = {
  ip: (s) => s.ip,
  account: (s) => s.accountId,
  session: (s) => s.session ?? null,
};

/** What a refusal says was too much, by action; anything not named here is "Too many attempts". */
const REFUSALS: Partial<Record<RateLimitAction, string>> = {
  login: 'Too many failed sign-in attempts',
  register: 'Too many accounts were created from your network',
  ask: 'You have asked many questions in a short time',
  answer: 'You have posted many answers in a short time',
  comment: 'You have posted many comments in a short time',
  vote: 'You have voted many times in a short time',
  search: 'Too many searches in a short time',
  preview: 'Too many previews in a short time',
  'ask-event': 'Too many events from the ask page',
};

/** A counter of a limit by trust level: `ask.new:42`. */
const TRUST_KEY = /^[a-z-]+\.(new|basic|member|regular|leader):/;

/** How often an instance deletes counters that have expired. */
const PURGE_EVERY_MS = 60_000;

/** Counters an instance keeps in memory for `fitsHere` (about 100 bytes each): the least recently used go first. */
const MAX_LOCAL_COUNTERS = 100_000;

/** A sign-in attempt counted as a failure until `succeeded()` takes it back. */
export interface SignInAttempt {
  succeeded(): Promise<void>;
}

/** The one rate-limiting mechanism: counters in PostgreSQL, shared by every API instance (see README "Rate limits"). */
@Injectable()
export class RateLimitsService implements OnModuleInit {
  private readonly logger = new Logger('RateLimits');
  private lastPurge = 0;
  /** This instance's own counters (fitsHere), each gone when its window ends. */
  private readonly local = new LRUCache<string, RateCounter & { expiresAt: Date }>({ max: MAX_LOCAL_COUNTERS });

  constructor(
    private readonly counters: RateLimitsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.rateLimits.enabled) {
      this.logger.warn(
        '\n!!! RATE_LIMITS=off: NO RATE LIMITS. Sign-in guessing, flooding and vote stuffing are unchecked.' +
          '\n!!! Only for load tests and benchmarks; never for a server people can reach.',
      );
    }
  }

  /** Counts one `action` (ask, vote, …) against its limits for this subject; RATE_LIMITED when any is full. */
  async consume(action: RateLimitAction, subject: RateSubject): Promise<void> {
    const result = await this.decide(this.checks(action, subject));
    if (result.allowed) return;
    // A newcomer held by their level's limit is told that it is one, and that it lifts.
    const byLevel = result.refusedBy.some((key) => TRUST_KEY.test(key));
    const what = REFUSALS[action] ?? 'Too many attempts';
    throw rateLimitedFor(byLevel ? `${what}: new members have lower limits, which lift as you take part` : what, result.retryAfterSeconds);
  }

  /**
   * Counts one `action` and says whether it fitted, without refusing anything: what counts views (a
   * view past the limits is served but not counted).
   */
  async fits(action: RateLimitAction, subject: RateSubject): Promise<boolean> {
    return (await this.hit(this.checks(action, subject))) === true;
  }

  /**
   * Counts one `action` against this instance's counters in memory and says whether it fitted, writing
   * nothing: what decides which page views are worth buffering (a view past the limits is served but not
   * counted). Each instance keeps its own, so behind N instances a reader gets up to N times the per-address
   * and per-account limits; the once-per-session limit is decided again, exactly, by `openWindows` when the
   * views are written.
   */
  fitsHere(action: RateLimitAction, subject: RateSubject): boolean {
    const checks = this.checks(action, subject);
    if (!this.config.rateLimits.enabled || checks.length === 0) return true;
    const now = this.clock.now();
    const counters = new Map(checks.map((c) => {
      const counter = this.local.get(c.key);
      return [c.key, counter && counter.expiresAt > now ? counter : null] as const;
    }));
    const decision = decideRateLimit(checks, counters, now);
    if (!decision.allowed) return false;
    for (const write of decision.writes) this.local.set(write.key, write);
    return true;
  }

  /**
   * Counts, in `em`'s transaction, one hit of each session's `<action>.session` limit (one per session in
   * `hits`) at its time, and returns the sessions whose hit fitted: the shared counters decide, so a session
   * counted by two instances' batches fits once per window.
   */
  async openWindows(em: EntityManager, action: RateLimitAction, hits: Array<{ session: string; at: Date }>): Promise<Set<string>> {
    const rule = rulesOf(this.config.rateLimits.rules, action).find((r) => r.scope === 'session')?.rule;
    if (!this.config.rateLimits.enabled || !rule) return new Set(hits.map((h) => h.session));
    const prefix = `${action}.session:`;
    const keys = await this.counters.hitWindows(em, hits.map((h) => ({ key: prefix + h.session, at: h.at })), rule.limit, rule.windowSeconds);
    return new Set(keys.map((key) => key.slice(prefix.length)));
  }

  /**
   * Records a sign-in attempt as a failure before the password is checked, and decides, in one
   * transaction over its counters: per address from this IP, per IP, and per address from every IP
   * (held against an IP only once it has failed on this address). So concurrent guesses are counted
   * one after another and at most the limit get their password checked.
   */
  async signIn(emailInput: string, ip: string): Promise<SignInAttempt> {
    const email = normalizeEmail(emailInput);
    const rules = this.config.rateLimits.rules;
    const pair = `login.address-ip:${email}|${ip}`;
    const byIp = `login.ip:${ip}`;
    const byAddress = `login.address:${email}`;
    const checks: RateCheck[] = [
      { key: pair, rule: rules['login.address-ip'] },
      { key: byIp, rule: rules['login.ip'] },
      { key: byAddress, rule: rules['login.address'], onlyAfter: pair },
    ];
    const result = await this.hit(checks);
    if (result !== true) throw rateLimitedFor(REFUSALS.login!, result);
    return { succeeded: () => (this.config.rateLimits.enabled ? this.counters.release([byIp, byAddress], [pair]) : Promise.resolve()) };
  }

  private checks(action: RateLimitAction, subject: RateSubject): RateCheck[] {
    const checks: RateCheck[] = [];
    for (const { name, scope, rule } of rulesOf(this.config.rateLimits.rules, action)) {
      const who = SCOPE_KEYS[scope as RateLimitScope](subject);
      if (who) checks.push({ key: `${name}:${who}`, rule });
    }
    if (subject.accountId && subject.trust) {
      for (const { name, limit, windowSeconds } of trustRateLimitsOf(this.config.rateLimits.trust, action, subject.trust.level, subject.trust.exempt)) {
        checks.push({ key: `${name}:${subject.accountId}`, rule: { limit, windowSeconds, kind: 'window' } });
      }
    }
    return checks;
  }

  /** True when allowed (and counted), else the seconds to wait. */
  private async hit(checks: RateCheck[]): Promise<true | number> {
    const decision = await this.decide(checks);
    return decision.allowed ? true : decision.retryAfterSeconds;
  }

  private async decide(checks: RateCheck[]): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number; refusedBy: string[] }> {
    if (!this.config.rateLimits.enabled || checks.length === 0) return { allowed: true };
    const decision = await this.counters.decide(
      checks.map((c) => c.key),
      () => this.clock.now(),
      (counters, now) => decideRateLimit(checks, counters, now),
    );
    await this.purgeNowAndThen(this.clock.now());
    return decision;
  }

  private async purgeNowAndThen(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    await this.counters.purgeExpired(now);
  }
}
