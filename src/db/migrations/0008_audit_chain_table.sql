-- The audit chain moves out of audit_log into its own insert-only table, so that the
-- application's role needs only INSERT and SELECT on the audit tables (decision 010):
-- the sealer used to UPDATE audit_log to set seq and hash, which an insert-only
-- role cannot do. The link becomes an HMAC under a key kept outside the database.
CREATE TABLE audit_chain (
  seq bigint PRIMARY KEY,
  audit_id bigint NOT NULL UNIQUE REFERENCES audit_log (id),
  mac text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Positions sealed before this migration, with their unkeyed sha256 hashes. The
-- sealer re-seals these rows first, in this order and at these positions, under the
-- key (checking the old hashes as it goes); the table itself never changes again.
CREATE TABLE audit_chain_legacy (
  seq bigint PRIMARY KEY,
  audit_id bigint NOT NULL UNIQUE REFERENCES audit_log (id),
  hash text NOT NULL
);
--> statement-breakpoint
INSERT INTO audit_chain_legacy (seq, audit_id, hash)
  SELECT seq, id, hash FROM audit_log WHERE seq IS NOT NULL;
--> statement-breakpoint
-- Nobody updates audit_log any more: the guard now refuses every UPDATE, DELETE and
-- TRUNCATE on each table it watches. audit_log.seq and hash stay, frozen, for instances
-- of the previous version during a rolling start; a later migration drops them.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_legacy_frozen BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_legacy
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_legacy_no_truncate BEFORE TRUNCATE ON audit_chain_legacy
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
-- Every new row has seq NULL now: the partial index no longer selects anything useful.
DROP INDEX IF EXISTS audit_log_unsealed_idx;
