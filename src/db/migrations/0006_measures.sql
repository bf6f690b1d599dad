CREATE TYPE "public"."approval_step" AS ENUM('tandem', 'lmmt', 'sas', 'commune', 'commission');--> statement-breakpoint
CREATE TYPE "public"."cost_unit" AS ENUM('month', 'day', 'lump_sum');--> statement-breakpoint
CREATE TYPE "public"."measure_kind_check" AS ENUM('ait', 'mip');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('proposed', 'approved', 'refused', 'escalated', 'running', 'interrupted', 'completed');--> statement-breakpoint
CREATE TYPE "public"."measure_regime" AS ENUM('LACI', 'LEMC', 'LIAS');--> statement-breakpoint
CREATE TABLE "measure_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"step" "approval_step" NOT NULL,
	"decision" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by_user_id" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_de" text NOT NULL,
	"regime" "measure_regime" NOT NULL,
	"delegated" boolean NOT NULL,
	"cost_unit" "cost_unit" NOT NULL,
	"checks" "measure_kind_check",
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_kinds_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"situation_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"regime" "measure_regime" NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"unit_cost_cents" integer NOT NULL,
	"quantity" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"normal_salary_cents" integer,
	"allowance_percent" integer,
	"commune_id" uuid,
	"rule_set" text NOT NULL,
	"route" "approval_step"[] NOT NULL,
	"step_index" integer DEFAULT 0 NOT NULL,
	"status" "measure_status" NOT NULL,
	"escalated_at" timestamp with time zone,
	"escalation_reason" text,
	"exception" boolean DEFAULT false NOT NULL,
	"proposed_by_user_id" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"started_on" date,
	"ended_on" date,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_decisions" ADD CONSTRAINT "measure_decisions_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_decisions" ADD CONSTRAINT "measure_decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_kind_id_measure_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."measure_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_commune_id_communes_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."communes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measure_decisions_step_key" ON "measure_decisions" USING btree ("measure_id","step");--> statement-breakpoint
CREATE INDEX "measures_situation_idx" ON "measures" USING btree ("situation_id");--> statement-breakpoint
CREATE INDEX "measures_status_idx" ON "measures" USING btree ("status");--> statement-breakpoint
CREATE INDEX "measures_commune_idx" ON "measures" USING btree ("commune_id","regime");