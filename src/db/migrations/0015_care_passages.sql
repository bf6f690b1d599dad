ALTER TYPE "public"."role" ADD VALUE 'smr_doctor' BEFORE 'admin';--> statement-breakpoint
CREATE TABLE "care_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"passage_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"user_id" uuid,
	"institution_id" uuid,
	"role" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"language" "language" DEFAULT 'fr' NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_user_id" uuid NOT NULL,
	"removed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_passages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"situation_id" uuid NOT NULL,
	"kind" "care_kind" NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by_user_id" uuid NOT NULL,
	"responsible_user_id" uuid,
	"meeting_start" timestamp with time zone,
	"meeting_duration_minutes" integer DEFAULT 120 NOT NULL,
	"meeting_place" text DEFAULT '' NOT NULL,
	"invitation_sequence" integer DEFAULT 0 NOT NULL,
	"review_on" date,
	"ended_at" timestamp with time zone,
	"ended_by_user_id" uuid,
	"outcome" text,
	"outcome_reason" text DEFAULT '' NOT NULL,
	"outcome_institution_id" uuid,
	"mandate_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "ics_method" text;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "ics_content" text;--> statement-breakpoint
ALTER TABLE "care_participants" ADD CONSTRAINT "care_participants_passage_id_care_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."care_passages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_participants" ADD CONSTRAINT "care_participants_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_participants" ADD CONSTRAINT "care_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_participants" ADD CONSTRAINT "care_participants_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_participants" ADD CONSTRAINT "care_participants_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_outcome_institution_id_institutions_id_fk" FOREIGN KEY ("outcome_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_participants_passage_idx" ON "care_participants" USING btree ("passage_id");--> statement-breakpoint
CREATE INDEX "care_participants_situation_idx" ON "care_participants" USING btree ("situation_id");--> statement-breakpoint
CREATE INDEX "care_participants_user_idx" ON "care_participants" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_participants_user_key" ON "care_participants" USING btree ("passage_id","user_id") WHERE "care_participants"."user_id" IS NOT NULL AND "care_participants"."removed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "care_passages_situation_idx" ON "care_passages" USING btree ("situation_id","started_at");--> statement-breakpoint
CREATE INDEX "care_passages_kind_status_idx" ON "care_passages" USING btree ("kind","status","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "care_passages_open_key" ON "care_passages" USING btree ("situation_id") WHERE "care_passages"."ended_at" IS NULL;--> statement-breakpoint
-- Every situation already oriented gets the passage it is in, or ended in (issue 12); earlier passages of a
-- situation oriented twice were not kept before, only its last kind of care.
INSERT INTO care_passages (situation_id, kind, status, started_at, started_by_user_id, ended_at, ended_by_user_id,
  outcome, mandate_id, created_at, updated_at)
SELECT s.id, s.care_kind,
  CASE WHEN s.status = 'closed' THEN 'ended'
       WHEN s.care_kind = 'tandem' THEN CASE WHEN m.id IS NULL THEN 'waiting_tandem' ELSE 'active' END
       WHEN s.care_kind = 'assessment' THEN 'to_organise'
       WHEN s.care_kind = 'round_table' THEN 'in_preparation'
       ELSE 'active' END,
  COALESCE(s.decided_at, s.updated_at),
  COALESCE(oriented.actor_user_id, s.handled_by_user_id, s.announcing_user_id),
  CASE WHEN s.status = 'closed' THEN COALESCE(m.closed_at, closing.at, s.updated_at) END,
  CASE WHEN s.status = 'closed' THEN COALESCE(closing.actor_user_id, s.handled_by_user_id, s.announcing_user_id) END,
  CASE WHEN s.status = 'closed' THEN COALESCE(m.outcome::text, 'other') END,
  m.id, now(), now()
FROM situations s
LEFT JOIN LATERAL (SELECT id, closed_at, outcome FROM mandates WHERE situation_id = s.id
  ORDER BY assigned_at DESC LIMIT 1) m ON true
LEFT JOIN LATERAL (SELECT actor_user_id FROM situation_events WHERE situation_id = s.id AND type = 'orient'
  ORDER BY at DESC, id DESC LIMIT 1) oriented ON true
LEFT JOIN LATERAL (SELECT actor_user_id, at FROM situation_events WHERE situation_id = s.id AND type = 'close'
  ORDER BY at DESC, id DESC LIMIT 1) closing ON true
WHERE s.care_kind IS NOT NULL AND s.status IN ('assessment', 'round_table', 'tandem', 'network_follow_up', 'closed');
--> statement-breakpoint
-- Taking part opens the file (access rules care_participant, care_institution): the grants follow participants
-- and the end of their passage, in the same transaction (the function of migration 0009).
CREATE TRIGGER care_participants_grants AFTER INSERT OR DELETE ON care_participants
  FOR EACH ROW EXECUTE FUNCTION tandem_grants_on_situation_child();--> statement-breakpoint
CREATE TRIGGER care_participants_grants_change AFTER UPDATE ON care_participants FOR EACH ROW
  WHEN (OLD.situation_id IS DISTINCT FROM NEW.situation_id OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR OLD.institution_id IS DISTINCT FROM NEW.institution_id OR OLD.removed_at IS DISTINCT FROM NEW.removed_at)
  EXECUTE FUNCTION tandem_grants_on_situation_child();--> statement-breakpoint
CREATE TRIGGER care_passages_grants_change AFTER UPDATE ON care_passages FOR EACH ROW
  WHEN (OLD.situation_id IS DISTINCT FROM NEW.situation_id OR OLD.ended_at IS DISTINCT FROM NEW.ended_at)
  EXECUTE FUNCTION tandem_grants_on_situation_child();
