-- The audit log is append-only: an entry, once written, is never changed or removed, by the API or by
-- anyone with a SQL prompt short of the table's owner dropping this trigger (which itself leaves a trace
-- in the migrations). Fired BEFORE UPDATE OR DELETE for each row and BEFORE TRUNCATE for the statement.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % is refused on audit_log (entries are never changed or removed).', TG_OP
    USING ERRCODE = 'restrict_violation',
          HINT = 'Record a new entry instead (AuditService.record).';
END;
$$;
