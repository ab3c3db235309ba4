import type { DataSource } from 'typeorm';
import { JobRunner, workUntilNoneDue } from '../../apps/api/src/common/jobs/job-runner';
import { createDataSource } from '../../apps/api/src/database/data-source';
import { logged } from '../support/log-capture';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The one background runner (common/jobs/), on the real PostgreSQL, with a job table of this file's own.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job's own repository, as the outboxes have theirs: a leased SKIP LOCKED claim and a report of the outcome. */
class ChoresRepository {
  constructor(private readonly db: DataSource) {}

  claimDue(limit: number): Promise<Array<{ id: number }>> {
    return this.db.query(
      `WITH due AS (
         SELECT id FROM chores WHERE done_at IS NULL AND next_attempt_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE chores c SET attempts = c.attempts + 1, next_attempt_at = now() + interval '5 minutes'
           FROM due WHERE c.id = due.id RETURNING c.id)
       SELECT id FROM claimed ORDER BY id`,
      [limit],
    );
  }

  async markDone(id: number, by: string): Promise<void> {
    await this.db.query(`UPDATE chores SET done_at = now(), done_by = array_append(done_by, $2) WHERE id = $1`, [id, by]);
  }
}

describe('job runner', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const db = createDataSource(database.url, 4);
      await db.initialize();
      sources.push(db);
    }
    await sources[0].query(`CREATE TABLE chores (
      id serial PRIMARY KEY, attempts int NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL DEFAULT now(),
      done_at timestamptz, done_by text[] NOT NULL DEFAULT '{}')`);
  });
  afterAll(async () => {
    for (const db of sources) if (db.isInitialized) await db.destroy();
    await database?.drop();
  });

  it('shares one table between two processes without ever running a job twice', async () => {
    await sources[0].query(`INSERT INTO chores (attempts) SELECT 0 FROM generate_series(1, 200)`);
    const runners = sources.map((db, at) => {
      const chores = new ChoresRepository(db);
      const name = `process ${at + 1}`;
      return new JobRunner({
        name,
        run: () => workUntilNoneDue(() => chores.claimDue(5), async (batch) => {
          await sleep(2);
          for (const chore of batch) await chores.markDone(chore.id, name);
        }),
      });
    });
    for (const runner of runners) runner.start(0.01);
    try {
      await Promise.all(runners.map((runner) => runner.runNow()));
      for (let waited = 0; waited < 10_000; waited += 20) {
        const [{ n }] = await sources[0].query(`SELECT count(*)::int AS n FROM chores WHERE done_at IS NULL`);
        if (n === 0) break;
        await sleep(20);
      }
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
    const rows: Array<{ attempts: number; done_by: string[] }> = await sources[0].query(`SELECT attempts, done_by FROM chores`);
    expect(rows).toHaveLength(200);
    expect(rows.filter((row) => row.attempts !== 1 || row.done_by.length !== 1)).toEqual([]);
    // Both processes took part.
    expect(new Set(rows.map((row) => row.done_by[0])).size).toBe(2);
  });

  it('waits twice as long after each failed pass, up to its cap, and the interval again after a success', async () => {
    const calls: number[] = [];
    const runner = new JobRunner({
      name: 'failing job',
      maxBackoffSeconds: 0.16,
      run: async () => {
        calls.push(Date.now());
        if (calls.length <= 4) throw new Error('the database is away');
      },
    });
    const log = await logged(async () => {
      runner.start(0.02);
      try {
        while (calls.length < 7) await sleep(10);
      } finally {
        await runner.stop();
      }
    });
    expect(log).toContain('Background run failed (4 in a row): the database is away');
    const gaps = calls.slice(1).map((at, i) => at - calls[i]);
    // After failures 1, 2, 3, 4: 40, 80, 160 and (capped) 160 ms; after the success, the 20 ms interval.
    for (const [i, least] of [40, 80, 160, 160].entries()) expect(gaps[i]).toBeGreaterThanOrEqual(least - 2);
    expect(gaps[4]).toBeLessThan(gaps[3]);
    expect(gaps[5]).toBeLessThan(gaps[3]);
  });

  it('stops its timer on shutdown and waits for the pass in flight', async () => {
    let started = 0;
    let finished = 0;
    const runner = new JobRunner({
      name: 'slow job',
      run: async () => {
        started++;
        await sleep(300);
        finished++;
      },
    });
    runner.start(0.01);
    while (started === 0) await sleep(5);
    await runner.stop();
    expect(finished).toBe(1);
    await sleep(100);
    expect(started).toBe(1);
    // A stopped runner ignores wake-ups; an explicit pass (a last flush) still runs.
    runner.wake();
    await sleep(50);
    expect(started).toBe(1);
    await runner.runNow();
    expect(finished).toBe(2);
  });

  it('runs at once when woken, and callers who ask during a pass share the one after it', async () => {
    let passes = 0;
    const runner = new JobRunner({ name: 'woken job', run: async () => { passes++; await sleep(50); } });
    runner.start(3600);
    try {
      runner.wake();
      await sleep(10);
      expect(passes).toBe(1);
      const asked = [runner.runNow(), runner.runNow(), runner.runNow()];
      await Promise.all(asked);
      expect(passes).toBe(2);
    } finally {
      await runner.stop();
    }
  });

  it('hands a failed pass to whoever asked for it', async () => {
    const runner = new JobRunner({ name: 'refusing job', run: () => Promise.reject(new Error('no')) });
    const log = await logged(() => expect(runner.runNow()).rejects.toThrow('no'));
    expect(log).toContain('Background run failed (1 in a row): no');
  });
});
