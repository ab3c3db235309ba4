-- Written by `npm run sql:snapshots` from apps/api/src/search/postgres-search.repository.ts: do not edit by hand.

WITH candidates AS (
         (SELECT q.id, q.accepted_answer_id, ts_rank(q.title_vector, :anyWord::tsquery) AS rank FROM (SELECT q.* FROM questions q WHERE q.deleted_at IS NULL ORDER BY q.created_at DESC, q.id DESC LIMIT 2000) q
           WHERE q.title_vector @@ :twoWords::tsquery AND q.deleted_at IS NULL AND q.duplicate_of IS NULL -- a duplicate is never suggested: its original is
             AND q.moderation_state = 'VISIBLE' -- nor a held or hidden question
             AND q.id IS DISTINCT FROM :excludeQuestionId::bigint
           LIMIT 300)
         UNION
         (SELECT q.id, q.accepted_answer_id, ts_rank(q.title_vector, :anyWord::tsquery) AS rank FROM questions q
           WHERE q.title_vector @@ :rareWord::tsquery AND q.title_vector @@ :rareWord::tsquery AND q.deleted_at IS NULL AND q.duplicate_of IS NULL -- a duplicate is never suggested: its original is
             AND q.moderation_state = 'VISIBLE' -- nor a held or hidden question
             AND q.id IS DISTINCT FROM :excludeQuestionId::bigint
           LIMIT :limit)
       ),
       best AS (
         SELECT id, accepted_answer_id, rank FROM candidates
          ORDER BY rank DESC, id DESC
          LIMIT :limit * 2
       )
       SELECT id::text AS id FROM best ORDER BY (accepted_answer_id IS NOT NULL) DESC, rank DESC, id DESC LIMIT :limit
