import type { Loader } from './loader.ts';
import { type Generation, randomSql, tsLit } from './sql-random.ts';

/** A calendar day at an hour (UTC), as a timestamptz whatever the session's time zone. */
export const atHour = (dayExpr: string, hours: number) =>
  `((${dayExpr})::timestamp AT TIME ZONE 'UTC' + interval '${hours} hours')`;

/** The canton's history starts here (the CII's first tandems); the rows grow denser towards `asOf`. */
export const HISTORY_START = new Date('2013-01-07T07:00:00Z');
/** Situations (and persons) per unit of scale: 100,000 at scale 50. */
export const SITUATIONS_PER_SCALE = 2000;

/**
 * The plan of every situation, one row each in bench_gen.sit, drawn once so
 * that each table below is one INSERT … SELECT from it: when it was created,
 * where, by whom, how far along the lifecycle it got by `asOf`
 * (src/domain/situation/situation-lifecycle.ts), and for a tandem its mandate.
 * - Region: Sion 50 %, Monthey 30 %, Upper Valais 20 %.
 * - Announced by an ORP counsellor 60 %, a social worker 35 %, a partner's correspondent 5 %.
 * - Anonymous 20 % (no person: discussed at a round table, never a tandem).
 * - After triage: refused 14 %; identified: tandem 26 %, round table 15 %, assessment 15 %,
 *   network follow-up 30 %. Only a tandem closes (the app closes a situation with its mandate).
 * - A mandate runs six months, 20 % extended to seven–nine, 15 % end early; closed files of
 *   an ORP announcement are handed back to the announcer, 90 % of them.
 */
export async function planSituations(loader: Loader, g: Generation, situations: number) {
  const { h, r } = randomSql(g.seed);
  const asOf = tsLit(g.asOf);
  const span = (g.asOf.getTime() - HISTORY_START.getTime()) / 1000;
  const sec = (expr: string) => `(${expr}) * interval '1 second'`;
  const day = (expr: string) => `(${expr}) * interval '1 day'`;
  await loader.exec(
    'plan of the situations',
    `CREATE TABLE bench_gen.sit0 AS
     WITH b AS (
       SELECT i,
         least(${tsLit(HISTORY_START)} + ${sec(`${span} * power((i::float8 - 0.5) / ${situations}, 0.7::float8) + 28800 * ${r('i', 1)}`)},
               ${asOf} - interval '2 hours') AS created_at,
         CASE WHEN ${r('i', 2)} < 0.5 THEN 0 WHEN ${r('i', 2)} < 0.8 THEN 1 ELSE 2 END AS region,
         ${r('i', 3)} < 0.2 AS anon,
         CASE WHEN ${r('i', 4)} < 0.6 THEN 'orp' WHEN ${r('i', 4)} < 0.95 THEN 'cms' ELSE 'other' END AS ann_kind,
         ${r('i', 5)} AS u_draft, ${r('i', 6)} AS u_dec
       FROM generate_series(1, ${situations}) i
     ), t AS (
       SELECT b.*,
         CASE WHEN u_draft < 0.004 OR (${asOf} - created_at < interval '30 days' AND u_draft < 0.15) THEN NULL
              ELSE created_at + ${sec(`600 + 259200 * ${r('i', 7)}`)} END AS announced0
       FROM b
     ), t2 AS (
       SELECT t.*, announced0 + ${day(`0.5 + 15 * ${r('i', 8)}`)} AS taken_up0,
              announced0 + ${day(`0.5 + 15 * ${r('i', 8)}`)} + ${day(`2 + 25 * ${r('i', 9)}`)} AS decided0
       FROM t
     ), d AS (
       SELECT t2.*,
         CASE WHEN announced0 <= ${asOf} THEN announced0 END AS announced_at,
         CASE WHEN taken_up0 <= ${asOf} THEN taken_up0 END AS taken_up_at,
         CASE WHEN decided0 <= ${asOf} THEN decided0 END AS decided_at
       FROM t2
     ), e AS (
       SELECT d.*,
         CASE WHEN decided_at IS NULL THEN NULL
              WHEN u_dec < 0.14 THEN 'refused'
              WHEN anon THEN CASE WHEN u_dec < 0.54 THEN 'round_table' WHEN u_dec < 0.60 THEN 'assessment'
                                  ELSE 'network_follow_up' END
              WHEN u_dec < 0.40 THEN 'tandem' WHEN u_dec < 0.55 THEN 'round_table'
              WHEN u_dec < 0.70 THEN 'assessment' ELSE 'network_follow_up' END AS decision
       FROM d
     ), m AS (
       SELECT e.*,
         CASE WHEN decision = 'tandem' AND (decided_at + ${day(`1 + 13 * ${r('i', 10)}`)})::date <= ${asOf}::date
              THEN (decided_at + ${day(`1 + 13 * ${r('i', 10)}`)})::date END AS start_on,
         CASE WHEN ${r('i', 11)} < 0.2 THEN 7 + ${h('i', 12)} % 3 ELSE 6 END AS months,
         ${r('i', 13)} < 0.15 AS early
       FROM e
     ), c AS (
       SELECT m.*,
         (start_on + interval '6 months')::date AS planned_end_on,
         (start_on + months * interval '1 month')::date AS end_on,
         CASE WHEN early THEN start_on + (60 + ${h('i', 14)} % 90)
              ELSE (start_on + months * interval '1 month')::date + ${h('i', 15)} % 21 END AS close_day
       FROM m
     )
     SELECT c.i, c.created_at, c.region, c.anon, c.ann_kind, c.announced_at, c.taken_up_at, c.decided_at, c.decision,
       c.start_on, c.planned_end_on, c.end_on, c.months > 6 AS extended, c.early,
       CASE WHEN c.start_on IS NOT NULL AND ${atHour('c.close_day', 16)} <= ${asOf}
            THEN ${atHour('c.close_day', 16)} END AS closed_at,
       CASE WHEN c.announced_at IS NULL THEN 'draft' WHEN c.taken_up_at IS NULL THEN 'announced'
            WHEN c.decided_at IS NULL THEN 'under_review'
            WHEN c.start_on IS NOT NULL AND ${atHour('c.close_day', 16)} <= ${asOf} THEN 'closed'
            ELSE c.decision END AS status,
       CASE WHEN c.ann_kind = 'other' THEN -1 ELSE c.region END AS ann_region,
       CASE WHEN c.ann_kind = 'orp' THEN 'cms' ELSE 'orp' END AS member_grp,
       NOT c.anon AND c.announced_at IS NOT NULL AND ${r('c.i', 22)} < 0.12 AS has_member,
       ${h('c.i', 20)} AS h_ann, ${h('c.i', 21)} AS h_coord, ${h('c.i', 23)} AS h_member, ${h('c.i', 24)} AS h_tandem
     FROM c;
     ANALYZE bench_gen.sit0;
     -- Who: the numbers first (one join with the counts), then the people by their number (equi-joins only).
     CREATE TABLE bench_gen.sit AS
     SELECT x.i, x.created_at, x.region, x.anon, x.ann_kind, x.announced_at, x.taken_up_at, x.decided_at, x.decision,
       x.start_on, x.planned_end_on, x.end_on, x.extended, x.early, x.closed_at, x.status,
       pa.id AS announcer, pc.id AS coordinator, CASE WHEN x.has_member THEN pm.id END AS member, t.id AS tandem
     FROM (
       SELECT c.*, c.h_ann % ka.cnt AS ann_n, c.h_coord % kc.cnt AS coord_n, c.h_member % km.cnt AS member_n,
              c.h_tandem % kt.cnt AS tandem_n
       FROM bench_gen.sit0 c
       JOIN bench_gen.pcount ka ON ka.grp = c.ann_kind AND ka.region = c.ann_region
       JOIN bench_gen.pcount kc ON kc.grp = 'coord' AND kc.region = c.region
       JOIN bench_gen.pcount km ON km.grp = c.member_grp AND km.region = c.region
       JOIN bench_gen.tcount kt ON kt.region = c.region
     ) x
     JOIN bench_gen.people pa ON pa.grp = x.ann_kind AND pa.region = x.ann_region AND pa.n = x.ann_n
     JOIN bench_gen.people pc ON pc.grp = 'coord' AND pc.region = x.region AND pc.n = x.coord_n
     JOIN bench_gen.people pm ON pm.grp = x.member_grp AND pm.region = x.region AND pm.n = x.member_n
     JOIN bench_gen.tandem t ON t.region = x.region AND t.n = x.tandem_n;
     ALTER TABLE bench_gen.sit ADD PRIMARY KEY (i);
     ALTER TABLE bench_gen.sit ADD COLUMN id uuid, ADD COLUMN person_id uuid, ADD COLUMN mandate_id uuid,
       ADD COLUMN ann_inst uuid, ADD COLUMN region_id uuid;
     UPDATE bench_gen.sit s SET id = ${randomSql(g.seed).uuid('situation', 's.i')},
       person_id = CASE WHEN NOT s.anon THEN ${randomSql(g.seed).uuid('person', 's.i')} END,
       mandate_id = CASE WHEN s.start_on IS NOT NULL THEN ${randomSql(g.seed).uuid('mandate', 's.i')} END,
       ann_inst = (SELECT institution_id FROM users u WHERE u.id = s.announcer),
       region_id = (SELECT id FROM bench_gen.ref WHERE key = 'region' || s.region);
     ANALYZE bench_gen.sit;`,
  );
}
