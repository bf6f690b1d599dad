CREATE TABLE "annual_report_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"language" "language" NOT NULL,
	"achievements" text DEFAULT '' NOT NULL,
	"copil" text DEFAULT '' NOT NULL,
	"cdc" text DEFAULT '' NOT NULL,
	"commission" text DEFAULT '' NOT NULL,
	"bureau" text DEFAULT '' NOT NULL,
	"conclusions" text DEFAULT '' NOT NULL,
	"updated_by_user_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "situations" ADD COLUMN "imported" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "situations" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "situations" ADD COLUMN "imported_follow_up_6" boolean;--> statement-breakpoint
ALTER TABLE "situations" ADD COLUMN "imported_follow_up_12" boolean;--> statement-breakpoint
ALTER TABLE "annual_report_texts" ADD CONSTRAINT "annual_report_texts_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_report_texts_year_language_key" ON "annual_report_texts" USING btree ("year","language");--> statement-breakpoint
CREATE UNIQUE INDEX "situations_external_key" ON "situations" USING btree ("external_key");