-- What one question contributes to the deflection report, and the rollup tables that sum it.
--
-- The current definition, applied with CREATE OR REPLACE by migrations (see migrations/rule-files.ts). A
-- landed migration never changes: to change a rule here, edit this file and add a NEW migration that
-- re-applies it (applyRuleFiles), then record its checksum (npm run migrations:checksums).
--
-- A question's contribution is defined once, by three functions over its stored facts: report_question_figures
-- (counts), report_question_durations (response times, rounded by report_duration_bucket) and
-- report_question_peer_answers (peer answers and peer solution, per author). The report sums them either over
-- per-question facts or from report_day_figures, report_month_durations / report_month_peer_answers (whole months)
-- and report_day_durations / report_day_peer_answers (the whole days of part months) plus their not-yet-folded deltas,
-- which the statement-level trigger on report_question_facts below appends (migrations/1763901710000-RollupDeltas.ts,
-- 1763901870000-DayGrainRollups.ts) and report_fold_rollup_deltas moves into them.

-- The resolution of reported durations: under a second, kept as is; from a second up, the nearest power of 1.02
-- (at most 1% off), rounded to the millisecond. Histograms of these values stay small (at most ~870 values between
-- a second and a year) and give the same percentiles as the rounded values themselves.
CREATE OR REPLACE FUNCTION report_duration_bucket(seconds double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE WHEN seconds < 1 THEN seconds
              ELSE round((1.02::float8 ^ round(ln(seconds) / ln(1.02::float8)))::numeric, 3)::float8 END
$$;

-- percentile_cont over a histogram (values ascending, each with its count): the same arithmetic as PostgreSQL's
-- percentile_cont over the values repeated, so both give the same figure to the last bit.
CREATE OR REPLACE FUNCTION report_histogram_percentile(seconds double precision[], counts bigint[], fraction double precision) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE
AS $$
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
  END
$$;

-- One question's contributions (as rows to be summed: a row per peer answer, say). A deleted question contributes nothing.
CREATE OR REPLACE FUNCTION report_question_figures(facts report_question_facts) RETURNS TABLE(figure text, n integer)
LANGUAGE sql IMMUTABLE
AS $$
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
$$;

CREATE OR REPLACE FUNCTION report_question_durations(facts report_question_facts) RETURNS TABLE(measure text, seconds double precision)
LANGUAGE sql IMMUTABLE
AS $$
  SELECT v.measure, report_duration_bucket(v.seconds)
    FROM (VALUES ('firstResponse', extract(epoch FROM least(facts.first_answer_by_other_at, facts.first_comment_by_other_at) - facts.created_at)::float8),
                 ('firstPeerAnswer', extract(epoch FROM facts.first_peer_answer_at - facts.created_at)::float8),
                 ('timeToAcceptedAnswer', extract(epoch FROM facts.accepted_at - facts.created_at)::float8)) v(measure, seconds)
   WHERE NOT facts.deleted AND v.seconds IS NOT NULL
  UNION ALL
  SELECT 'firstStaffResponseAfterEscalation', report_duration_bucket(s) FROM unnest(facts.staff_response_seconds) s WHERE NOT facts.deleted
$$;

CREATE OR REPLACE FUNCTION report_question_peer_answers(facts report_question_facts) RETURNS TABLE(author_id bigint, answers integer, peer_solved integer)
LANGUAGE sql IMMUTABLE
AS $$
  SELECT a, 1, 0 FROM unnest(facts.peer_answer_authors) a WHERE NOT facts.deleted
  UNION ALL
  SELECT facts.answer_author_id, 0, 1 WHERE NOT facts.deleted AND report_outcome(facts) = 'PEER_SOLVED'
$$;

-- A change of facts (removed: the old rows, added: the new ones) as signed contributions appended to the delta tables
-- (report_day_figure_deltas, report_day_duration_deltas, report_day_peer_answer_deltas), by the UTC day asked, which
-- the fold adds to both the day and the month rollups (a question is asked on one day: no more rows than by month): plain inserts, which no
-- two writers ever wait on, where adding to the rollup rows themselves made every writer of a day and category queue
-- on the same rows until it committed. report_fold_rollup_deltas moves them into the rollups; the report reads both.
CREATE OR REPLACE FUNCTION report_record_rollup_deltas(removed report_question_facts[], added report_question_facts[]) RETURNS void
LANGUAGE sql
AS $$
  WITH changes AS (
    SELECT -1 AS sign, f AS facts FROM unnest(removed) f
    UNION ALL
    SELECT 1, f FROM unnest(added) f
  ),
  days AS (
    INSERT INTO report_day_figure_deltas (day, category_id, figure, n)
    SELECT ((c.facts).created_at AT TIME ZONE 'UTC')::date, (c.facts).category_id, x.figure, sum(c.sign * x.n)
      FROM changes c, report_question_figures(c.facts) x
     GROUP BY 1, 2, 3 HAVING sum(c.sign * x.n) <> 0
  ),
  durations AS (
    INSERT INTO report_day_duration_deltas (day, category_id, measure, seconds, n)
    SELECT ((c.facts).created_at AT TIME ZONE 'UTC')::date, (c.facts).category_id, x.measure, x.seconds, sum(c.sign)
      FROM changes c, report_question_durations(c.facts) x
     GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0
  )
  INSERT INTO report_day_peer_answer_deltas (day, category_id, author_id, answers, peer_solved)
  SELECT ((c.facts).created_at AT TIME ZONE 'UTC')::date, (c.facts).category_id, x.author_id, sum(c.sign * x.answers), sum(c.sign * x.peer_solved)
    FROM changes c, report_question_peer_answers(c.facts) x
   GROUP BY 1, 2, 3 HAVING sum(c.sign * x.answers) <> 0 OR sum(c.sign * x.peer_solved) <> 0
$$;

-- The statement-level trigger on report_question_facts (insert, update, delete): its transition tables, as deltas.
CREATE OR REPLACE FUNCTION report_rollups_after_facts() RETURNS trigger
LANGUAGE plpgsql
AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM report_record_rollup_deltas('{}', ARRAY(SELECT n::report_question_facts FROM new_rows n));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM report_record_rollup_deltas(ARRAY(SELECT o::report_question_facts FROM old_rows o), '{}');
    ELSE
      PERFORM report_record_rollup_deltas(ARRAY(SELECT o::report_question_facts FROM old_rows o), ARRAY(SELECT n::report_question_facts FROM new_rows n));
    END IF;
    RETURN NULL;
  END
$$;

-- Moves every committed delta into the rollup tables, in one transaction, so a report sees the deltas either still
-- in their tables or already in the rollups, never both nor neither. One folder at a time (any API process may run
-- it): the others find the lock taken and return 0. A delta committed while this runs is left for the next fold.
-- Rollup keys are written in order and the rows summing to zero go. Returns the deltas folded.
CREATE OR REPLACE FUNCTION report_fold_rollup_deltas() RETURNS bigint
LANGUAGE plpgsql
AS $$
  DECLARE
    folded bigint := 0;
    rows_moved bigint;
  BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtextextended('report_fold_rollup_deltas', 0)) THEN RETURN 0; END IF;

    WITH moved AS (DELETE FROM report_day_figure_deltas RETURNING *),
    sums AS (
      INSERT INTO report_day_figures AS t (day, category_id, figure, n)
      SELECT day, category_id, figure, sum(n) FROM moved GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (day, category_id, figure) DO UPDATE SET n = t.n + EXCLUDED.n
    )
    SELECT count(*) INTO rows_moved FROM moved;
    folded := folded + rows_moved;

    WITH moved AS (DELETE FROM report_day_duration_deltas RETURNING *),
    days AS (
      INSERT INTO report_day_durations AS t (day, category_id, measure, seconds, n)
      SELECT day, category_id, measure, seconds, sum(n) FROM moved GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (day, category_id, measure, seconds) DO UPDATE SET n = t.n + EXCLUDED.n
    ),
    months AS (
      INSERT INTO report_month_durations AS t (month, category_id, measure, seconds, n)
      SELECT date_trunc('month', day)::date, category_id, measure, seconds, sum(n) FROM moved GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
      ON CONFLICT (month, category_id, measure, seconds) DO UPDATE SET n = t.n + EXCLUDED.n
    )
    SELECT count(*) INTO rows_moved FROM moved;
    folded := folded + rows_moved;

    WITH moved AS (DELETE FROM report_day_peer_answer_deltas RETURNING *),
    days AS (
      INSERT INTO report_day_peer_answers AS t (day, category_id, author_id, answers, peer_solved)
      SELECT day, category_id, author_id, sum(answers), sum(peer_solved) FROM moved
       GROUP BY 1, 2, 3 HAVING sum(answers) <> 0 OR sum(peer_solved) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (day, category_id, author_id) DO UPDATE SET answers = t.answers + EXCLUDED.answers, peer_solved = t.peer_solved + EXCLUDED.peer_solved
    ),
    months AS (
      INSERT INTO report_month_peer_answers AS t (month, category_id, author_id, answers, peer_solved)
      SELECT date_trunc('month', day)::date, category_id, author_id, sum(answers), sum(peer_solved) FROM moved
       GROUP BY 1, 2, 3 HAVING sum(answers) <> 0 OR sum(peer_solved) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (month, category_id, author_id) DO UPDATE SET answers = t.answers + EXCLUDED.answers, peer_solved = t.peer_solved + EXCLUDED.peer_solved
    )
    SELECT count(*) INTO rows_moved FROM moved;
    folded := folded + rows_moved;

    IF folded > 0 THEN
      DELETE FROM report_day_figures WHERE n = 0;
      DELETE FROM report_day_durations WHERE n = 0;
      DELETE FROM report_month_durations WHERE n = 0;
      DELETE FROM report_day_peer_answers WHERE answers = 0 AND peer_solved = 0;
      DELETE FROM report_month_peer_answers WHERE answers = 0 AND peer_solved = 0;
    END IF;
    RETURN folded;
  END
$$;

-- TRUNCATE fires no row-level changes (a test truncating questions CASCADE empties the facts): the sums go with them.
CREATE OR REPLACE FUNCTION report_rollups_after_facts_truncate() RETURNS trigger
LANGUAGE plpgsql
AS $$
  BEGIN
    TRUNCATE report_day_figures, report_day_durations, report_month_durations, report_day_peer_answers, report_month_peer_answers,
             report_day_figure_deltas, report_day_duration_deltas, report_day_peer_answer_deltas;
    RETURN NULL;
  END
$$;
