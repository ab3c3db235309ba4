import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aggregates below the question grain for the deflection report (docs/metrics.md, "How figures are computed").
 *
 * What one question contributes to the report is defined once, by three SQL functions over its stored facts
 * (report_question_facts): report_question_figures (counts: cohort, outcome, peer answer, staff touch,
 * escalations and their reasons), report_question_durations (its response times, rounded by
 * report_duration_bucket) and report_question_peer_answers (its peer answers and peer solution, per author).
 * The report sums those contributions, either over per-question facts (tag filter, the raw reference) or from
 * three tables holding their sums per UTC day (counts) or UTC month (durations, authors) and category.
 *
 * The tables are kept current by statement-level triggers on report_question_facts, whose rows are kept
 * current by triggers on the raw tables: a change of facts takes the old row's contribution out and adds the
 * new one's, in the writing transaction.
 */
export class ReportRollups1763901100000 implements MigrationInterface {
  name = 'ReportRollups1763901100000';

  async up(db: QueryRunner): Promise<void> {
    // The SQL twin of classifyOutcome in @peerdesk/domain: same cases, same order.
    await db.query(`
      CREATE FUNCTION report_outcome(facts report_question_facts) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
                 WHEN facts.accepted_at IS NOT NULL AND facts.answer_author_id = facts.author_id THEN 'SELF_SOLVED'
                 WHEN facts.accepted_kind = 'STAFF' THEN 'STAFF_SOLVED'
                 WHEN facts.accepted_kind = 'PEER' AND facts.first_escalated_at < facts.accepted_at THEN 'PEER_SOLVED_AFTER_ESCALATION'
                 WHEN facts.accepted_kind = 'PEER' THEN 'PEER_SOLVED'
                 WHEN facts.staff_answers > 0 THEN 'ANSWERED_UNSOLVED_STAFF'
                 WHEN facts.peer_answers > 0 THEN 'ANSWERED_UNSOLVED_PEER_ONLY'
                 ELSE 'UNANSWERED'
               END
      $$`);

    // The resolution of reported durations: under a second, kept as is; from a second up, the nearest power of
    // 1.02 (at most 1% off), rounded to the millisecond. Histograms of these values stay small (at most ~870
    // values between a second and a year) and give the same percentiles as the rounded values themselves.
    await db.query(`
      CREATE FUNCTION report_duration_bucket(seconds float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN seconds < 1 THEN seconds
                    ELSE round((1.02::float8 ^ round(ln(seconds) / ln(1.02::float8)))::numeric, 3)::float8 END
      $$`);

    // percentile_cont over a histogram (values ascending, each with its count): the same arithmetic as
    // PostgreSQL's percentile_cont over the values repeated, so both give the same figure to the last bit.
    await db.query(`
      CREATE FUNCTION report_histogram_percentile(seconds float8[], counts bigint[], fraction float8) RETURNS float8
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        total bigint;
        rank_position float8;
        below bigint;
        above bigint;
        seen bigint := 0;
        low float8;
      BEGIN
        SELECT coalesce(sum(c), 0) INTO total FROM unnest(counts) c;
        IF total = 0 THEN RETURN NULL; END IF;
        rank_position := fraction * (total - 1);
        below := floor(rank_position);
        above := ceil(rank_position);
        FOR i IN 1 .. array_length(seconds, 1) LOOP
          seen := seen + counts[i];
          IF low IS NULL AND seen > below THEN low := seconds[i]; END IF;
          IF seen > above THEN RETURN low + (rank_position - below) * (seconds[i] - low); END IF;
        END LOOP;
        RETURN NULL;
      END $$`);

    // One question's contributions (as rows to be summed: a row per peer answer, say). A deleted question contributes nothing.
    await db.query(`
      CREATE FUNCTION report_question_figures(facts report_question_facts) RETURNS TABLE (figure text, n integer)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT v.figure, v.n
          FROM (VALUES ('cohort', 1),
                       ('outcome:' || report_outcome(facts), 1),
                       ('with_peer_answer', (facts.peer_answers_by_others > 0)::int),
                       ('staff_touched', (facts.staff_answers > 0 OR facts.staff_comments > 0)::int),
                       ('escalated', (facts.first_escalated_at IS NOT NULL)::int),
                       ('escalations', facts.escalations),
                       ('breached_escalations', facts.breached_escalations)) v(figure, n)
         WHERE NOT facts.deleted AND v.n <> 0
        UNION ALL
        SELECT 'escalated:' || reason, 1 FROM unnest(facts.escalation_reasons) reason WHERE NOT facts.deleted
      $$`);
    await db.query(`
      CREATE FUNCTION report_question_durations(facts report_question_facts) RETURNS TABLE (measure text, seconds float8)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT v.measure, report_duration_bucket(v.seconds)
          FROM (VALUES ('firstResponse', extract(epoch FROM least(facts.first_answer_by_other_at, facts.first_comment_by_other_at) - facts.created_at)::float8),
                       ('firstPeerAnswer', extract(epoch FROM facts.first_peer_answer_at - facts.created_at)::float8),
                       ('timeToAcceptedAnswer', extract(epoch FROM facts.accepted_at - facts.created_at)::float8)) v(measure, seconds)
         WHERE NOT facts.deleted AND v.seconds IS NOT NULL
        UNION ALL
        SELECT 'firstStaffResponseAfterEscalation', report_duration_bucket(s) FROM unnest(facts.staff_response_seconds) s WHERE NOT facts.deleted
      $$`);
    await db.query(`
      CREATE FUNCTION report_question_peer_answers(facts report_question_facts) RETURNS TABLE (author_id bigint, answers integer, peer_solved integer)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT a, 1, 0 FROM unnest(facts.peer_answer_authors) a WHERE NOT facts.deleted
        UNION ALL
        SELECT facts.answer_author_id, 0, 1 WHERE NOT facts.deleted AND report_outcome(facts) = 'PEER_SOLVED'
      $$`);

    // Their sums, by the UTC day or month the questions were asked in, and category. Rows summing to zero are removed.
    // Integers, not bigint: PostgreSQL sums integers in bigint, bigints in numeric (several times slower).
    await db.query(`
      CREATE TABLE report_day_figures (
        day         date NOT NULL,
        category_id bigint NOT NULL,
        figure      text NOT NULL,
        n           integer NOT NULL,
        PRIMARY KEY (day, category_id, figure)
      )`);
    await db.query(`
      CREATE TABLE report_month_durations (
        month       date NOT NULL,
        category_id bigint NOT NULL,
        measure     text NOT NULL,
        seconds     float8 NOT NULL,
        n           integer NOT NULL,
        PRIMARY KEY (month, category_id, measure, seconds)
      )`);
    await db.query(`
      CREATE TABLE report_month_peer_answers (
        month       date NOT NULL,
        category_id bigint NOT NULL,
        author_id   bigint NOT NULL,
        answers     integer NOT NULL,
        peer_solved integer NOT NULL,
        PRIMARY KEY (month, category_id, author_id)
      )`);
    await db.query(`CREATE INDEX report_day_figures_zero ON report_day_figures (day) WHERE n = 0`);
    await db.query(`CREATE INDEX report_month_durations_zero ON report_month_durations (month) WHERE n = 0`);
    await db.query(`CREATE INDEX report_month_peer_answers_zero ON report_month_peer_answers (month) WHERE answers = 0 AND peer_solved = 0`);
    // The report looks up the questions whose facts changed after its asOf (their stored contribution is not the one at asOf).
    await db.query(`CREATE INDEX report_question_facts_changed ON report_question_facts (facts_changed_at) WHERE NOT deleted`);

    for (const [operation, changes] of [
      ['insert', 'SELECT 1 AS sign, n::report_question_facts AS facts FROM new_rows n'],
      ['update', 'SELECT -1 AS sign, o::report_question_facts AS facts FROM old_rows o UNION ALL SELECT 1, n::report_question_facts FROM new_rows n'],
      ['delete', 'SELECT -1 AS sign, o::report_question_facts AS facts FROM old_rows o'],
    ]) {
      await db.query(`
        CREATE FUNCTION report_rollups_after_facts_${operation}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${applyContributions(changes)};
          ${REMOVE_ZERO_ROWS};
          RETURN NULL;
        END $$`);
      const transition = { insert: 'NEW TABLE AS new_rows', update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', delete: 'OLD TABLE AS old_rows' }[operation];
      await db.query(`CREATE TRIGGER report_rollups_${operation} AFTER ${operation.toUpperCase()} ON report_question_facts
                      REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_after_facts_${operation}()`);
    }

    // TRUNCATE fires no row-level changes (a test truncating questions CASCADE empties the facts): the sums go with them.
    await db.query(`
      CREATE FUNCTION report_rollups_after_facts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE report_day_figures, report_month_durations, report_month_peer_answers;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER report_rollups_truncate AFTER TRUNCATE ON report_question_facts
                    FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_after_facts_truncate()`);

    await db.query(applyContributions('SELECT 1 AS sign, f AS facts FROM report_question_facts f'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER report_rollups_truncate ON report_question_facts`);
    await db.query(`DROP FUNCTION report_rollups_after_facts_truncate()`);
    for (const operation of ['insert', 'update', 'delete']) {
      await db.query(`DROP TRIGGER report_rollups_${operation} ON report_question_facts`);
      await db.query(`DROP FUNCTION report_rollups_after_facts_${operation}()`);
    }
    await db.query(`DROP INDEX report_question_facts_changed`);
    await db.query(`DROP TABLE report_month_peer_answers`);
    await db.query(`DROP TABLE report_month_durations`);
    await db.query(`DROP TABLE report_day_figures`);
    await db.query(`DROP FUNCTION report_question_peer_answers(report_question_facts)`);
    await db.query(`DROP FUNCTION report_question_durations(report_question_facts)`);
    await db.query(`DROP FUNCTION report_question_figures(report_question_facts)`);
    await db.query(`DROP FUNCTION report_histogram_percentile(float8[], bigint[], float8)`);
    await db.query(`DROP FUNCTION report_duration_bucket(float8)`);
    await db.query(`DROP FUNCTION report_outcome(report_question_facts)`);
  }
}

/**
 * Adds `sign` times the contributions of the facts rows `changes` yields (columns: sign, facts) to the three
 * tables, in one statement. Keys are written in order, so two writers touching the same rows cannot deadlock.
 */
function applyContributions(changes: string): string {
  const day = `((c.facts).created_at AT TIME ZONE 'UTC')::date`;
  const month = `date_trunc('month', (c.facts).created_at AT TIME ZONE 'UTC')::date`;
  return `
    WITH changes AS (${changes}),
    days AS (
      INSERT INTO report_day_figures AS t (day, category_id, figure, n)
      SELECT ${day}, (c.facts).category_id, x.figure, sum(c.sign * x.n)
        FROM changes c, report_question_figures(c.facts) x
       GROUP BY 1, 2, 3 HAVING sum(c.sign * x.n) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (day, category_id, figure) DO UPDATE SET n = t.n + EXCLUDED.n
      RETURNING 1),
    durations AS (
      INSERT INTO report_month_durations AS t (month, category_id, measure, seconds, n)
      SELECT ${month}, (c.facts).category_id, x.measure, x.seconds, sum(c.sign)
        FROM changes c, report_question_durations(c.facts) x
       GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, category_id, measure, seconds) DO UPDATE SET n = t.n + EXCLUDED.n
      RETURNING 1)
    INSERT INTO report_month_peer_answers AS t (month, category_id, author_id, answers, peer_solved)
    SELECT ${month}, (c.facts).category_id, x.author_id, sum(c.sign * x.answers), sum(c.sign * x.peer_solved)
      FROM changes c, report_question_peer_answers(c.facts) x
     GROUP BY 1, 2, 3 HAVING sum(c.sign * x.answers) <> 0 OR sum(c.sign * x.peer_solved) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (month, category_id, author_id) DO UPDATE SET answers = t.answers + EXCLUDED.answers, peer_solved = t.peer_solved + EXCLUDED.peer_solved`;
}

const REMOVE_ZERO_ROWS = `
  WITH days AS (DELETE FROM report_day_figures WHERE n = 0 RETURNING 1),
  durations AS (DELETE FROM report_month_durations WHERE n = 0 RETURNING 1)
  DELETE FROM report_month_peer_answers WHERE answers = 0 AND peer_solved = 0`;
