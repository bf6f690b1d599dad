CREATE TABLE "network_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"passage_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"note" text NOT NULL,
	"next_review_on" date,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_table_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"passage_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"written_by_user_id" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"profile" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_reviews" ADD CONSTRAINT "network_reviews_passage_id_care_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."care_passages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_reviews" ADD CONSTRAINT "network_reviews_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_reviews" ADD CONSTRAINT "network_reviews_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_table_minutes" ADD CONSTRAINT "round_table_minutes_passage_id_care_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."care_passages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_table_minutes" ADD CONSTRAINT "round_table_minutes_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_table_minutes" ADD CONSTRAINT "round_table_minutes_written_by_user_id_users_id_fk" FOREIGN KEY ("written_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_reviews_passage_idx" ON "network_reviews" USING btree ("passage_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "round_table_minutes_passage_key" ON "round_table_minutes" USING btree ("passage_id");--> statement-breakpoint
-- The minutes stay as they were written (decision 023): no update, no deletion, not even by the application's role.
CREATE FUNCTION round_table_minutes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'round_table_minutes are written once and never changed (decision 023)';
END;
$$;--> statement-breakpoint
CREATE TRIGGER round_table_minutes_written_once BEFORE UPDATE OR DELETE ON round_table_minutes
  FOR EACH ROW EXECUTE FUNCTION round_table_minutes_guard();
