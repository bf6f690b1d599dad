import { type SQL, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access/roles.ts';
import {
  type SituationReadAction,
  bureauRegions,
  callerGrantKeys,
  graceCutoff,
} from '../../domain/access/situation-access.ts';
import { situations } from '../../db/schema.ts';

/**
 * The SQL twin of src/domain/access/situation-access.ts, for lists and search:
 * the rules are precomputed per situation as grants (src/db/situation-grants.ts,
 * kept by triggers in the transaction of every change of the facts), and a
 * caller sees a situation when one of the keys it holds (`callerGrantKeys`)
 * is among the situation's grants in force at the clock. An index on
 * (grantee, action, situation) answers that for a list; an index on
 * (situation, action, grantee) for one row.
 * src/server/situations/access-parity.int.test.ts compares this with `can()`
 * over every demo actor and generated states.
 */
export interface AccessClock {
  /** Swiss calendar day (yyyy-mm-dd): procuration validity is in days. */
  today: string;
  now: Date;
  graceDays: number;
}

/** Grants over the alias `g` in force at the clock: within the procuration's days, and an ended role within the grace period. */
function inForceSql(clock: AccessClock): SQL {
  const cutoff = graceCutoff(clock.now, clock.graceDays).toISOString();
  return sql`(g.from_day IS NULL OR g.from_day <= ${clock.today}::date)
    AND (g.until_day IS NULL OR g.until_day >= ${clock.today}::date)
    AND (g.ended_at IS NULL OR g.ended_at > ${cutoff}::timestamptz)`;
}

const keysSql = (keys: readonly string[]) =>
  sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );

/** The ids of the situations the caller may `read` (or whose identity it may see), as a sub-query for `IN (…)`. */
export function visibleSituationIdsSql(action: SituationReadAction, actor: Actor, clock: AccessClock): SQL {
  const keys = callerGrantKeys(actor, action);
  if (!keys.length) return sql`SELECT NULL::uuid WHERE false`;
  return sql`SELECT g.situation_id FROM situation_grants g
    WHERE g.grantee IN (${keysSql(keys)}) AND g.action = ${action} AND ${inForceSql(clock)}`;
}

/** `read` or `read_identity` as a condition on the current `situations` row. */
export function situationAccessSql(action: SituationReadAction, actor: Actor, clock: AccessClock): SQL {
  const keys = callerGrantKeys(actor, action);
  if (!keys.length) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM situation_grants g
    WHERE g.situation_id = ${situations.id} AND g.action = ${action}
      AND g.grantee IN (${keysSql(keys)}) AND ${inForceSql(clock)}
    -- OFFSET 0 keeps it a probe per row: PostgreSQL would otherwise hash every grant of the caller for 50 rows shown.
    OFFSET 0)`;
}

/** Announced situations of the caller's Bureau regions; `false` outside the Bureau (the attention items' queue). */
export function bureauOfRegionSql(actor: Actor): SQL {
  const regions = bureauRegions(actor);
  if (regions === null || (Array.isArray(regions) && regions.length === 0)) return sql`false`;
  if (regions === 'all') return sql`true`;
  return inArray(situations.regionId, regions);
}
