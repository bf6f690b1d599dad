-- Issue 11: the audit page reads newest first after a cursor, (at, id); each filter gets an index in that order
-- (user, record, person, action, refusals), so that a page of a two-million-row log stops after its rows.
-- IF NOT EXISTS: a large installation may build them beforehand with CREATE INDEX CONCURRENTLY (README).
DROP INDEX IF EXISTS "audit_log_at_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "audit_log_actor_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "audit_log_record_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "audit_log_subject_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_at_id_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_actor_at_idx" ON "audit_log" USING btree ("actor_user_id","at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_record_at_idx" ON "audit_log" USING btree ("record_id","at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_subject_at_idx" ON "audit_log" USING btree ("subject_person_id","at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_action_at_idx" ON "audit_log" USING btree ("action","at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_denied_idx" ON "audit_log" USING btree ("at","id") WHERE NOT "audit_log"."allowed";