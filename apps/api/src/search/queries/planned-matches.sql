-- Written by `npm run sql:snapshots` from apps/api/src/search/postgres-search.repository.ts: do not edit by hand.

EXPLAIN (FORMAT JSON) SELECT 1 FROM questions q WHERE q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' AND q.category_id = :categoryId AND q.search_vector @@ regexp_replace((websearch_to_tsquery(:language::regconfig, search_text(:query)))::text, '<(-|[0-9]+)>', '&', 'g')::tsquery
