-- Every API instance answers anonymous page views from a short-lived cache (page-cache/page-cache.ts) and
-- empties it when what a page shows changes: this trigger function sends `NOTIFY page_cache` from the
-- writing transaction, which PostgreSQL delivers to every listening instance only at its commit (and once
-- per transaction, however many rows or statements fired it). Fired AFTER each statement on the tables
-- the public pages read; on questions for each updated row whose view count did not change, so flushing
-- buffered views (questions/view-recorder.ts) leaves the caches alone.
CREATE OR REPLACE FUNCTION page_cache_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('page_cache', '');
  RETURN NULL;
END;
$$;
