-- Issue 10: trigram search (pg_trgm, also shipped with PGlite), the kind of care kept at closure,
-- and the grants table that lets an index find what a caller sees (src/db/situation-grants.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."care_kind" AS ENUM('assessment', 'round_table', 'tandem', 'network_follow_up');--> statement-breakpoint
CREATE TABLE "situation_grants" (
	"situation_id" uuid NOT NULL,
	"action" text NOT NULL,
	"grantee" text NOT NULL,
	"from_day" date,
	"until_day" date,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "situation_grants_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"installed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "situations" ADD COLUMN "care_kind" "care_kind";--> statement-breakpoint
ALTER TABLE "situation_grants" ADD CONSTRAINT "situation_grants_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "situation_grants_grantee_idx" ON "situation_grants" USING btree ("grantee","action","situation_id","from_day","until_day","ended_at");--> statement-breakpoint
CREATE INDEX "situation_grants_situation_idx" ON "situation_grants" USING btree ("situation_id","action","grantee");--> statement-breakpoint
CREATE INDEX "consents_institutions_idx" ON "consents" USING gin ("institution_ids");--> statement-breakpoint
CREATE INDEX "persons_search_trgm_idx" ON "persons" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "situations_created_idx" ON "situations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "situations_announced_idx" ON "situations" USING btree ("announced_at","created_at","id");--> statement-breakpoint
CREATE INDEX "situations_number_trgm_idx" ON "situations" USING gin ("number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "situations_following_idx" ON "situations" USING gin ("following_institution_ids");--> statement-breakpoint
CREATE INDEX "persons_navs13_idx" ON "persons" USING btree ("navs13");--> statement-breakpoint
CREATE INDEX "situations_status_idx" ON "situations" USING btree ("status","announced_at");--> statement-breakpoint
CREATE INDEX "case_team_members_situation_idx" ON "case_team_members" USING btree ("situation_id");--> statement-breakpoint
CREATE INDEX "consents_situation_idx" ON "consents" USING btree ("situation_id");--> statement-breakpoint
CREATE INDEX "final_reports_situation_idx" ON "final_reports" USING btree ("situation_id");--> statement-breakpoint
-- The kind of care each situation was last oriented to (its status until closure, then its last orientation).
UPDATE situations s SET care_kind = s.status::text::care_kind WHERE s.status::text IN ('assessment', 'round_table', 'tandem', 'network_follow_up');--> statement-breakpoint
UPDATE situations s SET care_kind = (
  SELECT (e.details->>'careKind')::care_kind FROM situation_events e
  WHERE e.situation_id = s.id AND e.type = 'orient' AND e.details ? 'careKind'
  ORDER BY e.at DESC, e.id DESC LIMIT 1)
WHERE s.status = 'closed';--> statement-breakpoint
-- The grants follow every change of the facts they come from, in the same transaction. The function the
-- triggers call is generated from the access rules and installed at start (installSituationGrants); until
-- then (the migrations of a first start) there is nothing to keep: the start rebuilds every grant.
CREATE FUNCTION tandem_grants_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regprocedure('tandem_refresh_situation_grants(uuid[])') IS NOT NULL THEN
    PERFORM tandem_refresh_situation_grants(ids);
  END IF;
END $$;--> statement-breakpoint
CREATE FUNCTION tandem_grants_on_situation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tandem_grants_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER situations_grants AFTER INSERT ON situations
  FOR EACH ROW EXECUTE FUNCTION tandem_grants_on_situation();--> statement-breakpoint
CREATE TRIGGER situations_grants_change AFTER UPDATE ON situations FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.anonymous IS DISTINCT FROM NEW.anonymous
    OR OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.person_id IS DISTINCT FROM NEW.person_id
    OR OLD.announcing_user_id IS DISTINCT FROM NEW.announcing_user_id
    OR OLD.announcing_institution_id IS DISTINCT FROM NEW.announcing_institution_id)
  EXECUTE FUNCTION tandem_grants_on_situation();--> statement-breakpoint
CREATE FUNCTION tandem_grants_on_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tandem_grants_refresh(ARRAY(
    SELECT id FROM situations
    WHERE person_id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.person_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.person_id END)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consents_grants AFTER INSERT OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION tandem_grants_on_consent();--> statement-breakpoint
CREATE TRIGGER consents_grants_change AFTER UPDATE ON consents FOR EACH ROW
  WHEN (OLD.person_id IS DISTINCT FROM NEW.person_id OR OLD.institution_ids IS DISTINCT FROM NEW.institution_ids
    OR OLD.signed_on IS DISTINCT FROM NEW.signed_on OR OLD.valid_until IS DISTINCT FROM NEW.valid_until
    OR OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.reviewed_at IS DISTINCT FROM NEW.reviewed_at)
  EXECUTE FUNCTION tandem_grants_on_consent();--> statement-breakpoint
-- Case-team members and mandates belong to one situation.
CREATE FUNCTION tandem_grants_on_situation_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tandem_grants_refresh(ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD.situation_id END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW.situation_id END]) AS x WHERE x IS NOT NULL));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER case_team_members_grants AFTER INSERT OR DELETE ON case_team_members
  FOR EACH ROW EXECUTE FUNCTION tandem_grants_on_situation_child();--> statement-breakpoint
CREATE TRIGGER case_team_members_grants_change AFTER UPDATE ON case_team_members FOR EACH ROW
  WHEN (OLD.situation_id IS DISTINCT FROM NEW.situation_id OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR OLD.removed_at IS DISTINCT FROM NEW.removed_at)
  EXECUTE FUNCTION tandem_grants_on_situation_child();--> statement-breakpoint
CREATE TRIGGER mandates_grants AFTER INSERT OR DELETE ON mandates
  FOR EACH ROW EXECUTE FUNCTION tandem_grants_on_situation_child();--> statement-breakpoint
CREATE TRIGGER mandates_grants_change AFTER UPDATE ON mandates FOR EACH ROW
  WHEN (OLD.situation_id IS DISTINCT FROM NEW.situation_id OR OLD.tandem_id IS DISTINCT FROM NEW.tandem_id
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.handed_back_at IS DISTINCT FROM NEW.handed_back_at
    OR OLD.holder_user_id IS DISTINCT FROM NEW.holder_user_id)
  EXECUTE FUNCTION tandem_grants_on_situation_child();--> statement-breakpoint
CREATE FUNCTION tandem_grants_on_tandem() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tandem_grants_refresh(ARRAY(SELECT situation_id FROM mandates WHERE tandem_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tandems_grants AFTER UPDATE ON tandems FOR EACH ROW
  WHEN (OLD.orp_user_id IS DISTINCT FROM NEW.orp_user_id OR OLD.cms_user_id IS DISTINCT FROM NEW.cms_user_id)
  EXECUTE FUNCTION tandem_grants_on_tandem();
