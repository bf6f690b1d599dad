CREATE TYPE "public"."alert_state" AS ENUM('open', 'not_relevant', 'lapsed', 'closed', 'drafted');--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"params" jsonb NOT NULL,
	CONSTRAINT "alert_rules_code_valid_from_pk" PRIMARY KEY("code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"rule" text NOT NULL,
	"other_institution_id" uuid,
	"reference" text NOT NULL,
	"other_since" date,
	"why" jsonb NOT NULL,
	"state" "alert_state" DEFAULT 'open' NOT NULL,
	"state_reason" text DEFAULT '' NOT NULL,
	"state_changed_at" timestamp with time zone,
	"state_by_user_id" uuid,
	"situation_id" uuid,
	"notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caseload_departures" (
	"institution_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"left_on" date NOT NULL,
	CONSTRAINT "caseload_departures_institution_id_pseudonym_pk" PRIMARY KEY("institution_id","pseudonym")
);
--> statement-breakpoint
CREATE TABLE "caseload_entries" (
	"institution_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"reference" text NOT NULL,
	"followed_since" date NOT NULL,
	"laci_end" date,
	"risk_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "caseload_entries_institution_id_pseudonym_pk" PRIMARY KEY("institution_id","pseudonym")
);
--> statement-breakpoint
CREATE TABLE "caseload_key_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"key_count" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caseload_uploads" (
	"institution_id" uuid PRIMARY KEY NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL,
	"machine_token_id" uuid
);
--> statement-breakpoint
CREATE TABLE "machine_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"last_used_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_pseudonyms" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"pseudonym" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_other_institution_id_institutions_id_fk" FOREIGN KEY ("other_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_state_by_user_id_users_id_fk" FOREIGN KEY ("state_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_departures" ADD CONSTRAINT "caseload_departures_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_entries" ADD CONSTRAINT "caseload_entries_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_uploads" ADD CONSTRAINT "caseload_uploads_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_tokens" ADD CONSTRAINT "machine_tokens_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_tokens" ADD CONSTRAINT "machine_tokens_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "machine_tokens" ADD CONSTRAINT "machine_tokens_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_pseudonyms" ADD CONSTRAINT "person_pseudonyms_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_standing_key" ON "alerts" USING btree ("institution_id","pseudonym","rule",coalesce("other_institution_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "alerts"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "alerts_institution_state_idx" ON "alerts" USING btree ("institution_id","state");--> statement-breakpoint
CREATE INDEX "alerts_pseudonym_idx" ON "alerts" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "caseload_departures_pseudonym_idx" ON "caseload_departures" USING btree ("pseudonym");--> statement-breakpoint
CREATE INDEX "caseload_entries_pseudonym_idx" ON "caseload_entries" USING btree ("pseudonym","institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "machine_tokens_hash_key" ON "machine_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "machine_tokens_institution_idx" ON "machine_tokens" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "person_pseudonyms_pseudonym_idx" ON "person_pseudonyms" USING btree ("pseudonym");--> statement-breakpoint
-- The rules of issue 14 (src/domain/alerts/alert-rules.ts DEFAULT_ALERT_RULES), as data the Bureau reads.
INSERT INTO "alert_rules" ("code", "valid_from", "valid_to", "params") VALUES
	('co_follow_up', '2012-01-01', NULL, '{}'::jsonb),
	('laci_end_risk', '2012-01-01', NULL, '{"monthsBefore": 3, "minRiskFactors": 2}'::jsonb),
	('caseload_transfer', '2012-01-01', NULL, '{"withinDays": 31}'::jsonb);
