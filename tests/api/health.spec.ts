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
