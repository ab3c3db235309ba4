-- Written by `npm run sql:snapshots` from apps/api/src/search/postgres-search.repository.ts: do not edit by hand.

WITH query AS (
           SELECT websearch_to_tsquery(:language::regconfig, search_text(:query)) AS tsq
         ),
         common AS MATERIALIZED (
           SELECT coalesce(CASE WHEN strpos(query.tsq::text, '|') > 0 THEN bool_or(word.common) ELSE bool_and(word.common) END, false) AS common
           FROM query
           LEFT JOIN LATERAL (
             SELECT replace(quoted.word[2], '''''', '''') = ANY(:commonWords::text[]) AS common
               FROM regexp_matches(query.tsq::text, '(!?)''((?:[^'']|'''')+)''', 'g') AS quoted(word)
              WHERE quoted.word[1] = ''
           ) word ON true
          GROUP BY query.tsq
         ),
         recent AS MATERIALIZED (
           SELECT q.id, q.category_id, q.status, q.created_at, q.score, q.accepted_answer_id, q.search_vector, false AS cut, ((websearch_to_tsquery(:language::regconfig, search_text(:query)))::text !~ '<(-|[0-9]+)>' OR q.search_vector @@ websearch_to_tsquery(:language::regconfig, search_text(:query))) AS matching
             FROM (SELECT q.id, q.category_id, q.status, q.created_at, q.score, q.accepted_answer_id, q.search_vector, q.moderation_state, q.tags FROM questions q WHERE q.deleted_at IS NULL AND q.category_id = :categoryId AND (SELECT common FROM common)
                    ORDER BY q.created_at DESC, q.id DESC LIMIT 2000) q
            WHERE q.moderation_state = 'VISIBLE' AND q.status = :status AND q.tags @> ARRAY[:tag::text] AND q.accepted_answer_id IS NOT NULL AND q.search_vector @@ regexp_replace((websearch_to_tsquery(:language::regconfig, search_text(:query)))::text, '<(-|[0-9]+)>', '&', 'g')::tsquery
            LIMIT 501
         ),
         indexed_path AS MATERIALIZED (
           SELECT NOT (SELECT common FROM common) OR (SELECT count(*) FROM recent) < 20 AS taken
         ),
         matches AS MATERIALIZED (
           SELECT q.id, q.category_id, q.status, q.created_at, q.score, 0 AS rank, q.cut, q.matching
             FROM ((SELECT q.id, q.category_id, q.status, q.created_at, q.score, q.accepted_answer_id, q.search_vector, q.scanned = 501 AS cut, q.scanned < 501 OR ((websearch_to_tsquery(:language::regconfig, search_text(:query)))::text !~ '<(-|[0-9]+)>' OR q.search_vector @@ websearch_to_tsquery(:language::regconfig, search_text(:query))) AS matching
                      FROM (SELECT q.id, q.category_id, q.status, q.created_at, q.score, q.accepted_answer_id, q.search_vector, row_number() OVER () AS scanned FROM questions q
                             WHERE q.deleted_at IS NULL AND q.category_id = :categoryId AND q.moderation_state = 'VISIBLE' AND q.status = :status AND q.tags @> ARRAY[:tag::text] AND q.accepted_answer_id IS NOT NULL AND q.search_vector @@ regexp_replace((websearch_to_tsquery(:language::regconfig, search_text(:query)))::text, '<(-|[0-9]+)>', '&', 'g')::tsquery AND (SELECT taken FROM indexed_path) LIMIT 501) q
                     WHERE q.scanned = 501 OR ((websearch_to_tsquery(:language::regconfig, search_text(:query)))::text !~ '<(-|[0-9]+)>' OR q.search_vector @@ websearch_to_tsquery(:language::regconfig, search_text(:query))))
                   UNION ALL
                   (SELECT * FROM recent WHERE NOT (SELECT taken FROM indexed_path))) q
            LIMIT 501
         ),
         counted AS (SELECT * FROM matches WHERE matching LIMIT 500),
         page AS (
           SELECT id, row_number() OVER (ORDER BY created_at DESC, id DESC) AS ordinal FROM ((SELECT id, created_at, score, rank FROM counted WHERE (SELECT count(*) FROM matches WHERE matching) <= 500 ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset)
         UNION ALL
         (SELECT id, created_at, score, rank FROM (SELECT q.id, q.created_at, q.score, 0 AS rank FROM questions q WHERE q.deleted_at IS NULL AND q.category_id = :categoryId AND q.moderation_state = 'VISIBLE' AND q.status = :status AND q.tags @> ARRAY[:tag::text] AND q.accepted_answer_id IS NOT NULL AND q.search_vector @@ regexp_replace((websearch_to_tsquery(:language::regconfig, search_text(:query)))::text, '<(-|[0-9]+)>', '&', 'g')::tsquery) everything WHERE (SELECT count(*) FROM matches WHERE matching) > 500 ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset)) page
         )
         SELECT
           (SELECT count(*)::int FROM matches WHERE matching) AS matched,
           (SELECT coalesce(bool_or(cut), false) FROM matches) OR NOT (SELECT taken FROM indexed_path) AS cut,
           (SELECT json_agg(json_build_object('categoryId', category_id::text, 'count', n) ORDER BY n DESC, category_id)
              FROM (SELECT category_id, count(*)::int AS n FROM counted GROUP BY category_id) c) AS categories,
           (SELECT json_agg(json_build_object('status', status, 'count', n) ORDER BY n DESC, status)
              FROM (SELECT status, count(*)::int AS n FROM counted GROUP BY status) s) AS statuses,
           (SELECT json_agg(json_build_object('id', m.id::text, 'snippet', ts_headline(:language::regconfig,
  translate(q.title || E'\n' || q.body || coalesce(E'\n' || acc.body, ''), '', ''), query.tsq,
  'StartSel=, StopSel=, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')) ORDER BY m.ordinal)
              FROM page m
              JOIN questions q ON q.id = m.id
              LEFT JOIN answers acc ON acc.id = q.accepted_answer_id AND acc.deleted_at IS NULL AND acc.moderation_state = 'VISIBLE'
              CROSS JOIN query) AS page
