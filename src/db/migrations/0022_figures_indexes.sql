-- Indexes for the yearly figures at a million situations (issue 13: under a second on PostgreSQL, three on PGlite),
-- hand-written because the Drizzle schema cannot say INCLUDE or a partial index's condition on an OR.
-- The period's situations read from the index alone: what the cube and the durations count of each.
CREATE INDEX situations_figures_idx ON situations (announced_at)
  INCLUDE (region_id, announcing_institution_id, care_kind, decided_at, status, imported);
-- The history's imported situations (a few hundred at most): their tandems are found from them, not by looking up
-- the situation of every tandem passage of the period.
CREATE INDEX situations_imported_idx ON situations (id) WHERE imported;
-- The meetings with the person, by mandate: the tandems' intensity (meetings per month) counted from the index.
CREATE INDEX meetings_with_person_idx ON meetings (mandate_id, held_on) WHERE kind = 'with_person' OR person_present;
-- The measures that cost something in a period: those that ran in it, or MIPs begun in the 200 days before it
-- (src/server/figures/figures-cube.ts, costSources, asks with the same expression), read from the index alone.
CREATE INDEX measures_costs_idx ON measures ((GREATEST(COALESCE(ended_on, end_on), start_on + 200)))
  INCLUDE (started_on, start_on, end_on, ended_on, regime, total_cents, unit_cost_cents, quantity, kind_id, situation_id)
  WHERE started_on IS NOT NULL;
