import { type SQL, sql } from 'drizzle-orm';
import type { InstitutionKind } from '../../domain/access/roles.ts';
import type { CareKind } from '../../domain/care/passage.ts';
import type { CubeCell, IndicatorInputs, PeriodBucket } from '../../domain/statistics/figures.ts';
import { type PassageAtEnd, passageMeasure } from '../../domain/statistics/passage-measure.ts';
import { withTandemTime } from '../../domain/statistics/costs.ts';
import { MIP_LAST_DAY, type MeetingDay, tandemTimeCosts } from '../../domain/statistics/tandem-time.ts';
import { DAYS_PER_MONTH } from '../../domain/statistics/survival.ts';
import { type Db, type Queryable, queryRows } from '../../db/open-db.ts';
import { costSums } from './costs-sql.ts';

/**
 * The figures' cube, computed by the database (issue 13): counts grouped by period, region, announcing institution
 * kind, kind of care and measure — a few hundred rows whatever the number of situations — and the indicators'
 * distributions, counted the same way (days, months, meetings per month → how many). Built only on `situations`,
 * `care_passages`, `mandates`, `meetings`, `insertion_follow_ups` and `measures`.
 *
 * Days are Swiss days (Europe/Zurich). A situation counts in the period of its announcement, a passage in the period it
 * started; its state is the one at the end of the period asked for (`to`): a passage ended after it counts as still
 * open then, in the state it had (a meeting already held, a mandate already begun).
 */
export interface CubeQuery {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** Only this region's situations; null: the canton. */
  regionId: string | null;
  /** Today (a Swiss day): the end of an open mandate's months, the limit of what is known. */
  today: string;
}

/**
 * The figures' queries in one read transaction with room to group in memory: each groups a few hundred thousand
 * passages or situations into a few hundred cells, which PostgreSQL would otherwise sort on disk because it cannot
 * tell how few the groups are (a hash in memory halves the time at a million situations, issue 13). Only for
 * these statements: `SET LOCAL` ends with the transaction.
 */
export async function withCountingSettings<T>(db: Db, run: (q: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await tx.execute(sql`SET LOCAL enable_sort = off`);
    return run(tx);
  });
}

const zurichDay = (column: SQL) => sql`((${column}) AT TIME ZONE 'Europe/Zurich')::date`;
/** The instant a Swiss day begins: a range on the stored instant, which an index serves, instead of a day per row. */
const zurichStart = (day: SQL) => sql`((${day})::timestamp AT TIME ZONE 'Europe/Zurich')`;
/** `column` (an instant) within the Swiss days from … to, both included: by its index, at a million situations. */
const withinDays = (column: SQL, from: SQL, to: SQL) =>
  sql`${column} >= ${zurichStart(from)} AND ${column} < ${zurichStart(sql`(${to}) + 1`)}`;
/** The period asked for and the one it is compared with: the only days most counts look at. */
const inWindow = (column: SQL, q: CubeQuery) =>
  withinDays(
    column,
    sql`LEAST(${q.from}::date, ${q.previousFrom}::date)`,
    sql`GREATEST(${q.to}::date, ${q.previousTo}::date)`,
  );
const inPeriodRange = (column: SQL, q: CubeQuery) => withinDays(column, sql`${q.from}::date`, sql`${q.to}::date`);

/** The period an instant falls in, compared as instants (bounds computed once, not a Swiss day per row). */
function bucket(instant: SQL, q: CubeQuery) {
  return sql`CASE WHEN ${withinDays(instant, sql`${q.from}::date`, sql`${q.to}::date`)} THEN 'current'
    WHEN ${withinDays(instant, sql`${q.previousFrom}::date`, sql`${q.previousTo}::date`)} THEN 'previous'
    ELSE 'earlier' END`;
}
/** The instant is on or before the Swiss day `day` (an instant before the next day begins). */
const byDay = (instant: SQL, day: SQL) => sql`${instant} < ${zurichStart(sql`(${day}) + 1`)}`;
const inRegion = (q: CubeQuery) => (q.regionId ? sql`AND s.region_id = ${q.regionId}` : sql``);
/** A passage carries its situation's region and announcing institution (kept by triggers): no join to count it. */
const inPassageRegion = (q: CubeQuery) => (q.regionId ? sql`AND p.region_id = ${q.regionId}` : sql``);
/** The end of the period, or today if it is earlier (the state of what is not known yet is today's). */
const asOf = (q: CubeQuery) => sql`LEAST(${q.to}::date, ${q.today}::date)`;

export async function figuresCube(db: Queryable, q: CubeQuery): Promise<CubeCell[]> {
  const situationRows = await queryRows<{
    period: PeriodBucket;
    region_id: string;
    institution_kind: InstitutionKind;
    announced: number;
    taken: number;
    refused: number;
    imported: number;
  }>(
    db,
    sql`SELECT ${bucket(sql`s.announced_at`, q)} AS period, s.region_id, i.kind::text AS institution_kind,
        count(*)::int AS announced,
        (count(*) FILTER (WHERE s.care_kind IS NOT NULL AND ${byDay(sql`s.decided_at`, asOf(q))}))::int AS taken,
        (count(*) FILTER (WHERE s.status = 'refused' AND ${byDay(sql`s.decided_at`, asOf(q))}))::int AS refused,
        (count(*) FILTER (WHERE s.imported))::int AS imported
      FROM situations s JOIN institutions i ON i.id = s.announcing_institution_id
      WHERE ${inWindow(sql`s.announced_at`, q)} AND ${byDay(sql`s.announced_at`, sql`${q.to}::date`)} ${inRegion(q)}
      GROUP BY 1, 2, 3`,
  );
  // The state at the end of the period (`passageMeasure`) from what its dates tell, grouped as plain columns: labels
  // built for every row made this count twice as long at a million situations. Each test is null, true or false.
  const by = asOf(q);
  const state = sql`p.status::text AS status, p.outcome, ${byDay(sql`p.ended_at`, by)} AS ended,
      ${byDay(sql`p.meeting_start`, by)} AS met,
      CASE WHEN p.kind = 'tandem' AND NOT ${byDay(sql`p.ended_at`, by)}
        THEN (SELECT m.start_on FROM mandates m WHERE m.id = p.mandate_id) <= ${by} END AS began`;
  const passageRows = await queryRows<{
    period: PeriodBucket;
    region_id: string;
    institution_kind: InstitutionKind;
    care_kind: CareKind;
    status: string;
    outcome: string | null;
    ended: boolean | null;
    met: boolean | null;
    began: boolean | null;
    n: number;
  }>(
    db,
    // Every kind of care in the period and the one before; before them, only tandems (counted since the start).
    sql`SELECT ${bucket(sql`p.started_at`, q)} AS period, p.region_id, i.kind::text AS institution_kind,
        p.kind::text AS care_kind, ${state}, count(*)::int AS n
      FROM care_passages p JOIN institutions i ON i.id = p.announcing_institution_id
      WHERE ${inWindow(sql`p.started_at`, q)} AND ${byDay(sql`p.started_at`, sql`${q.to}::date`)} ${inPassageRegion(q)}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      UNION ALL
      SELECT 'earlier', p.region_id, i.kind::text, p.kind::text, ${state}, count(*)::int
      FROM care_passages p JOIN institutions i ON i.id = p.announcing_institution_id
      WHERE p.kind = 'tandem' AND p.started_at < ${zurichStart(sql`LEAST(${q.from}::date, ${q.previousFrom}::date)`)}
        ${inPassageRegion(q)}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  );
  // Refusals by the kind of institution they suggest (issue 13): one row per suggestion, "none" without one.
  const refusalRows = await queryRows<{
    period: PeriodBucket;
    region_id: string;
    institution_kind: InstitutionKind;
    suggested: string;
    n: number;
  }>(
    db,
    sql`SELECT ${bucket(sql`s.announced_at`, q)} AS period, s.region_id, i.kind::text AS institution_kind,
        COALESCE(e.value ->> 'kind', 'none') AS suggested, count(*)::int AS n
      FROM situations s JOIN institutions i ON i.id = s.announcing_institution_id
        LEFT JOIN LATERAL jsonb_array_elements(s.refusal_institutions) AS e(value) ON true
      WHERE s.status = 'refused' AND ${inWindow(sql`s.announced_at`, q)}
        AND ${byDay(sql`s.announced_at`, sql`${q.to}::date`)} AND ${byDay(sql`s.decided_at`, asOf(q))} ${inRegion(q)}
      GROUP BY 1, 2, 3, 4`,
  );
  const cells: CubeCell[] = [];
  for (const r of refusalRows)
    cells.push({
      period: r.period,
      regionId: r.region_id,
      institutionKind: r.institution_kind,
      careKind: null,
      measure: `refused_suggested:${r.suggested}`,
      count: r.n,
    });
  for (const r of situationRows) {
    const base = { period: r.period, regionId: r.region_id, institutionKind: r.institution_kind, careKind: null };
    cells.push({ ...base, measure: 'announced', count: r.announced });
    cells.push({ ...base, measure: 'taken_into_care', count: r.taken });
    cells.push({ ...base, measure: 'refused', count: r.refused });
    if (r.imported) cells.push({ ...base, measure: 'imported', count: r.imported });
  }
  for (const r of passageRows)
    cells.push({
      period: r.period,
      regionId: r.region_id,
      institutionKind: r.institution_kind,
      careKind: r.care_kind,
      measure: passageMeasure({
        careKind: r.care_kind,
        status: r.status,
        outcome: r.outcome,
        ended: r.ended,
        met: r.met,
        began: r.began,
      } satisfies PassageAtEnd),
      count: r.n,
    });
  return cells;
}

/** The indicators of the period asked for (its situations and passages only), counted by the database. */
export async function figuresIndicators(db: Queryable, q: CubeQuery): Promise<IndicatorInputs> {
  const announced = zurichDay(sql`s.announced_at`);
  const decided = zurichDay(sql`s.decided_at`);
  const started = zurichDay(sql`p.started_at`);
  const ended = zurichDay(sql`p.ended_at`);
  const meeting = zurichDay(sql`p.meeting_start`);
  // The period's Swiss days as a range of instants (an index serves it), not a day computed for every row.
  const announcedIn = inPeriodRange(sql`s.announced_at`, q);
  const startedIn = inPeriodRange(sql`p.started_at`, q);
  // The mandates of the period's tandem passages: the cohort of the tandems' wait, the intensity, the curve and the
  // follow-ups, read once for the four (a million situations: 20,000 mandates a year), with the last day each is known
  // to (its outcome's day if it ended by the end of the period, else that end).
  const cohort = sql`SELECT m.id, m.start_on, m.outcome, m.outcome_on, m.start_on - ${started} AS waited,
        CASE WHEN m.closed_at IS NOT NULL AND m.outcome_on <= ${asOf(q)} THEN m.outcome_on ELSE ${asOf(q)} END
          AS last_day
      FROM care_passages p JOIN mandates m ON m.id = p.mandate_id
      WHERE p.kind = 'tandem' AND ${startedIn} ${inPassageRegion(q)} AND m.start_on <= ${asOf(q)}`;
  // Imported tandems (issue 13, history import) have no mandate: their passage's dates and outcome stand for it.
  // Read from the imported situations (a partial index), not by looking up the situation of every passage.
  const importedTandems = sql`s.imported AND p.kind = 'tandem' AND ${startedIn} ${inRegion(q)}
      AND ${started} <= ${asOf(q)}`;
  const importedInserted = sql`(p.outcome IS NOT DISTINCT FROM 'inserted' AND p.ended_at IS NOT NULL
      AND ${ended} <= ${asOf(q)})`;
  const importedLastDay = sql`CASE WHEN p.ended_at IS NOT NULL AND ${ended} <= ${asOf(q)} THEN ${ended}
      ELSE ${asOf(q)} END`;
  const inserted = sql`(c.outcome = 'inserted' AND c.outcome_on <= ${asOf(q)})`;
  const recorded = sql`${zurichDay(sql`f.recorded_at`)} <= ${asOf(q)}`;
  // Every indicator in one statement (one round trip, the cohort read once), in one row shape: the part, its key
  // (a duration's name), its value (days, a rate, months) and up to three counts.
  const rows = await queryRows<{
    part: 'duration' | 'intensity' | 'survival' | 'follow_up';
    key: string;
    k: number;
    a: number;
    b: number;
    c: number;
  }>(
    db,
    sql`WITH c AS MATERIALIZED (${cohort})
      SELECT 'duration' AS part, 'announcement_to_decision' AS key, (${decided} - ${announced})::float AS k,
        count(*)::int AS a, 0 AS b, 0 AS c
      FROM situations s
      WHERE s.announced_at IS NOT NULL AND s.decided_at IS NOT NULL AND ${announcedIn}
        AND ${decided} <= ${asOf(q)} ${inRegion(q)}
      GROUP BY 3
      UNION ALL
      SELECT 'duration', 'decision_to_start:tandem', c.waited::float, count(*)::int, 0, 0 FROM c GROUP BY 3
      UNION ALL
      SELECT 'duration', 'decision_to_start:' || p.kind::text, (${meeting} - ${started})::float, count(*)::int, 0, 0
      FROM care_passages p
      WHERE ${startedIn} ${inPassageRegion(q)} AND p.kind NOT IN ('network_follow_up', 'tandem')
        AND p.meeting_start IS NOT NULL AND ${meeting} <= ${asOf(q)}
      GROUP BY 2, 3
      UNION ALL
      SELECT 'duration', 'length:' || p.kind::text, (${ended} - ${started})::float, count(*)::int, 0, 0
      FROM care_passages p
      WHERE ${startedIn} ${inPassageRegion(q)} AND p.ended_at IS NOT NULL AND ${ended} <= ${asOf(q)}
      GROUP BY 2, 3
      UNION ALL
      SELECT 'intensity', '', (floor(rate * 4) / 4)::float, count(*)::int, 0, 0
      FROM (SELECT (SELECT count(*) FROM meetings mt WHERE mt.mandate_id = c.id AND mt.held_on <= c.last_day
            AND (mt.kind = 'with_person' OR mt.person_present))::float
          / GREATEST(1, (c.last_day - c.start_on) / ${DAYS_PER_MONTH}::float) AS rate
        FROM c) per
      GROUP BY 3
      UNION ALL
      SELECT 'survival', '', floor(GREATEST(0, c.last_day - c.start_on) / ${DAYS_PER_MONTH}::float)::float,
        (count(*) FILTER (WHERE ${inserted}))::int,
        (count(*) FILTER (WHERE NOT ${inserted} OR c.outcome IS NULL))::int, 0
      FROM c GROUP BY 3
      UNION ALL
      SELECT 'survival', '', floor(GREATEST(0, ${importedLastDay} - ${started}) / ${DAYS_PER_MONTH}::float)::float,
        (count(*) FILTER (WHERE ${importedInserted}))::int, (count(*) FILTER (WHERE NOT ${importedInserted}))::int, 0
      FROM situations s JOIN care_passages p ON p.situation_id = s.id WHERE ${importedTandems} GROUP BY 3
      UNION ALL
      SELECT 'follow_up', '', f.months, (count(*) FILTER (WHERE f.still_in_work AND ${recorded}))::int,
        (count(*) FILTER (WHERE NOT f.still_in_work AND ${recorded}))::int,
        (count(*) FILTER (WHERE f.still_in_work IS NULL OR NOT ${recorded}))::int
      FROM insertion_follow_ups f JOIN c ON c.id = f.mandate_id
      GROUP BY 3
      UNION ALL
      SELECT 'follow_up', '', m.months, (count(*) FILTER (WHERE m.still))::int,
        (count(*) FILTER (WHERE NOT m.still))::int,
        (count(*) FILTER (WHERE m.still IS NULL))::int
      FROM situations s JOIN care_passages p ON p.situation_id = s.id
        CROSS JOIN LATERAL (VALUES (6, s.imported_follow_up_6), (12, s.imported_follow_up_12)) AS m(months, still)
      WHERE ${importedTandems} AND ${importedInserted}
      GROUP BY 3`,
  );
  const durations = rows.filter((r) => r.part === 'duration').map((r) => ({ key: r.key, value: r.k, count: r.a }));
  const intensity = rows.filter((r) => r.part === 'intensity').map((r) => ({ value: r.k, count: r.a }));
  const survival = rows.filter((r) => r.part === 'survival').map((r) => ({ months: r.k, events: r.a, censored: r.b }));
  const followUps = rows
    .filter((r) => r.part === 'follow_up')
    .map((r) => ({ months: r.k, still: r.a, not: r.b, pending: r.c }));
  return {
    durations,
    intensity,
    survival,
    followUps: mergeByMonths(followUps).map((r) => ({
      months: r.months,
      stillInWork: r.still,
      notInWork: r.not,
      pending: r.pending,
    })),
    ...(await costsOf(db, q)),
  };
}

/** Live and imported follow-ups of the same month, added together. */
function mergeByMonths(rows: { months: number; still: number; not: number; pending: number }[]) {
  const by = new Map<number, { months: number; still: number; not: number; pending: number }>();
  for (const r of rows) {
    const m = by.get(r.months) ?? { months: r.months, still: 0, not: 0, pending: 0 };
    by.set(r.months, {
      months: r.months,
      still: m.still + r.still,
      not: m.not + r.not,
      pending: m.pending + r.pending,
    });
  }
  return [...by.values()].sort((a, b) => a.months - b.months);
}

/**
 * The period's costs by payer: the measures' summed by the database with the statements' rules (costs-sql.ts), the
 * tandems' time from their meetings (decision 027).
 */
async function costsOf(db: Queryable, q: CubeQuery) {
  const measures = await costSums(db, costSources(q), q.from, q.to);
  const time = await tandemMeetingDays(db, q);
  return {
    costs: withTandemTime({ ...measures.costs, tandemOrpCents: 0, tandemCmsCents: 0 }, tandemTimeCosts(time.days)),
    // At least this many situations: published costs of fewer are hidden.
    costSituations: Math.max(measures.situations, time.situations),
  };
}

/** How many meetings are looked at to tell whether the tandems' time comes from a handful of situations. */
const MEETINGS_SAMPLE = 10_000;

/** A measure's situation in the region asked for: looked up only when a region is asked (the canton needs none). */
const measureInRegion = (q: CubeQuery) =>
  q.regionId ? sql`AND EXISTS (SELECT 1 FROM situations s WHERE s.id = ms.situation_id ${inRegion(q)})` : sql``;

/**
 * The tandems' meetings of the period counted by day, and whether a MIP covered their file that day (decision 027),
 * with at least how many situations they are of (enough to tell a handful).
 */
async function tandemMeetingDays(db: Queryable, q: CubeQuery): Promise<{ days: MeetingDay[]; situations: number }> {
  // By the meetings' day (an index); the situation looked up only when a region is asked.
  const inMeetingRegion = q.regionId
    ? sql`AND EXISTS (SELECT 1 FROM situations s WHERE s.id = mt.situation_id ${inRegion(q)})`
    : sql``;
  const within = sql`mt.held_on BETWEEN ${q.from}::date AND ${q.to}::date ${inMeetingRegion}`;
  // Whether a MIP covered the file is asked only of a meeting held while MIPs existed (MIP_LAST_DAY); a later
  // period is counted from the index of the meetings' days alone.
  const mip =
    q.from > MIP_LAST_DAY
      ? sql`false`
      : sql`mt.held_on <= ${MIP_LAST_DAY}::date AND EXISTS (SELECT 1 FROM measures ms
          JOIN measure_kinds k ON k.id = ms.kind_id
          WHERE ms.situation_id = mt.situation_id AND k.checks IS NOT NULL AND k.checks::text = 'mip'
            AND ms.started_on IS NOT NULL AND ms.started_on <= mt.held_on
            AND COALESCE(ms.ended_on, ms.end_on) >= mt.held_on)`;
  const days = await queryRows<{ day: string; mip: boolean; n: number }>(
    db,
    sql`SELECT mt.held_on::text AS day, ${mip} AS mip, count(*)::int AS n
      FROM meetings mt WHERE ${within} GROUP BY 1, 2`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    // Only whether they are few matters (published costs of fewer than a handful are hidden): the situations of the
    // period's first meetings, at most ten thousand, are a lower bound that is exact below that many meetings.
    sql`SELECT count(DISTINCT x.situation_id)::int AS n
      FROM (SELECT mt.situation_id FROM meetings mt WHERE ${within} ORDER BY mt.held_on LIMIT ${MEETINGS_SAMPLE}) x`,
  );
  return { days: days.map((d) => ({ day: d.day, meetings: d.n, mip: d.mip })), situations: count?.n ?? 0 };
}

/**
 * The measures that ran in the period, and the MIPs begun in the 200 days before it (billed by their start). The
 * GREATEST(…) test says the same more loosely, as the expression of the index that serves it (migration 0022): keep
 * the two in step.
 */
function costSources(q: CubeQuery): SQL {
  return sql`SELECT ms.regime::text AS regime, ms.start_on, ms.end_on, ms.total_cents, k.cost_unit::text AS cost_unit,
        ms.unit_cost_cents, ms.quantity, ms.started_on, ms.ended_on,
        (k.checks IS NOT NULL AND k.checks::text = 'mip') AS mip, ms.situation_id
      FROM measures ms JOIN measure_kinds k ON k.id = ms.kind_id
      WHERE ms.started_on IS NOT NULL AND ms.started_on <= ${q.to}::date
        AND GREATEST(COALESCE(ms.ended_on, ms.end_on), ms.start_on + 200) >= ${q.from}::date
        AND (COALESCE(ms.ended_on, ms.end_on) >= ${q.from}::date
          OR (k.checks::text = 'mip' AND ms.start_on >= ${q.from}::date - 200))
        ${measureInRegion(q)}`;
}
