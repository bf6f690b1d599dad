CREATE TYPE "public"."planned_meeting_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TABLE "planned_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mandate_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"person_invited" boolean NOT NULL,
	"others" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"status" "planned_meeting_status" DEFAULT 'planned' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"held_meeting_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "planned_meetings" ADD CONSTRAINT "planned_meetings_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_meetings" ADD CONSTRAINT "planned_meetings_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_meetings" ADD CONSTRAINT "planned_meetings_held_meeting_id_meetings_id_fk" FOREIGN KEY ("held_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_meetings" ADD CONSTRAINT "planned_meetings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planned_meetings_mandate_idx" ON "planned_meetings" USING btree ("mandate_id","status","planned_on");