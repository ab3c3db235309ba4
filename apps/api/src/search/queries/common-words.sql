-- Written by `npm run sql:snapshots` from apps/api/src/search/postgres-search.repository.ts: do not edit by hand.

SELECT coalesce(array_agg(stats.lexeme), '{}') AS words
         FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS stats(lexeme, share)
        WHERE schemaname = current_schema() AND tablename = 'questions' AND attname = 'search_vector' AND stats.lexeme IS NOT NULL
          AND stats.share * (SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'questions'::regclass) > 5000
