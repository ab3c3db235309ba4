-- Written by `npm run sql:snapshots` from apps/api/src/search/postgres-search.repository.ts: do not edit by hand.

WITH stats AS (
         SELECT most_common_elems::text::text[] AS lexemes, most_common_elem_freqs AS frequencies
           FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'questions' AND attname = 'title_vector'
       ),
       typed AS (
         SELECT word, at FROM unnest(string_to_array(search_unaccent(:words), ' ')) WITH ORDINALITY AS typed(word, at)
       )
       SELECT string_agg(coalesce(best.word, typed.word), ' ' ORDER BY typed.at) AS corrected,
              bool_or(best.word IS DISTINCT FROM typed.word AND best.word IS NOT NULL) AS changed
         FROM typed
         LEFT JOIN LATERAL (
           SELECT nearest.word
             FROM (SELECT w.word, similarity(w.word, typed.word) AS similarity FROM search_words w
                    WHERE w.word % typed.word ORDER BY similarity DESC LIMIT 8) nearest
             LEFT JOIN stats ON true
            WHERE nearest.similarity >= 0.4
            ORDER BY nearest.word = typed.word DESC, round(nearest.similarity::numeric, 1) DESC,
                     coalesce(stats.frequencies[array_position(stats.lexemes,
                       (SELECT lexeme FROM unnest(to_tsvector(:language::regconfig, nearest.word)) LIMIT 1))], 0) DESC,
                     nearest.similarity DESC, nearest.word
            LIMIT 1
         ) best ON true
