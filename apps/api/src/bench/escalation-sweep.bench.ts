import { loadavg } from 'node:os';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { AdjustableClock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { EscalationSweep } from '../escalation/escalation.sweep';
import { progress } from '../common/progress';
import { cpuMs } from './http/servers';

const SEED_CHUNK = 10_000;

/** CPU time so far of each backend connected to the bench's database (PostgreSQL on this machine), by pid. */
async function databaseCpuMs(dataSource: DataSource): Promise<Map<number, number>> {
  const rows: Array<{ pid: number }> = await dataSource.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return new Map(rows.map(({ pid }) => [pid, cpuMs(pid)]));
}

/**
 * Seeds `questions` questions whose peer window has passed, in a category with a staff team, then times one
 * sweep that escalates them all (each with its events and notifications, as in production).
 */
export async function benchEscalationSweep(dataSource: DataSource, config: AppConfig, questions: number): Promise<Record<string, string>> {
  const [{ id: categoryId }] = await dataSource.query(
    `INSERT INTO categories (name, slug, created_at) VALUES ('Bench', 'bench', now()) RETURNING id`);
  const [{ id: askerId }] = await dataSource.query(
    `INSERT INTO users (display_name, created_at, updated_at) VALUES ('Bench asker', now(), now()) RETURNING id`);
  // The category's staff team of 5 hears of each escalation (the other staff do not): 6 notifications per question.
  await dataSource.query(`
    WITH staff AS (
      INSERT INTO users (display_name, role, affiliation, created_at, updated_at)
      SELECT 'Bench agent ' || g, 'STAFF', 'EMPLOYEE', now(), now() FROM generate_series(1, 8) g RETURNING id)
    INSERT INTO category_staff (category_id, user_id) SELECT $1, id FROM staff ORDER BY id LIMIT 5`, [categoryId]);

  const seedStart = Date.now();
  for (let seeded = 0; seeded < questions; seeded += SEED_CHUNK) {
    const count = Math.min(SEED_CHUNK, questions - seeded);
    await dataSource.query(
      `INSERT INTO questions (category_id, author_id, title, body, body_html, status, created_at, updated_at, last_activity_at,
                              community_due_at, community_due_trigger)
       SELECT $1, $2, 'Bench question ' || g, 'A question nobody answered in time.', '<p>A question nobody answered in time.</p>', 'OPEN',
              now() - interval '2 days', now() - interval '2 days', now() - interval '2 days', now() - interval '1 day', 'UNANSWERED_TIMEOUT'
         FROM generate_series(1, $3::int) g`,
      [categoryId, askerId, count],
    );
    progress('seeding due questions', seeded + count, questions, seedStart);
  }
  await dataSource.query('ANALYZE');

  const app = await NestFactory.createApplicationContext(AppModule.with({ config, dataSource, clock: new AdjustableClock() }), { logger: ['error'] });
  try {
    const databaseCpuBefore = await databaseCpuMs(dataSource);
    const processCpuBefore = process.cpuUsage();
    const loadBefore = loadavg();
    const sweepStart = Date.now();
    const watcher = setInterval(async () => {
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM escalations');
      progress('sweeping', count, questions, sweepStart);
    }, 2000);
    const result = await app.get(EscalationSweep).runOnce().finally(() => clearInterval(watcher));
    const seconds = (Date.now() - sweepStart) / 1000;
    const processCpu = process.cpuUsage(processCpuBefore);
    let databaseCpu = 0;
    for (const [pid, ms] of await databaseCpuMs(dataSource)) databaseCpu += ms - (databaseCpuBefore.get(pid) ?? 0);
    progress('sweeping', result.escalated.length, questions, sweepStart);
    if (result.escalated.length !== questions) throw new Error(`The sweep escalated ${result.escalated.length} of ${questions} due questions`);
    return {
      'due questions': questions.toLocaleString('en'),
      'one sweep, escalating them all': `${seconds.toFixed(1)} s`,
      'escalations per second': Math.round(questions / seconds).toLocaleString('en'),
      // Counted, so it holds on a shared machine where the time does not: the database's backends, and this process
      // (the API's work, with the progress line's count every 2 s).
      'database CPU per 1,000': `${Math.round((databaseCpu / questions) * 1000)} ms`,
      'API process CPU per 1,000': `${Math.round(((processCpu.user + processCpu.system) / 1000 / questions) * 1000)} ms`,
      'load average before, after': [loadBefore, loadavg()].map((load) => load.map((n) => n.toFixed(1)).join(' ')).join(', '),
    };
  } finally {
    await app.close();
  }
}
