import { SearchOutboxWorker } from '../../apps/api/src/search/search-outbox.worker';
import { type MeilisearchEnv, testMeilisearch } from '../support/meilisearch-server';
import { TestApp } from '../support/test-app';
import { describeSearchContract } from './search-contract';

// The same search contract on a real Meilisearch (the bundled binary, or MEILI_HOST): writes reach it
// through the outbox, so `settle` pushes the outbox and waits for Meilisearch's tasks.
let meili: { env: MeilisearchEnv; stop(): Promise<void> };
beforeAll(async () => {
  meili = await testMeilisearch();
});
afterAll(() => meili?.stop());

describeSearchContract('meilisearch', {
  // RATE_LIMITS=off: the harness makes this file's many members, questions and posts from one address (127.0.0.1) and a few accounts; rate limits are tested in tests/api/rate-limits.spec.ts.
  start: () => TestApp.start({ RATE_LIMITS: 'off', ...meili.env }),
  settle: async (app) => {
    const drained = await app.provider(SearchOutboxWorker).runOnce();
    if (drained.failed) {
      const [row] = await app.db.query(`SELECT last_error FROM search_outbox WHERE last_error IS NOT NULL LIMIT 1`);
      throw new Error(`Meilisearch refused a push: ${row?.last_error}`);
    }
    expect(await app.count('search_outbox')).toBe(0);
  },
});
