import { type SQL, sql } from 'drizzle-orm';
import { COMMUNE_SHARE_PERCENT, MIP_MONTHLY_CENTS, MIP_MONTHS } from '../../domain/measures/costs.ts';
import type { CostsByPayer } from '../../domain/statistics/costs.ts';
import { type Queryable, queryRows } from '../../db/open-db.ts';

/**
 * The measures' costs by payer in a period, summed by the database (issue 13: figures computed in SQL, not rows
 * loaded into Node — at a million situations the 55,000 measures of a year took longer to load and price in Node
 * than everything else the figures count).
 *
 * It is `incurredIn` (src/domain/measures/costs.ts, also the communes' statements) and `costsByPayer`
 * (src/domain/statistics/costs.ts) written again in SQL, rule for rule: a price per month billed by the months
 * that began in the period while the measure ran (a MIP: six calendar months at CHF 500), any other price spread
 * over the planned days and counted for the days it ran in the period, rounded per measure as `Math.round` does;
 * LACI and LEMC in full, the rest 70 % canton / 30 % commune, the MIP apart. `costs-sql.int.test.ts` compares the
 * two over generated measures of every kind, on both databases: change them together.
 *
 * `source` yields one row per measure: regime, start_on, end_on, total_cents, cost_unit, unit_cost_cents, quantity,
 * started_on, ended_on (dates), mip (boolean) and situation_id.
 */
export async function costSums(
  db: Queryable,
  source: SQL,
  from: string,
  to: string,
): Promise<{ costs: Omit<CostsByPayer, 'tandemOrpCents' | 'tandemCmsCents'>; situations: number }> {
  /**
   * How many of a measure's months (the i-th beginning i months after `first_month`, on its day or the month's last)
   * begin on or before the day `d`: the whole months between, and the month of d itself if its day has come.
   */
  const upto = (d: SQL) => sql`GREATEST(0, (date_part('year', ${d})::int * 12 + date_part('month', ${d})::int)
      - (date_part('year', months.first_month)::int * 12 + date_part('month', months.first_month)::int)
      + CASE WHEN LEAST(months.first_day, date_part('day', (date_trunc('month', (${d})::timestamp)
          + interval '1 month' - interval '1 day'))::int) <= date_part('day', ${d})::int THEN 1 ELSE 0 END)`;
  const [row] = await queryRows<{
    laci: number;
    lemc: number;
    lias_canton: number;
    lias_commune: number;
    mip_canton: number;
    mip_commune: number;
    total: number;
    situations: number;
  }>(
    db,
    sql`WITH src AS (${source}),
      planned AS (
        SELECT src.*, GREATEST(src.started_on, src.start_on) AS run_from,
          CASE WHEN src.mip THEN date_trunc('month', src.start_on::timestamp)::date ELSE src.start_on END
            AS first_month,
          CASE WHEN src.mip
            THEN (date_trunc('month', src.start_on::timestamp) + make_interval(months => ${MIP_MONTHS})
              - interval '1 day')::date
            ELSE src.end_on END AS planned_end
        FROM src WHERE src.started_on IS NOT NULL),
      ran AS (
        SELECT planned.*, CASE WHEN planned.ended_on IS NOT NULL AND planned.ended_on < planned.planned_end
            THEN planned.ended_on ELSE planned.planned_end END AS run_to
        FROM planned),
      -- The billing months are months i = 0 … n-1 after the first (day clamped to the month's end, as addMonths
      -- does); each test of incurredIn moves with i, so the months billed are the i from \`lo\` to \`hi\`: counted, not
      -- listed. \`upto(d)\` is how many of those months begin on or before the day d.
      months AS (
        SELECT ran.*, date_part('day', ran.first_month)::int AS first_day,
          CASE WHEN ran.mip THEN ${MIP_MONTHS} ELSE COALESCE(ran.quantity, 0) END AS n
        FROM ran),
      bounds AS (
        SELECT months.*,
          GREATEST(0, ${upto(sql`${from}::date - 1`)}, ${upto(sql`months.run_from`)} - 1) AS lo,
          LEAST(months.n - 1, ${upto(sql`LEAST(months.planned_end, ${to}::date, months.run_to)`)} - 1) AS hi
        FROM months),
      -- Priced once per measure (the sums below would otherwise each price it again).
      priced AS MATERIALIZED (
        SELECT bounds.regime, bounds.mip, CASE WHEN bounds.mip OR bounds.cost_unit = 'month' THEN
            CASE WHEN bounds.planned_end < bounds.run_from THEN 0 ELSE
              (CASE WHEN bounds.mip THEN ${MIP_MONTHLY_CENTS} ELSE COALESCE(bounds.unit_cost_cents, 0) END)::numeric
              * GREATEST(0, bounds.hi - bounds.lo + 1) END
          WHEN bounds.end_on - bounds.start_on + 1 <= 0 THEN 0
          ELSE floor(bounds.total_cents::numeric
            * GREATEST(0, LEAST(bounds.run_to, ${to}::date) - GREATEST(bounds.run_from, ${from}::date) + 1)
            / (bounds.end_on - bounds.start_on + 1) + 0.5) END AS cents
        FROM bounds),
      shared AS (
        SELECT priced.*, floor(priced.cents * ${COMMUNE_SHARE_PERCENT} / 100 + 0.5) AS commune FROM priced)
      SELECT COALESCE(sum(cents) FILTER (WHERE regime = 'LACI'), 0)::float AS laci,
        COALESCE(sum(cents) FILTER (WHERE regime = 'LEMC'), 0)::float AS lemc,
        COALESCE(sum(cents - commune) FILTER (WHERE regime NOT IN ('LACI', 'LEMC') AND NOT mip), 0)::float
          AS lias_canton,
        COALESCE(sum(commune) FILTER (WHERE regime NOT IN ('LACI', 'LEMC') AND NOT mip), 0)::float AS lias_commune,
        COALESCE(sum(cents - commune) FILTER (WHERE regime NOT IN ('LACI', 'LEMC') AND mip), 0)::float AS mip_canton,
        COALESCE(sum(commune) FILTER (WHERE regime NOT IN ('LACI', 'LEMC') AND mip), 0)::float AS mip_commune,
        COALESCE(sum(cents), 0)::float AS total,
        (SELECT count(DISTINCT src.situation_id) FROM src)::int AS situations
      FROM shared`,
  );
  return {
    costs: {
      laciCents: row?.laci ?? 0,
      lemcCents: row?.lemc ?? 0,
      liasCantonCents: row?.lias_canton ?? 0,
      liasCommuneCents: row?.lias_commune ?? 0,
      mipCantonCents: row?.mip_canton ?? 0,
      mipCommuneCents: row?.mip_commune ?? 0,
      totalCents: row?.total ?? 0,
    },
    situations: row?.situations ?? 0,
  };
}
