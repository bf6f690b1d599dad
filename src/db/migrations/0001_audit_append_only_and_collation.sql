-- Person names sort as a Swiss reader expects (Élodie before eric before Zoé), not by bytes.
CREATE COLLATION IF NOT EXISTS person_name (provider = icu, locale = 'fr-CH');
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN given_name TYPE text COLLATE person_name;
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN family_name TYPE text COLLATE person_name;
--> statement-breakpoint
ALTER TABLE communes ALTER COLUMN name TYPE text COLLATE person_name;
--> statement-breakpoint
-- The audit log is append-only. The only UPDATE allowed is the sealer giving a
-- row its chain position and hash, once. Whoever can disable this trigger can
-- still edit rows; the hash chain is what makes that visible.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF OLD.seq IS NOT NULL OR NEW.seq IS NULL OR NEW.hash IS NULL
     OR ROW(NEW.id, NEW.at, NEW.actor_user_id, NEW.actor_institution_id, NEW.action, NEW.record_type,
            NEW.record_id, NEW.subject_person_id, NEW.ip, NEW.allowed, NEW.details)
        IS DISTINCT FROM
        ROW(OLD.id, OLD.at, OLD.actor_user_id, OLD.actor_institution_id, OLD.action, OLD.record_type,
            OLD.record_id, OLD.subject_person_id, OLD.ip, OLD.allowed, OLD.details) THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
-- Unsealed rows are found by this partial index without scanning the sealed history.
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE seq IS NULL;
