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
         SELECT term, frequency < 0.01 AS rare, row_number() OVER (ORDER BY frequency, term) AS n FROM rated
          ORDER BY frequency, term
          LIMIT least(6, greatest(2, (SELECT count(*) FROM rated WHERE frequency < 0.01)))
       )
       SELECT (SELECT string_agg(term, ' | ') FROM chosen) AS "anyWord",
              coalesce((SELECT string_agg('(' || a.term || ' & ' || b.term || ')', ' | ') FROM chosen a JOIN chosen b ON a.n < b.n),
                       (SELECT string_agg(term, ' | ') FROM chosen)) AS "twoWords",
              (SELECT string_agg(term, ' | ') FROM chosen WHERE rare) AS "rareWord",
              coalesce((SELECT bool_or(NOT rare) FROM chosen), false) AS common
