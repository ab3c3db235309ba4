-- Written by `npm run sql:snapshots` from apps/api/src/search/postgres-search.repository.ts: do not edit by hand.

WITH typed AS (
         SELECT lexeme FROM unnest(to_tsvector(:language::regconfig, search_text(:title)))
       ),
       stats AS (
         SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS frequencies
           FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'questions' AND attname = 'title_vector'
       ),
       rated AS (
         -- A lexeme quoted as tsquery input (quotes and backslashes doubled).
         SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''' AS term,
                coalesce(stats.frequencies[array_position(stats.lexemes, lexeme)], 0) AS frequency
           FROM typed LEFT JOIN stats ON true
       ),
       chosen AS (
         SELECT term, row_number() OVER (ORDER BY frequency, term) AS n FROM rated
          ORDER BY frequency, term
          LIMIT least(6, greatest(1, (SELECT count(*) FROM rated WHERE frequency < 0.01)))
       ),
       query AS (
         SELECT (SELECT string_agg(term, ' | ')::tsquery FROM chosen) AS any_word,
                coalesce((SELECT string_agg('(' || a.term || ' & ' || b.term || ')', ' | ')::tsquery FROM chosen a JOIN chosen b ON a.n < b.n),
                         (SELECT string_agg(term, ' | ')::tsquery FROM chosen)) AS two_words
       ),
       candidates AS (
         (SELECT q.id FROM questions q, query
           WHERE q.title_vector @@ query.two_words AND q.deleted_at IS NULL AND q.duplicate_of IS NULL -- a duplicate is never suggested: its original is
             AND q.moderation_state = 'VISIBLE' -- nor a held or hidden question
             AND q.id IS DISTINCT FROM :excludeQuestionId::bigint
           LIMIT 300)
         UNION
         (SELECT q.id FROM questions q, query
           WHERE q.title_vector @@ query.any_word AND q.deleted_at IS NULL AND q.duplicate_of IS NULL AND q.moderation_state = 'VISIBLE'
             AND q.id IS DISTINCT FROM :excludeQuestionId::bigint
           LIMIT :limit)
       ),
       best AS (
         SELECT q.id, q.accepted_answer_id, ts_rank(q.title_vector, query.any_word) AS rank
           FROM candidates c JOIN questions q ON q.id = c.id, query
          ORDER BY rank DESC, q.id DESC
          LIMIT :limit * 2
       )
       SELECT id::text AS id FROM best ORDER BY (accepted_answer_id IS NOT NULL) DESC, rank DESC, id DESC LIMIT :limit
