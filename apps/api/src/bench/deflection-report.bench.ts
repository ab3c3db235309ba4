import { isDeepStrictEqual } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { AdjustableClock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { ReportsRepository } from '../reports/reports.repository';
import { type DeflectionReportRequest, ReportsService } from '../reports/reports.service';
import { progress } from '../common/progress';

const SEED_CHUNK = 50_000;

/**
 * A delay that differs per row but is the same on every run: e^x seconds, x spread evenly over [low, high)
 * by a hash of `key` (e^3 s is 20 seconds, e^12 s two days), so response times are spread like real ones.
 */
const delay = (key: string, low: number, high: number) =>
  `make_interval(secs => exp(${low} + ${high - low} * (hashint8(${key}) + 2147483648::bigint) / 4294967296.0))`;
const RUNS = 5;
const YEAR_START = new Date(Date.UTC(2025, 0, 1));
const YEAR_END = new Date(Date.UTC(2026, 0, 1));

/**
 * Seeds `questions` questions spread over 2025 with four answers each (a quarter of them staff), an
 * accepted peer answer on half, an escalation on a tenth and a comment on each, every one after its own
 * delay; then times the deflection report for the whole year by week, RUNS times, and reports the median,
 * the time to rebuild the rollups from scratch, the same report for a period that does not start or end on
 * a month, and the raw computation's time (after checking that the rollups give its figures exactly).
 */
export async function benchDeflectionReport(dataSource: DataSource, config: AppConfig, questions: number): Promise<Record<string, string>> {
  const categories: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO categories (name, slug, created_at) SELECT 'Bench ' || g, 'bench-' || g, now() FROM generate_series(1, 5) g RETURNING id`);
  const users: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO users (display_name, created_at, updated_at) SELECT 'Bench user ' || g, now(), now() FROM generate_series(1, 2000) g RETURNING id`);
  const [{ id: staffId }] = await dataSource.query(
    `INSERT INTO users (display_name, role, affiliation, created_at, updated_at) VALUES ('Bench staff', 'STAFF', 'EMPLOYEE', now(), now()) RETURNING id`);
  const firstUser = Number(users[0].id);
  const firstCategory = Number(categories[0].id);
  const yearSeconds = (YEAR_END.getTime() - YEAR_START.getTime()) / 1000;

  const seedStart = Date.now();
  for (let seeded = 0; seeded < questions; seeded += SEED_CHUNK) {
    const count = Math.min(SEED_CHUNK, questions - seeded);
    // Triggers off while seeding (session_replication_role), then one refresh of the facts for every
    // question through the statement the triggers use: the rebuild's time is measured on its own.
    await dataSource.transaction(async (em) => {
      await em.query('SET LOCAL session_replication_role = replica');
      await em.query(
      `WITH q AS (
         INSERT INTO questions (category_id, author_id, title, body, body_html, tags, created_at, updated_at, last_activity_at)
         SELECT $1::bigint + g % 5, $2::bigint + (g::bigint * 7919) % 2000, 'Bench question', 'b', '<p>b</p>', CASE WHEN g % 3 = 0 THEN '{wifi}'::text[] ELSE '{}' END,
                $3::timestamptz + make_interval(secs => ((g - 1)::float8 / $8) * $6), $3::timestamptz, $3::timestamptz
           FROM generate_series($4::int + 1, $4::int + $5::int) g
         RETURNING id, author_id, created_at),
       a AS (
         INSERT INTO answers (question_id, author_id, author_kind, body, body_html, created_at, updated_at)
         SELECT q.id, CASE WHEN k = 4 THEN $7::bigint ELSE $2::bigint + (q.id * 31 + k * 17) % 2000 END, CASE WHEN k = 4 THEN 'STAFF' ELSE 'PEER' END,
                'a', '<p>a</p>', q.created_at + ${delay('q.id * 8 + k', 3, 12)}, q.created_at
           FROM q, generate_series(1, 4) k
         RETURNING id, question_id, author_kind, created_at),
       acc AS (
         INSERT INTO answer_acceptances (question_id, answer_id, accepted_by, accepted_at)
         SELECT DISTINCT ON (a.question_id) a.question_id, a.id, q.author_id, a.created_at + ${delay('q.id * 8 + 5', 4, 11)}
           FROM a JOIN q ON q.id = a.question_id
          WHERE q.id % 2 = 0 AND a.author_kind = 'PEER'
          ORDER BY a.question_id, a.id),
       esc AS (
         INSERT INTO escalations (question_id, reason, escalated_at, staff_response_hours, first_staff_response_at, breached_at, closed_at)
         SELECT id, 'UNANSWERED_TIMEOUT', created_at + interval '2 hours', 4, created_at + interval '2 hours' + ${delay('id * 8 + 6', 5, 11)},
                CASE WHEN id % 30 = 0 THEN created_at + interval '6 hours' END, created_at + interval '2 days'
           FROM q WHERE id % 10 = 0)
       INSERT INTO comments (question_id, target_type, target_id, author_id, author_kind, body, body_html, created_at, updated_at)
       SELECT id, 'QUESTION', id, $2::bigint + (id * 13) % 2000, 'PEER', 'c', '<p>c</p>', created_at + ${delay('id * 8 + 7', 2, 12)}, created_at FROM q`,
      [firstCategory, firstUser, YEAR_START, seeded, count, yearSeconds, staffId, questions],
      );
    });
    progress('seeding questions (4 answers each)', seeded + count, questions, seedStart);
  }
  const rebuildStart = Date.now();
  // The facts of every question, and through their triggers the day and month rollups' deltas, from nothing; then
  // the deltas folded into the rollups, as the job does within seconds on a running server.
  await dataSource.query('SELECT refresh_report_question_facts(ARRAY(SELECT id FROM questions))');
  await dataSource.query('SELECT report_fold_rollup_deltas()');
  const rebuildSeconds = (Date.now() - rebuildStart) / 1000;
  await dataSource.query('VACUUM ANALYZE');

  const app = await NestFactory.createApplicationContext(AppModule.with({ config, dataSource, clock: new AdjustableClock() }), { logger: ['error'] });
  try {
    const reports = app.get(ReportsService);
    const repository = app.get(ReportsRepository);
    const time = async (label: string, request: DeflectionReportRequest): Promise<number[]> => {
      const timings: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = Date.now();
        const report = await reports.deflection(request);
        timings.push((Date.now() - start) / 1000);
        if (request.from === YEAR_START && request.to === YEAR_END && report.cohortSize !== questions) {
          throw new Error(`The report saw ${report.cohortSize} of ${questions} questions`);
        }
        progress(`timing ${label}`, run + 1, RUNS, start);
      }
      return timings;
    };
    // The rollups must give the raw computation's figures, to the last digit, at this size too.
    const agreeWithRaw = async (request: DeflectionReportRequest): Promise<number> => {
      const query = await reports.check(request);
      const rollup = await repository.deflection(query, 'rollup');
      const rawStart = Date.now();
      const raw = await repository.deflection(query, 'raw');
      if (!isDeepStrictEqual(rollup, raw)) throw new Error(`The rollups and the raw computation disagree for ${JSON.stringify(request)}`);
      return (Date.now() - rawStart) / 1000;
    };
    const year = { from: YEAR_START, to: YEAR_END, asOf: YEAR_END, bucket: 'WEEK' };
    // Neither end on a month or a day: the edges come from per-question facts.
    const midMonths = { from: new Date(Date.UTC(2025, 0, 15, 10)), to: new Date(Date.UTC(2025, 11, 15, 10)), asOf: YEAR_END, bucket: 'WEEK' };
    const yearTimings = await time('the year report', year);
    const nowTimings = await time('the year report as of now', { ...year, asOf: null });
    const midMonthTimings = await time('mid-January to mid-December', midMonths);
    const rawSeconds = await agreeWithRaw(year);
    await agreeWithRaw(midMonths);
    const median = (timings: number[]) => `${[...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)].toFixed(3)} s`;
    const list = (timings: number[]) => timings.map((t) => `${t.toFixed(3)} s`).join(', ');
    return {
      'questions / answers': `${questions.toLocaleString('en')} / ${(questions * 4).toLocaleString('en')}`,
      'year report by week (asOf 2026-01-01), median': median(yearTimings),
      'runs': list(yearTimings),
      'same, asOf now, median': `${median(nowTimings)} (${list(nowTimings)})`,
      'mid-Jan to mid-Dec, median': `${median(midMonthTimings)} (${list(midMonthTimings)})`,
      'facts and rollups rebuilt for every question': `${rebuildSeconds.toFixed(1)} s`,
      'year report from the raw tables (agrees)': `${rawSeconds.toFixed(2)} s`,
    };
  } finally {
    await app.close();
  }
}
