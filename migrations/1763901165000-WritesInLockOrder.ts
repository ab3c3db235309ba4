import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report facts and rollups written at commit, last in the one lock order (apps/api/src/database/transactions.ts).
 *
 * Until now every statement on a raw table refreshed its questions' facts at once, locking the facts row
 * and rollup rows in the middle of the transaction: an acceptance locked its question's facts while
 * withdrawing the old acceptance, then waited for the new answer's row (the foreign key check), while a
 * vote on that answer held the answer row and waited for the facts: a deadlock (tests/api/concurrent-writes.spec.ts
 * reproduces it; the vote now also takes the question lock first). The rollup rows were written by one
 * statement whose three tables were sub-statements of one WITH, which PostgreSQL runs in no promised order.
 *
 * Now the triggers on the raw tables only note the questions (as a bulk writer already could with
 * `peerdesk.defer_report_facts = on`), and the deferred constraint trigger refreshes them once, at commit,
 * after every row lock of the transaction is held: the facts rows in question id order, then the rollups,
 * one statement per table (days, durations, peer answers), each in key order, then the rows summing to
 * zero. A transaction that wants its own facts before it commits (a hand-written repair) sets
 * `peerdesk.defer_report_facts = off` for it.
 */
export class WritesInLockOrder1763901165000 implements MigrationInterface {
  name = 'WritesInLockOrder1763901165000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION refresh_or_defer_report_question_facts(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('peerdesk.defer_report_facts', true), '') <> 'off' THEN
          INSERT INTO report_facts_pending (question_id) SELECT DISTINCT unnest(ids) ON CONFLICT DO NOTHING;
        ELSE
          PERFORM refresh_report_question_facts(ids);
        END IF;
      END $$`);
    for (const [operation, changes] of CHANGES) {
      await db.query(`
        CREATE OR REPLACE FUNCTION report_rollups_after_facts_${operation}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${applyInKeyOrder(changes)}
          DELETE FROM report_day_figures WHERE n = 0;
          DELETE FROM report_month_durations WHERE n = 0;
          DELETE FROM report_month_peer_answers WHERE answers = 0 AND peer_solved = 0;
          RETURN NULL;
        END $$`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION refresh_or_defer_report_question_facts(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('peerdesk.defer_report_facts', true) = 'on' THEN
          INSERT INTO report_facts_pending (question_id) SELECT DISTINCT unnest(ids) ON CONFLICT DO NOTHING;
        ELSE
          PERFORM refresh_report_question_facts(ids);
        END IF;
      END $$`);
    // The one-statement form of ReportRollups1763901100000 works as well; the ordered form is kept.
  }
}

const CHANGES: Array<[string, string]> = [
  ['insert', 'SELECT 1 AS sign, n::report_question_facts AS facts FROM new_rows n'],
  ['update', 'SELECT -1 AS sign, o::report_question_facts AS facts FROM old_rows o UNION ALL SELECT 1, n::report_question_facts FROM new_rows n'],
  ['delete', 'SELECT -1 AS sign, o::report_question_facts AS facts FROM old_rows o'],
];

/**
 * Adds `sign` times the contributions of the facts rows `changes` yields (columns: sign, facts) to the three
 * tables: one statement per table, in this order, each inserting its keys in order, so two writers touching
 * the same rows take them in the same order (PostgreSQL runs the sub-statements of one WITH in no promised order).
 */
function applyInKeyOrder(changes: string): string {
  const day = `((c.facts).created_at AT TIME ZONE 'UTC')::date`;
  const month = `date_trunc('month', (c.facts).created_at AT TIME ZONE 'UTC')::date`;
  return `
    WITH changes AS (${changes})
    INSERT INTO report_day_figures AS t (day, category_id, figure, n)
    SELECT ${day}, (c.facts).category_id, x.figure, sum(c.sign * x.n)
      FROM changes c, report_question_figures(c.facts) x
     GROUP BY 1, 2, 3 HAVING sum(c.sign * x.n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, category_id, figure) DO UPDATE SET n = t.n + EXCLUDED.n;

    WITH changes AS (${changes})
    INSERT INTO report_month_durations AS t (month, category_id, measure, seconds, n)
    SELECT ${month}, (c.facts).category_id, x.measure, x.seconds, sum(c.sign)
      FROM changes c, report_question_durations(c.facts) x
     GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, category_id, measure, seconds) DO UPDATE SET n = t.n + EXCLUDED.n;

    WITH changes AS (${changes})
    INSERT INTO report_month_peer_answers AS t (month, category_id, author_id, answers, peer_solved)
    SELECT ${month}, (c.facts).category_id, x.author_id, sum(c.sign * x.answers), sum(c.sign * x.peer_solved)
      FROM changes c, report_question_peer_answers(c.facts) x
     GROUP BY 1, 2, 3 HAVING sum(c.sign * x.answers) <> 0 OR sum(c.sign * x.peer_solved) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (month, category_id, author_id) DO UPDATE SET answers = t.answers + EXCLUDED.answers, peer_solved = t.peer_solved + EXCLUDED.peer_solved;`;
}
