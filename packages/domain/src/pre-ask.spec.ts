import { isAskAvoidedOracle, isAskSessionId, isPoorResult, normalizeSearchQuery } from './pre-ask';

const t0 = new Date('2026-01-05T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe('normalizeSearchQuery', () => {
  it('lower-cases, trims and collapses whitespace', () => {
    expect(normalizeSearchQuery('  Reset   My\tPASSWORD \n')).toBe('reset my password');
  });
  it('treats a blank query as nothing to record', () => {
    expect(normalizeSearchQuery(' \t ')).toBeNull();
  });
  it('cuts long queries to 200 characters', () => {
    expect(normalizeSearchQuery('a'.repeat(500))).toHaveLength(200);
  });
});

describe('isPoorResult', () => {
  it('counts 0, 1 and 2 results as poor, 3 as not', () => {
    expect([0, 1, 2, 3].map(isPoorResult)).toEqual([true, true, true, false]);
  });
});

describe('isAskSessionId', () => {
  it('accepts URL-safe random ids of 16 to 64 characters only', () => {
    expect(isAskSessionId('abcdEFGH1234_-xy')).toBe(true);
    expect(isAskSessionId('short')).toBe(false);
    expect(isAskSessionId('x'.repeat(65))).toBe(false);
    expect(isAskSessionId('has space in it here')).toBe(false);
  });
});

describe('isAskAvoidedOracle', () => {
  it('counts a session that opened a solved suggestion and never posted, once 30 minutes have passed', () => {
    expect(isAskAvoidedOracle({ solvedOpenings: [t0], postedAt: null }, minutes(30))).toBe(true);
  });
  it('does not count it while the 30 minutes are still running', () => {
    expect(isAskAvoidedOracle({ solvedOpenings: [t0], postedAt: null }, minutes(29))).toBe(false);
  });
  it('does not count a session that posted within 30 minutes of its last opening', () => {
    expect(isAskAvoidedOracle({ solvedOpenings: [t0, minutes(20)], postedAt: minutes(45) }, minutes(120))).toBe(false);
  });
  it('counts a session that posted only after the window (a different question, later)', () => {
    expect(isAskAvoidedOracle({ solvedOpenings: [t0], postedAt: minutes(31) }, minutes(120))).toBe(true);
  });
  it('does not count a session that opened no solved suggestion', () => {
    expect(isAskAvoidedOracle({ solvedOpenings: [], postedAt: null }, minutes(120))).toBe(false);
  });
});
