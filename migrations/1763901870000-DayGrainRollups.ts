import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/**
 * The duration histograms and the peer answers per author are also kept per UTC day (report_day_durations,
 * report_day_peer_answers), so a deflection report for a period that does not start and end on a month reads the
 * whole days of its part months from them and sums per question only the questions of its part days: mid-January
 * 10:00 to mid-December 10:00 sums ~2,700 questions one by one at a million questions a year, not ~85,000.
 *
 * Writers append no more than before: the delta tables of durations and authors become per day
 * (report_day_duration_deltas, report_day_peer_answer_deltas; a question is asked on one day, so a change appends as
 * many rows as per month did), and the fold adds each delta to the day and to the month rollup
 * (reports/sql/report-rollups.sql). The monthly deltas are folded first, under a lock that keeps writers out until
 * this commits, and the day rollups are summed from the stored facts.
 */
export class DayGrainRollups1763901870000 implements MigrationInterface {
  name = 'DayGrainRollups1763901870000';

  async up(db: QueryRunner): Promise<void> {
    // Writers of facts wait until this commits, so no delta lands in a table about to go, and the sums below see every fact.
    await db.query(`LOCK TABLE report_question_facts, report_month_duration_deltas, report_month_peer_answer_deltas IN SHARE ROW EXCLUSIVE MODE`);
    // Integers, not bigint: PostgreSQL sums integers in bigint, bigints in numeric (several times slower).
    await db.query(`
      CREATE TABLE report_day_durations (
        day date NOT NULL, category_id bigint NOT NULL, measure text NOT NULL, seconds float8 NOT NULL, n integer NOT NULL,
        PRIMARY KEY (day, category_id, measure, seconds))`);
    await db.query(`
      CREATE TABLE report_day_peer_answers (
        day date NOT NULL, category_id bigint NOT NULL, author_id bigint NOT NULL, answers integer NOT NULL, peer_solved integer NOT NULL,
        PRIMARY KEY (day, category_id, author_id))`);
    await db.query(`CREATE INDEX report_day_durations_zero ON report_day_durations (day) WHERE n = 0`);
    await db.query(`CREATE INDEX report_day_peer_answers_zero ON report_day_peer_answers (day) WHERE answers = 0 AND peer_solved = 0`);
    // No key and no index: appended by writers, emptied by every fold, read whole by the report.
    await db.query(`
      CREATE TABLE report_day_duration_deltas (day date NOT NULL, category_id bigint NOT NULL, measure text NOT NULL, seconds float8 NOT NULL, n integer NOT NULL)`);
    await db.query(`
      CREATE TABLE report_day_peer_answer_deltas (
        day date NOT NULL, category_id bigint NOT NULL, author_id bigint NOT NULL, answers integer NOT NULL, peer_solved integer NOT NULL)`);

    // The monthly deltas into the monthly rollups, as the fold did until now; then the tables go.
    await db.query(`
      WITH moved AS (DELETE FROM report_month_duration_deltas RETURNING *)
      INSERT INTO report_month_durations AS t (month, category_id, measure, seconds, n)
      SELECT month, category_id, measure, seconds, sum(n) FROM moved GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, category_id, measure, seconds) DO UPDATE SET n = t.n + EXCLUDED.n`);
    await db.query(`
      WITH moved AS (DELETE FROM report_month_peer_answer_deltas RETURNING *)
      INSERT INTO report_month_peer_answers AS t (month, category_id, author_id, answers, peer_solved)
      SELECT month, category_id, author_id, sum(answers), sum(peer_solved) FROM moved GROUP BY 1, 2, 3 HAVING sum(answers) <> 0 OR sum(peer_solved) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (month, category_id, author_id) DO UPDATE SET answers = t.answers + EXCLUDED.answers, peer_solved = t.peer_solved + EXCLUDED.peer_solved`);
    await db.query(`DELETE FROM report_month_durations WHERE n = 0`);
    await db.query(`DELETE FROM report_month_peer_answers WHERE answers = 0 AND peer_solved = 0`);
    await db.query(`DROP TABLE report_month_duration_deltas, report_month_peer_answer_deltas`);
    await applyRuleFiles(db, ['reports/sql/report-rollups.sql']);

    await db.query(`
      INSERT INTO report_day_durations (day, category_id, measure, seconds, n)
      SELECT (f.created_at AT TIME ZONE 'UTC')::date, f.category_id, x.measure, x.seconds, count(*)
        FROM report_question_facts f, report_question_durations(f) x GROUP BY 1, 2, 3, 4`);
    await db.query(`
      INSERT INTO report_day_peer_answers (day, category_id, author_id, answers, peer_solved)
      SELECT (f.created_at AT TIME ZONE 'UTC')::date, f.category_id, x.author_id, sum(x.answers), sum(x.peer_solved)
        FROM report_question_facts f, report_question_peer_answers(f) x GROUP BY 1, 2, 3 HAVING sum(x.answers) <> 0 OR sum(x.peer_solved) <> 0`);
  }

  /** Drops the day rollups after folding their deltas; the rule file's functions name them: put back the previous ones by hand if you go below this migration. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`SELECT report_fold_rollup_deltas()`);
    await db.query(`CREATE TABLE report_month_duration_deltas (month date NOT NULL, category_id bigint NOT NULL, measure text NOT NULL, seconds float8 NOT NULL, n integer NOT NULL)`);
    await db.query(`
      CREATE TABLE report_month_peer_answer_deltas (
        month date NOT NULL, category_id bigint NOT NULL, author_id bigint NOT NULL, answers integer NOT NULL, peer_solved integer NOT NULL)`);
    await db.query(`DROP TABLE report_day_duration_deltas, report_day_peer_answer_deltas, report_day_durations, report_day_peer_answers`);
  }
}
