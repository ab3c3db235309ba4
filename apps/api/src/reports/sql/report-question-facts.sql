-- Per-question facts for the deflection report (docs/metrics.md, "How figures are computed").
--
-- The current definition, applied with CREATE OR REPLACE by migrations (see migrations/rule-files.ts). A
-- landed migration never changes: to change a rule here, edit this file and add a NEW migration that
-- re-applies it (applyRuleFiles), then record its checksum (npm run migrations:checksums).
--
-- report_question_facts_as_of(ids, as_of) is the one definition of "the facts of a question as of a moment": the
-- report computes from it straight over the raw tables, and the table report_question_facts holds its result as of
-- 'infinity' for every question, with facts_changed_at, the latest instant any of those rows names. The table is
-- kept current by statement-level triggers on every table the definition reads (report_facts_after_change, attached
-- by migrations/1763901710000-RollupDeltas.ts): the triggers note the questions, and a deferred constraint trigger
-- refreshes them once, at commit, after every row lock of the transaction is held
-- (migrations/1763901165000-WritesInLockOrder.ts), or, for the API's hot writes, a job refreshes them after commit
-- (report_facts_outbox, migrations/1763901820000-ReportFactsAfterCommit.ts).

CREATE OR REPLACE FUNCTION report_question_facts_as_of(ids bigint[], as_of timestamp with time zone) RETURNS SETOF report_question_facts
LANGUAGE sql STABLE
AS $$
  WITH q AS (
    SELECT q.* FROM questions q JOIN unnest(ids) AS i(id) ON i.id = q.id
  ),
  acc AS (
    SELECT DISTINCT ON (aa.question_id) aa.question_id, a.id AS accepted_answer_id, a.author_id AS answer_author_id,
           a.author_kind AS accepted_kind, aa.accepted_at
      FROM answer_acceptances aa JOIN q ON q.id = aa.question_id JOIN answers a ON a.id = aa.answer_id
     WHERE aa.accepted_at <= as_of AND (aa.withdrawn_at IS NULL OR aa.withdrawn_at > as_of)
     ORDER BY aa.question_id, aa.accepted_at DESC, aa.id DESC
  ),
  esc AS (
    SELECT e.question_id, min(e.escalated_at) FILTER (WHERE e.escalated_at <= as_of) AS first_escalated_at,
           count(*) FILTER (WHERE e.escalated_at <= as_of) AS escalations,
           count(*) FILTER (WHERE e.escalated_at <= as_of AND e.breached_at <= as_of) AS breached_escalations,
           coalesce(array_agg(DISTINCT e.reason) FILTER (WHERE e.escalated_at <= as_of), '{}') AS escalation_reasons,
           coalesce(array_agg(extract(epoch FROM e.first_staff_response_at - e.escalated_at)::float8 ORDER BY e.id)
                      FILTER (WHERE e.escalated_at <= as_of AND e.first_staff_response_at <= as_of), '{}') AS staff_response_seconds,
           max(greatest(e.escalated_at, e.first_staff_response_at, e.breached_at)) AS changed_at
      FROM escalations e JOIN q ON q.id = e.question_id
     GROUP BY e.question_id
  ),
  ans AS (
    SELECT a.question_id,
           count(*) FILTER (WHERE live AND a.author_kind = 'PEER') AS peer_answers,
           count(*) FILTER (WHERE live AND a.author_kind = 'STAFF') AS staff_answers,
           count(*) FILTER (WHERE live AND a.author_kind = 'PEER' AND a.author_id <> q.author_id) AS peer_answers_by_others,
           min(a.created_at) FILTER (WHERE live AND a.author_kind = 'PEER' AND a.author_id <> q.author_id) AS first_peer_answer_at,
           min(a.created_at) FILTER (WHERE live AND a.author_id <> q.author_id) AS first_answer_by_other_at,
           coalesce(array_agg(a.author_id ORDER BY a.id) FILTER (WHERE live AND a.author_kind = 'PEER' AND a.author_id <> q.author_id), '{}') AS peer_answer_authors,
           max(greatest(a.created_at, a.deleted_at)) AS changed_at
      FROM answers a JOIN q ON q.id = a.question_id
     CROSS JOIN LATERAL (SELECT a.created_at <= as_of AND (a.deleted_at IS NULL OR a.deleted_at > as_of)
                                AND a.moderation_state = 'VISIBLE' AS live) l
     GROUP BY a.question_id
  ),
  com AS (
    SELECT m.question_id,
           count(*) FILTER (WHERE live AND m.author_kind = 'STAFF') AS staff_comments,
           min(m.created_at) FILTER (WHERE live AND m.author_id <> q.author_id) AS first_comment_by_other_at,
           max(greatest(m.created_at, m.deleted_at)) AS changed_at
      FROM comments m JOIN q ON q.id = m.question_id
     CROSS JOIN LATERAL (SELECT m.created_at <= as_of AND (m.deleted_at IS NULL OR m.deleted_at > as_of)
                                AND m.moderation_state = 'VISIBLE' AS live) l
     GROUP BY m.question_id
  ),
  acc_changed AS (
    SELECT aa.question_id, max(greatest(aa.accepted_at, aa.withdrawn_at)) AS changed_at
      FROM answer_acceptances aa JOIN q ON q.id = aa.question_id GROUP BY aa.question_id
  ),
  -- Only when our team resolved the question's private conversation: nothing of what was said.
  pc AS (
    SELECT pc.question_id, pc.resolved_at FROM private_conversations pc JOIN q ON q.id = pc.question_id
  )
  -- "deleted": left out of every cohort. A held or hidden question (a new member's post awaiting approval, spam
  -- hidden by flags or a moderator) counts as deleted while it is so; a held or hidden answer or comment is not
  -- live. Like deletion, the state is read as it is now, whatever as_of (docs/metrics.md, "Cohort").
  SELECT q.id, q.author_id, q.category_id, q.tags, q.created_at, q.deleted_at IS NOT NULL OR q.moderation_state <> 'VISIBLE',
         acc.accepted_answer_id, acc.answer_author_id, acc.accepted_kind, acc.accepted_at,
         esc.first_escalated_at,
         coalesce(ans.peer_answers, 0)::int, coalesce(ans.staff_answers, 0)::int, coalesce(ans.peer_answers_by_others, 0)::int,
         ans.first_peer_answer_at, ans.first_answer_by_other_at,
         coalesce(com.staff_comments, 0)::int, com.first_comment_by_other_at,
         coalesce(esc.escalations, 0)::int, coalesce(esc.breached_escalations, 0)::int,
         coalesce(esc.escalation_reasons, '{}'), coalesce(esc.staff_response_seconds, '{}'),
         coalesce(ans.peer_answer_authors, '{}'),
         greatest(q.created_at, ans.changed_at, com.changed_at, esc.changed_at, acc_changed.changed_at, pc.resolved_at),
         CASE WHEN pc.resolved_at <= as_of THEN pc.resolved_at END
    FROM q
    LEFT JOIN acc ON acc.question_id = q.id
    LEFT JOIN esc ON esc.question_id = q.id
    LEFT JOIN ans ON ans.question_id = q.id
    LEFT JOIN com ON com.question_id = q.id
    LEFT JOIN acc_changed ON acc_changed.question_id = q.id
    LEFT JOIN pc ON pc.question_id = q.id
$$;

-- Locks the rows first so that, under READ COMMITTED, the recomputation's snapshot includes whatever a concurrent
-- writer of the same question committed while we waited (the last writer never writes stale facts).
-- One plan for every call (plan_cache_mode): planned for each call's array, the recomputation's joins cost about
-- 2 ms to plan, four times their running time for one question (every post's commit), and the plan picked for a
-- batch of 2,000 (the sweep) ran 7 times slower than the index lookups of the generic one.
CREATE OR REPLACE FUNCTION refresh_report_question_facts(ids bigint[]) RETURNS void
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
  BEGIN
    PERFORM 1 FROM report_question_facts WHERE question_id = ANY(ids) ORDER BY question_id FOR UPDATE;
    INSERT INTO report_question_facts SELECT * FROM report_question_facts_as_of(ids, 'infinity')
    ON CONFLICT (question_id) DO UPDATE SET
      author_id = EXCLUDED.author_id, category_id = EXCLUDED.category_id, tags = EXCLUDED.tags,
      created_at = EXCLUDED.created_at, deleted = EXCLUDED.deleted,
      accepted_answer_id = EXCLUDED.accepted_answer_id, answer_author_id = EXCLUDED.answer_author_id,
      accepted_kind = EXCLUDED.accepted_kind, accepted_at = EXCLUDED.accepted_at, first_escalated_at = EXCLUDED.first_escalated_at,
      peer_answers = EXCLUDED.peer_answers, staff_answers = EXCLUDED.staff_answers, peer_answers_by_others = EXCLUDED.peer_answers_by_others,
      first_peer_answer_at = EXCLUDED.first_peer_answer_at, first_answer_by_other_at = EXCLUDED.first_answer_by_other_at,
      staff_comments = EXCLUDED.staff_comments, first_comment_by_other_at = EXCLUDED.first_comment_by_other_at,
      escalations = EXCLUDED.escalations, breached_escalations = EXCLUDED.breached_escalations,
      escalation_reasons = EXCLUDED.escalation_reasons, staff_response_seconds = EXCLUDED.staff_response_seconds,
      peer_answer_authors = EXCLUDED.peer_answer_authors, facts_changed_at = EXCLUDED.facts_changed_at,
      privately_resolved_at = EXCLUDED.privately_resolved_at;
  END
$$;

-- Notes the questions for the refresh at commit, unless the transaction set peerdesk.defer_report_facts: to 'off'
-- (a hand-written repair that wants its own facts before it commits) the refresh runs at once; to 'after-commit' (a
-- question, an answer, a vote, an acceptance: the API's hot writes) the questions go to report_facts_outbox, committed with the
-- write, and refresh_noted_report_question_facts refreshes them after commit, many in one call (a single question's
-- refresh costs ten times its share of a batch's). peerdesk.report_facts_noted says that notes wait for the refresh
-- at commit (set for the transaction, so a rolled-back savepoint takes it back with its notes).
CREATE OR REPLACE FUNCTION refresh_or_defer_report_question_facts(ids bigint[]) RETURNS void
LANGUAGE plpgsql
AS $$
  BEGIN
    CASE coalesce(current_setting('peerdesk.defer_report_facts', true), '')
      WHEN 'off' THEN
        PERFORM refresh_report_question_facts(ids);
      WHEN 'after-commit' THEN
        INSERT INTO report_facts_outbox (question_id) SELECT DISTINCT unnest(ids);
      ELSE
        -- One row for the statement's questions, whatever their number: a row each cost an index entry and a queued
        -- call of the trigger at commit per question (migrations/1763901950000-ReportFactsNotedAsSets.ts).
        IF cardinality(ids) > 0 THEN
          INSERT INTO report_facts_pending (question_ids) VALUES (ids);
          PERFORM set_config('peerdesk.report_facts_noted', 'on', true);
        END IF;
    END CASE;
  END
$$;

-- Refreshes the questions committed writes left in report_facts_outbox, taking up to `batch` of its rows in one call,
-- and returns how many rows it took. The outbox has no key: a write appends its rows and never waits for a refresher
-- (with a key, every writer to a question a refresher had taken waited for the refresher's whole batch). `wait`
-- false (the timed job): rows another refresher holds are skipped, so several processes share the work. `wait` true
-- (a report, before it reads the facts): every row, waiting for a refresher that holds some to commit, so the report
-- reads facts as current as the raw tables.
CREATE OR REPLACE FUNCTION refresh_noted_report_question_facts(batch integer, wait boolean) RETURNS integer
LANGUAGE plpgsql
AS $$
  DECLARE
    ids bigint[];
    taken integer;
  BEGIN
    IF wait THEN
      WITH gone AS (DELETE FROM report_facts_outbox RETURNING question_id)
      SELECT array_agg(DISTINCT question_id ORDER BY question_id), count(*) INTO ids, taken FROM gone;
    ELSE
      WITH gone AS (
        DELETE FROM report_facts_outbox
         WHERE ctid = ANY(ARRAY(SELECT ctid FROM report_facts_outbox LIMIT batch FOR UPDATE SKIP LOCKED))
        RETURNING question_id)
      SELECT array_agg(DISTINCT question_id ORDER BY question_id), count(*) INTO ids, taken FROM gone;
    END IF;
    IF ids IS NOT NULL THEN
      PERFORM refresh_report_question_facts(ids);
    END IF;
    RETURN taken;
  END
$$;

-- The deferred constraint trigger on report_facts_pending: refreshes the noted questions at commit.
CREATE OR REPLACE FUNCTION refresh_pending_report_question_facts() RETURNS trigger
LANGUAGE plpgsql
AS $$
  DECLARE ids bigint[];
  BEGIN
    -- The first of the transaction's queued calls (one per noted row: a statement's set) refreshes every noted
    -- question, each once; the rest return at once, without a scan for rows the first one deleted.
    IF coalesce(current_setting('peerdesk.report_facts_noted', true), '') <> 'on' THEN
      RETURN NULL;
    END IF;
    PERFORM set_config('peerdesk.report_facts_noted', 'off', true);
    WITH done AS (DELETE FROM report_facts_pending WHERE transaction_id = pg_current_xact_id() RETURNING question_ids)
    SELECT array_agg(DISTINCT id ORDER BY id) INTO ids FROM done, unnest(done.question_ids) AS id;
    IF ids IS NOT NULL THEN
      PERFORM refresh_report_question_facts(ids);
    END IF;
    RETURN NULL;
  END
$$;

-- The statement-level trigger on every table the definition reads (insert, update, delete), with transition tables,
-- so a set-based write (the sweep, the importer's batches) notes its questions in one statement. The trigger's
-- argument names the column holding the question id: question_id when none is given (id on questions).
CREATE OR REPLACE FUNCTION report_facts_after_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
  DECLARE
    question_column text := coalesce(TG_ARGV[0], 'question_id');
    ids bigint[];
  BEGIN
    EXECUTE format(CASE TG_OP WHEN 'INSERT' THEN 'SELECT ARRAY(SELECT DISTINCT %1$I FROM new_rows)'
                              WHEN 'DELETE' THEN 'SELECT ARRAY(SELECT DISTINCT %1$I FROM old_rows)'
                              ELSE 'SELECT ARRAY(SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows)' END, question_column)
      INTO ids;
    PERFORM refresh_or_defer_report_question_facts(ids);
    RETURN NULL;
  END
$$;

-- Questions are updated on every view (view_count) and search refresh: the row trigger's WHEN names the columns
-- the facts read, and only a change of those calls this.
CREATE OR REPLACE FUNCTION report_facts_after_question_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
  BEGIN
    PERFORM refresh_or_defer_report_question_facts(ARRAY[NEW.id]);
    RETURN NULL;
  END
$$;
