import {
  decideRateLimit, DEFAULT_RATE_RULES, describeWait, parseRateRules, progressiveDelaySeconds, rateLimitedFor, rulesOf,
  type RateCheck, type RateCounter, type RateRule,
} from './rate-limits';
import { TRUST_RATE_LIMITS } from './trust-levels';

const t0 = new Date('2026-03-02T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const window: RateRule = { limit: 3, windowSeconds: 60, kind: 'window' };
const progressive: RateRule = { limit: 2, windowSeconds: 3600, kind: 'progressive' };

/** Hits the checks `times` times at `now`, keeping the counters as the database would. */
function hit(checks: RateCheck[], counters: Map<string, RateCounter | null>, now: Date, times = 1) {
  let last;
  for (let i = 0; i < times; i++) {
    last = decideRateLimit(checks, counters, now);
    if (last.allowed) for (const w of last.writes) counters.set(w.key, w);
  }
  return last!;
}

describe('decideRateLimit', () => {
  it('allows a window limit its count, then refuses until the window ends', () => {
    const counters = new Map<string, RateCounter | null>();
    const checks = [{ key: 'ask.account:1', rule: window }];
    expect(hit(checks, counters, t0, 3)).toMatchObject({ allowed: true });
    expect(hit(checks, counters, at(20))).toEqual({ allowed: false, retryAfterSeconds: 40, refusedBy: ['ask.account:1'] });
    expect(counters.get('ask.account:1')!.hits).toBe(3); // a refusal counts nothing
    expect(hit(checks, counters, at(60))).toMatchObject({ allowed: true, writes: [{ hits: 1, startedAt: at(60), expiresAt: at(120) }] });
  });

  it('refuses when any limit is full, counting none, and reports the longest wait', () => {
    const counters = new Map<string, RateCounter | null>([['ip', { hits: 3, startedAt: t0, lastAt: t0 }]]);
    const checks = [
      { key: 'account', rule: window },
      { key: 'ip', rule: window },
    ];
    expect(decideRateLimit(checks, counters, at(1))).toEqual({ allowed: false, retryAfterSeconds: 59, refusedBy: ['ip'] });
  });

  it('makes each progressive hit past the limit wait longer after the previous one, and forgets after a quiet window', () => {
    const counters = new Map<string, RateCounter | null>();
    const checks = [{ key: 'login', rule: progressive }];
    expect(hit(checks, counters, t0, 2)).toMatchObject({ allowed: true });
    expect(hit(checks, counters, at(5))).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    expect(hit(checks, counters, at(15))).toMatchObject({ allowed: true });
    expect(hit(checks, counters, at(16))).toMatchObject({ allowed: false, retryAfterSeconds: 29 });
    expect(hit(checks, counters, at(45))).toMatchObject({ allowed: true });
    expect(hit(checks, counters, at(46))).toMatchObject({ allowed: false, retryAfterSeconds: 59 });
    expect(hit(checks, counters, at(45 + 3600))).toMatchObject({ allowed: true, writes: [{ hits: 1 }] });
  });

  it('enforces an onlyAfter limit only once the other counter has hits', () => {
    const counters = new Map<string, RateCounter | null>([['address', { hits: 50, startedAt: t0, lastAt: t0 }]]);
    const fresh = [
      { key: 'pair:new', rule: progressive },
      { key: 'address', rule: progressive, onlyAfter: 'pair:new' },
    ];
    const result = decideRateLimit(fresh, counters, at(1));
    expect(result).toMatchObject({ allowed: true, writes: [{ key: 'pair:new', hits: 1 }, { key: 'address', hits: 51 }] });
    counters.set('pair:old', { hits: 1, startedAt: t0, lastAt: t0 });
    const seen = [
      { key: 'pair:old', rule: progressive },
      { key: 'address', rule: progressive, onlyAfter: 'pair:old' },
    ];
    expect(decideRateLimit(seen, counters, at(1))).toMatchObject({ allowed: false, refusedBy: ['address'] });
  });
});

describe('progressiveDelaySeconds', () => {
  it('doubles from 15 seconds up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 50].map(progressiveDelaySeconds)).toEqual([0, 15, 30, 60, 120, 480, 900, 900]);
  });
});

describe('parseRateRules', () => {
  it('keeps the defaults and applies overrides', () => {
    const { rules, problems } = parseRateRules(' ask.account=5/1h, search.ip=300/30s ');
    expect(problems).toEqual([]);
    expect(rules['ask.account']).toEqual({ limit: 5, windowSeconds: 3600, kind: 'window' });
    expect(rules['search.ip']).toEqual({ limit: 300, windowSeconds: 30, kind: 'window' });
    expect(rules['login.ip']).toEqual(DEFAULT_RATE_RULES['login.ip']);
  });

  it('names each bad entry', () => {
    expect(parseRateRules('asks.account=5/1h,vote.ip=lots,answer.ip=5/2d').problems).toEqual([
      expect.stringContaining('no limit is called "asks.account"'),
      '"vote.ip=lots" must be <limit>=<count>/<window>, e.g. vote.ip=10/1h (window in s, m, h or d, at most 1d)',
      '"answer.ip=5/2d" must be <limit>=<count>/<window>, e.g. answer.ip=10/1h (window in s, m, h or d, at most 1d)',
    ]);
  });

  it('overrides a trust-level limit by <action>.<level>, and refuses unknown levels and actions', () => {
    const { trust, problems } = parseRateRules('ask.new=2/1h, vote.basic=7/10m');
    expect(problems).toEqual([]);
    expect(trust.NEW.ask).toEqual({ limit: 2, windowSeconds: 3600 });
    expect(trust.BASIC.vote).toEqual({ limit: 7, windowSeconds: 600 });
    expect(trust.NEW.answer).toEqual(TRUST_RATE_LIMITS.NEW.answer);
    // The defaults stay as they were for the next parse.
    expect(TRUST_RATE_LIMITS.NEW.ask).toEqual({ limit: 3, windowSeconds: 3600 });
    expect(parseRateRules('ask.novice=2/1h,read.new=2/1h,ask.NEW=2/1h').problems).toHaveLength(3);
  });

  it('groups the rules of an action by scope', () => {
    expect(rulesOf(DEFAULT_RATE_RULES, 'ask').map((r) => r.scope)).toEqual(['account', 'ip']);
    expect(rulesOf(DEFAULT_RATE_RULES, 'ask-event').map((r) => r.name)).toEqual(['ask-event.ip']);
  });
});

describe('the refusal', () => {
  it('says when to try again, in words and in retryAfterSeconds', () => {
    const error = rateLimitedFor('Too many questions from this account', 125);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toBe('Too many questions from this account. Please try again in 3 minutes.');
    expect(error.details).toEqual({ retryAfterSeconds: 125 });
    expect([1, 59, 60, 3600, 3720].map(describeWait)).toEqual(['1 second', '59 seconds', '1 minute', '1 hour', '1 hour 2 minutes']);
  });
});
