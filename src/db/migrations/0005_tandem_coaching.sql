CREATE TYPE "public"."contract_type" AS ENUM('permanent', 'fixed_term', 'temporary', 'apprenticeship', 'ait_cofinanced');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('with_person', 'phone', 'employer', 'network', 'other');--> statement-breakpoint
CREATE TYPE "public"."objective_status" AS ENUM('planned', 'in_progress', 'achieved', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('inserted', 'lack_of_cooperation', 'unavailable', 'social_aid_only', 'disability_insurance', 'network_follow_up');--> statement-breakpoint
CREATE TABLE "final_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mandate_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"work_done" text DEFAULT '' NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"strengths" text DEFAULT '' NOT NULL,
	"steps_taken" text DEFAULT '' NOT NULL,
	"steps_to_take" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"language" "language",
	"pdf_attachment_id" uuid,
	"finalised_by_user_id" uuid,
	"finalised_at" timestamp with time zone,
	"updated_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insertion_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mandate_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"due_on" date NOT NULL,
	"still_in_work" boolean,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"situation_id" uuid NOT NULL,
	"tandem_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"planned_end_on" date NOT NULL,
	"end_on" date NOT NULL,
	"assigned_by_user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"over_capacity" boolean DEFAULT false NOT NULL,
	"lead_user_id" uuid NOT NULL,
	"budget_holder_user_id" uuid,
	"hand_back_to_user_id" uuid,
	"holder_user_id" uuid NOT NULL,
	"report_recipient_ids" uuid[] NOT NULL,
	"closed_at" timestamp with time zone,
	"outcome" "outcome",
	"outcome_on" date,
	"insertion_employer" text,
	"insertion_start_on" date,
	"insertion_contract_type" "contract_type",
	"insertion_rate_percent" integer,
	"handed_back_at" timestamp with time zone,
	"handed_back_by_user_id" uuid,
	"hand_back_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"written_by_user_id" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mandate_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"person_present" boolean NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"author_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mandate_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"significant_elements" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by_user_id" uuid NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"sent_by_user_id" uuid,
	"sent_at" timestamp with time zone,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mandate_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "objective_status" DEFAULT 'planned' NOT NULL,
	"start_on" date,
	"target_on" date,
	"done_on" date,
	"created_by_user_id" uuid NOT NULL,
	"updated_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tandems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"orp_user_id" uuid NOT NULL,
	"cms_user_id" uuid NOT NULL,
	"capacity" integer DEFAULT 6 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_pdf_attachment_id_attachments_id_fk" FOREIGN KEY ("pdf_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_finalised_by_user_id_users_id_fk" FOREIGN KEY ("finalised_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "final_reports" ADD CONSTRAINT "final_reports_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insertion_follow_ups" ADD CONSTRAINT "insertion_follow_ups_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insertion_follow_ups" ADD CONSTRAINT "insertion_follow_ups_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insertion_follow_ups" ADD CONSTRAINT "insertion_follow_ups_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_tandem_id_tandems_id_fk" FOREIGN KEY ("tandem_id") REFERENCES "public"."tandems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_budget_holder_user_id_users_id_fk" FOREIGN KEY ("budget_holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_hand_back_to_user_id_users_id_fk" FOREIGN KEY ("hand_back_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_handed_back_by_user_id_users_id_fk" FOREIGN KEY ("handed_back_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_revisions" ADD CONSTRAINT "meeting_revisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_revisions" ADD CONSTRAINT "meeting_revisions_written_by_user_id_users_id_fk" FOREIGN KEY ("written_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_drafted_by_user_id_users_id_fk" FOREIGN KEY ("drafted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tandems" ADD CONSTRAINT "tandems_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tandems" ADD CONSTRAINT "tandems_orp_user_id_users_id_fk" FOREIGN KEY ("orp_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tandems" ADD CONSTRAINT "tandems_cms_user_id_users_id_fk" FOREIGN KEY ("cms_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "final_reports_mandate_key" ON "final_reports" USING btree ("mandate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insertion_follow_ups_key" ON "insertion_follow_ups" USING btree ("mandate_id","months");--> statement-breakpoint
CREATE INDEX "insertion_follow_ups_due_idx" ON "insertion_follow_ups" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_situation_key" ON "mandates" USING btree ("situation_id");--> statement-breakpoint
CREATE INDEX "mandates_tandem_idx" ON "mandates" USING btree ("tandem_id","closed_at");--> statement-breakpoint
CREATE INDEX "mandates_holder_idx" ON "mandates" USING btree ("holder_user_id");--> statement-breakpoint
CREATE INDEX "meeting_revisions_meeting_idx" ON "meeting_revisions" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE INDEX "meetings_mandate_idx" ON "meetings" USING btree ("mandate_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_month_key" ON "monthly_reports" USING btree ("mandate_id","month");--> statement-breakpoint
CREATE INDEX "objectives_mandate_idx" ON "objectives" USING btree ("mandate_id");--> statement-breakpoint
CREATE INDEX "tandems_region_idx" ON "tandems" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "tandems_orp_idx" ON "tandems" USING btree ("orp_user_id");--> statement-breakpoint
CREATE INDEX "tandems_cms_idx" ON "tandems" USING btree ("cms_user_id");