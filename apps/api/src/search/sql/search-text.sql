-- What the PostgreSQL search engine reads of a text, for posts and queries alike.
--
-- The current definition, applied with CREATE OR REPLACE by migrations (see migrations/rule-files.ts). A
-- landed migration never changes: to change a rule here, edit this file and add a NEW migration that
-- re-applies it (applyRuleFiles), then record its checksum (npm run migrations:checksums).

-- unaccent() is only STABLE (its dictionary could change); an index expression needs IMMUTABLE, and naming the
-- dictionary keeps the wrapper independent of search_path.
CREATE OR REPLACE FUNCTION search_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Unaccented, and with < and > as plain separators, so the words of `<script>` in a post are words rather than a
-- dropped HTML tag.
CREATE OR REPLACE FUNCTION search_text(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT translate(search_unaccent($1), '<>', '  ') $$;

-- The words of a title, for typo correction (table search_words): 'simple' keeps words whole (a stem such as
-- "translat" is far from what people mistype); words of 3 to 40 letters: shorter ones have too few trigrams to
-- compare, longer ones are not words.
CREATE OR REPLACE FUNCTION search_title_words(title text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  SELECT word FROM unnest(tsvector_to_array(to_tsvector('simple', search_text(title)))) AS word
   WHERE length(word) BETWEEN 3 AND 40
$$;
