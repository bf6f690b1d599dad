-- Issue 11: a measure still waiting at the closure is withdrawn; a month not reported is skipped with its reason.
-- ADD VALUE is not used in this transaction, so it may run inside one (PostgreSQL 12+).
ALTER TYPE "public"."measure_status" ADD VALUE 'withdrawn';--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD COLUMN "skip_reason" text;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD COLUMN "skipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD COLUMN "skipped_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_skipped_by_user_id_users_id_fk" FOREIGN KEY ("skipped_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;