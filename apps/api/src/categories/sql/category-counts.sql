-- Each category's live, visible questions counted (all of them, the solved ones, the ones waiting for a first answer),
-- for the categories page and the home page: kept by the triggers on questions in the writing transaction, so no page
-- counts a category's questions. A writer adds its change to one of 16 rows of the category, picked by its backend,
-- so writers in one category seldom wait on each other's row; readers sum the rows.
--
-- The current definition, applied with CREATE OR REPLACE by migrations (see migrations/rule-files.ts).

-- One question's part in its category's counts, negated (`direction` -1) for a row that went; no row for a deleted,
-- held or hidden question. Unanswered as QuestionFilter.unanswered: no live answer and not closed (WAITING_STATUSES).
CREATE OR REPLACE FUNCTION category_counts_part(q questions, direction integer)
RETURNS TABLE (category_id bigint, questions integer, solved integer, unanswered integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT q.category_id, direction,
         CASE WHEN q.status = 'SOLVED' THEN direction ELSE 0 END,
         CASE WHEN q.answer_count = 0 AND q.status <> 'CLOSED' THEN direction ELSE 0 END
   WHERE q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE'
$$;

CREATE OR REPLACE FUNCTION category_counts_add(category bigint, added_questions bigint, added_solved bigint, added_unanswered bigint) RETURNS void
LANGUAGE sql
AS $$
  INSERT INTO category_counts AS c (category_id, shard, questions, solved, unanswered)
  VALUES (category, pg_backend_pid() % 16, added_questions, added_solved, added_unanswered)
  ON CONFLICT (category_id, shard) DO UPDATE
    SET questions = c.questions + EXCLUDED.questions, solved = c.solved + EXCLUDED.solved, unanswered = c.unanswered + EXCLUDED.unanswered
$$;

-- Inserts and deletes per statement (an import adds each category's questions at once), an update per row that
-- changed what counts (the trigger's WHEN clause).
CREATE OR REPLACE FUNCTION category_counts_after_questions() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    PERFORM category_counts_add(d.category_id, sum(d.questions), sum(d.solved), sum(d.unanswered))
       FROM (SELECT * FROM category_counts_part(NEW, 1) UNION ALL SELECT * FROM category_counts_part(OLD, -1)) d
      GROUP BY d.category_id
     HAVING sum(d.questions) <> 0 OR sum(d.solved) <> 0 OR sum(d.unanswered) <> 0;
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM category_counts_add(d.category_id, sum(d.questions), sum(d.solved), sum(d.unanswered))
       FROM new_rows q, category_counts_part(q, 1) d GROUP BY d.category_id;
  ELSE
    PERFORM category_counts_add(d.category_id, sum(d.questions), sum(d.solved), sum(d.unanswered))
       FROM old_rows q, category_counts_part(q, -1) d GROUP BY d.category_id;
  END IF;
  RETURN NULL;
END
$$;

-- Counts every category again from its questions, in one row each: after a load that ran without triggers (a restore,
-- a seed that turns them off), and to fold the 16 rows of each category back into one.
CREATE OR REPLACE FUNCTION category_counts_recount() RETURNS void
LANGUAGE sql
AS $$
  DELETE FROM category_counts;
  INSERT INTO category_counts (category_id, shard, questions, solved, unanswered)
  SELECT d.category_id, 0, sum(d.questions), sum(d.solved), sum(d.unanswered)
    FROM questions q, category_counts_part(q, 1) d GROUP BY d.category_id;
$$;
