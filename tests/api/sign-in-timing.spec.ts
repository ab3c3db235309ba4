import { PASSWORD, TestApp } from '../support/test-app';

// A sign-in for an address without an account must cost what a wrong password for a real account
// costs (the decoy hash is verified), or the time of the answer tells who has an account.

const LOGIN = `mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }`;
const ATTEMPTS = 31;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('sign-in timing', () => {
  let app: TestApp;
  // The failure limit is not what this test is about: it must not answer RATE_LIMITED early.
  // Thirty failed sign-ins from one address would be throttled (rate-limits.spec.ts): this is about hashing time only.
  // At the cost production hashes with: the tests' least cost takes a millisecond, and the rest of a sign-in's work
  // (and the machine's noise) would be what is compared.
  beforeAll(async () => { app = await TestApp.start({ RATE_LIMITS: 'off' }, { passwordHashCost: 'recommended' }); });
  afterAll(async () => { await app.close(); });

  it(`takes the same time for a known and an unknown address (medians of ${ATTEMPTS} interleaved attempts within 20%)`, async () => {
    const known = await app.member();
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await app.gql(LOGIN, { email, password: `not ${PASSWORD}` });
      const elapsed = performance.now() - started;
      expect(response.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      return elapsed;
    };
    // The very first unknown address counts too: the decoy hash must exist before anyone signs in.
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      unknownTimes.push(await timed(`nobody${i}.${Date.now()}@example.com`));
      knownTimes.push(await timed(known.email));
    }
    const [knownMedian, unknownMedian] = [median(knownTimes), median(unknownTimes)];
    process.stdout.write(`sign-in medians: known ${knownMedian.toFixed(1)} ms, unknown ${unknownMedian.toFixed(1)} ms\n`);
    expect(Math.abs(knownMedian - unknownMedian) / Math.max(knownMedian, unknownMedian)).toBeLessThan(0.2);
  });
});
