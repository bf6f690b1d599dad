ALTER TABLE "care_passages" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "care_passages" ADD COLUMN "announcing_institution_id" uuid;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_passages" ADD CONSTRAINT "care_passages_announcing_institution_id_institutions_id_fk" FOREIGN KEY ("announcing_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_held_idx" ON "meetings" USING btree ("held_on");--> statement-breakpoint
-- The figures count passages by their situation's region and announcing institution (issue 13, a million
-- situations within a second): each passage carries a copy, kept here, so that counting needs no join.
UPDATE care_passages p SET region_id = s.region_id, announcing_institution_id = s.announcing_institution_id
  FROM situations s WHERE s.id = p.situation_id;--> statement-breakpoint
CREATE FUNCTION tandem_passage_copies_situation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT s.region_id, s.announcing_institution_id INTO NEW.region_id, NEW.announcing_institution_id
    FROM situations s WHERE s.id = NEW.situation_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER care_passages_copy_situation BEFORE INSERT OR UPDATE OF situation_id, region_id, announcing_institution_id
  ON care_passages FOR EACH ROW EXECUTE FUNCTION tandem_passage_copies_situation();--> statement-breakpoint
CREATE FUNCTION tandem_situation_to_passages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE care_passages SET region_id = NEW.region_id, announcing_institution_id = NEW.announcing_institution_id
    WHERE situation_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER situations_copy_to_passages AFTER UPDATE OF region_id, announcing_institution_id ON situations
  FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id
    OR OLD.announcing_institution_id IS DISTINCT FROM NEW.announcing_institution_id)
  EXECUTE FUNCTION tandem_situation_to_passages();--> statement-breakpoint
-- Covering indexes: the period's passages (and, since the start, the tandems') read from the index alone.
CREATE INDEX care_passages_started_idx ON care_passages (started_at)
  INCLUDE (kind, region_id, announcing_institution_id, status, outcome, ended_at, mandate_id, meeting_start);--> statement-breakpoint
CREATE INDEX care_passages_kind_started_idx ON care_passages (kind, started_at)
  INCLUDE (region_id, announcing_institution_id, status, outcome, ended_at, mandate_id, meeting_start);
