CREATE TABLE "assessment_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"passage_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" date NOT NULL,
	"text" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"passage_id" uuid PRIMARY KEY NOT NULL,
	"situation_id" uuid NOT NULL,
	"medical" text DEFAULT '' NOT NULL,
	"professional" text DEFAULT '' NOT NULL,
	"social" text DEFAULT '' NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"smr_conclusions" text DEFAULT '' NOT NULL,
	"held_at" timestamp with time zone,
	"held_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"party" text NOT NULL,
	"party_institution_id" uuid,
	"accepted_by_user_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"signed_on" date
);
--> statement-breakpoint
CREATE TABLE "contract_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"measures_planned" text NOT NULL,
	"responsible_institution_id" uuid NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"status_changed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "objectives_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"passage_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"case_manager_institution_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"conformity_checked_by_user_id" uuid,
	"conformity_checked_at" timestamp with time zone,
	"conformity_result" text,
	"conformity_reasons" text DEFAULT '' NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"in_force_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"pdf_attachment_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_notes" ADD CONSTRAINT "assessment_notes_passage_id_care_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."care_passages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_notes" ADD CONSTRAINT "assessment_notes_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_notes" ADD CONSTRAINT "assessment_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_passage_id_care_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."care_passages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_held_by_user_id_users_id_fk" FOREIGN KEY ("held_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_acceptances" ADD CONSTRAINT "contract_acceptances_contract_id_objectives_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."objectives_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_acceptances" ADD CONSTRAINT "contract_acceptances_party_institution_id_institutions_id_fk" FOREIGN KEY ("party_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_acceptances" ADD CONSTRAINT "contract_acceptances_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_objectives" ADD CONSTRAINT "contract_objectives_contract_id_objectives_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."objectives_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_objectives" ADD CONSTRAINT "contract_objectives_responsible_institution_id_institutions_id_fk" FOREIGN KEY ("responsible_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives_contracts" ADD CONSTRAINT "objectives_contracts_passage_id_care_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."care_passages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives_contracts" ADD CONSTRAINT "objectives_contracts_situation_id_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."situations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives_contracts" ADD CONSTRAINT "objectives_contracts_case_manager_institution_id_institutions_id_fk" FOREIGN KEY ("case_manager_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives_contracts" ADD CONSTRAINT "objectives_contracts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives_contracts" ADD CONSTRAINT "objectives_contracts_conformity_checked_by_user_id_users_id_fk" FOREIGN KEY ("conformity_checked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives_contracts" ADD CONSTRAINT "objectives_contracts_pdf_attachment_id_attachments_id_fk" FOREIGN KEY ("pdf_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_notes_passage_idx" ON "assessment_notes" USING btree ("passage_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_acceptances_party_key" ON "contract_acceptances" USING btree ("contract_id","party");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_objectives_position_key" ON "contract_objectives" USING btree ("contract_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "objectives_contracts_version_key" ON "objectives_contracts" USING btree ("passage_id","version_no");