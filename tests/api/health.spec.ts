import { Client } from 'pg';
import { TestApp } from '../support/test-app';

// GET /healthz, what a load balancer or orchestrator polls.

describe('GET /healthz', () => {
  it('is 200 while the database answers, with the search backlog', async () => {
    const app = await TestApp.start();
    try {
      expect(await app.get('/healthz')).toEqual({
        status: 200,
        body: { status: 'ok', database: 'up', search: { engine: 'postgres', backlog: 0, oldestPendingSeconds: null } },
      });
    } finally {
      await app.close();
    }
  });

  it('answers requests SERVICE_UNAVAILABLE with a retry hint while the database takes no connections, and recovers', async () => {
    const app = await TestApp.start();
    const database = new URL(app.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.PEERDESK_TEST_ADMIN_URL });
    await admin.connect();
    try {
      await app.ok('{ categories { id } }');
      // This test's own database stops taking connections and loses the ones it had: an outage as the API sees it.
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      const response = await app.gql('{ categories { id } }');
      expect(response.errors?.map((e) => [e.extensions.code, e.extensions.retryAfterSeconds])).toEqual([['SERVICE_UNAVAILABLE', 10]]);
      expect(response.errors?.[0].message).toMatch(/not reachable right now/);
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    try {
      await app.ok('{ categories { id } }');
    } finally {
      await app.close();
    }
  });

  it('is 503 once the database is unreachable', async () => {
    const app = await TestApp.start();
    try {
      expect((await app.get('/healthz')).status).toBe(200);
      await app.db.destroy();
      expect(await app.get('/healthz')).toEqual({ status: 503, body: { status: 'unavailable', database: 'down' } });
    } finally {
      await app.close();
    }
  });
});
