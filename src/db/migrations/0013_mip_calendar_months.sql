-- Data fix for issue 11. A MIP is six calendar months at CHF 500 (seed 002, DOMAIN.md §5): the month it starts in is
-- the first, its end the last day of the sixth (src/domain/measures/costs.ts#mipEndOn). MIPs proposed before stored
-- the same day six months later (03.10.2022 → 03.04.2023), a day into a seventh month. The statements bill a MIP by
-- its start alone, so the money was already right; this puts the date people read right too. A MIP that was
-- interrupted or completed keeps its own ended_on. The version moves, so a screen holding the old end gets a 409.
UPDATE measures m
   SET end_on = (date_trunc('month', m.start_on) + interval '6 months' - interval '1 day')::date,
       version = m.version + 1,
       updated_at = now()
  FROM measure_kinds k
 WHERE k.id = m.kind_id
   AND k.checks = 'mip'
   AND m.end_on <> (date_trunc('month', m.start_on) + interval '6 months' - interval '1 day')::date;
