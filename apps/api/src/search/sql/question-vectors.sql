-- The search vectors of a question, written by the PostgreSQL search engine in the writing transaction.
--
-- The current definition, applied with CREATE OR REPLACE by migrations (see migrations/rule-files.ts). A
-- landed migration never changes: to change a rule here, edit this file and add a NEW migration that
-- re-applies it (applyRuleFiles), then record its checksum (npm run migrations:checksums).

-- The whole question, weighted: title A, tags B, body and the accepted answer C, the other answers D.
CREATE OR REPLACE FUNCTION question_search_vector(q questions, config regconfig) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT setweight(to_tsvector(config, search_text(q.title)), 'A')
      || setweight(to_tsvector(config, search_text(array_to_string(q.tags, ' '))), 'B')
      || setweight(to_tsvector(config, search_text(q.body || ' ' || coalesce(
           (SELECT a.body FROM answers a WHERE a.id = q.accepted_answer_id AND a.deleted_at IS NULL AND a.moderation_state = 'VISIBLE'), ''))), 'C')
      || setweight(to_tsvector(config, search_text(coalesce(
           (SELECT string_agg(a.body, ' ' ORDER BY a.id) FROM answers a
             WHERE a.question_id = q.id AND a.deleted_at IS NULL AND a.moderation_state = 'VISIBLE'
               AND a.id IS DISTINCT FROM q.accepted_answer_id), ''))), 'D')
$$;

-- The title alone, for likely duplicates on the ask form: short, so its GIN posting lists are a fraction of the
-- whole vector's.
CREATE OR REPLACE FUNCTION question_title_vector(q questions, config regconfig) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT to_tsvector(config, search_text(q.title)) $$;
