import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  ANY_REGION,
  CORRESPONDENT_ROLE,
  GRANTEE_ORDER,
  PREDICATE_GRANTEE,
  SITUATION_ACCESS_RULES,
  SMR_DOCTOR_ROLE,
  type SituationPredicate,
  type SituationReadAction,
} from '../domain/access/situation-access.ts';
import { type Database, type Queryable, queryRows } from './open-db.ts';

/**
 * The grants table (issue 10): for each situation, one row per way of seeing
 * it — the action, the key of the caller attributes a rule fixes (see
 * `callerGrantKeys` in src/domain/access/situation-access.ts) and the validity
 * of the facts behind it. A list then asks an index "which situations hold one
 * of my keys, in force today", instead of evaluating the policy's OR of
 * sub-queries against every row.
 *
 * The rows are written from the same rules: each predicate below is the source
 * of the attribute it fixes (or a filter on the situation), and the switch is
 * exhaustive, so a new predicate does not compile until it has its source.
 * A PL/pgSQL function generated from them rewrites a situation's grants; the
 * triggers of migration 0009 call it in the transaction of every change of a
 * situation, procuration, case team, mandate or tandem (and of 0015: a passage's end, its participants). When the
 * rules change, the next start installs the new function and rebuilds every grant
 * (`installSituationGrants`). src/server/situations/access-parity.int.test.ts
 * proves the result equal to `can()`.
 */

/** How one predicate contributes to a grant row, over the alias `s` of the situation. */
interface GrantSource {
  /** Joins that bring the attribute (and its validity) in. */
  joins?: string;
  /** Conditions on the situation or the joined rows. */
  where?: string;
  /** The attribute's value (text), when the predicate fixes one. */
  value?: string;
  /** First and last Swiss day of validity (procurations), and when an ended role ended (grace period). */
  fromDay?: string;
  untilDay?: string;
  endedAt?: string;
}

function predicateSource(p: SituationPredicate): GrantSource {
  switch (p) {
    case 'announcer':
      return { value: 's.announcing_user_id::text', where: 'NOT s.imported' };
    case 'announcer_institution':
      return { value: 's.announcing_institution_id::text' };
    case 'announced':
      return { where: "s.status <> 'draft'" };
    case 'identified':
      return { where: 'NOT s.anonymous' };
    case 'named_in_consent':
      // A procuration counts from the day it is signed to its last valid day, once reviewed and until revoked.
      return {
        joins: `JOIN consents c ON c.person_id = s.person_id AND c.signed_on IS NOT NULL
                  AND c.revoked_at IS NULL AND c.reviewed_at IS NOT NULL
                CROSS JOIN LATERAL unnest(c.institution_ids) AS ci(institution_id)`,
        value: 'ci.institution_id::text',
        fromDay: 'c.signed_on',
        untilDay: 'c.valid_until',
      };
    case 'bureau_of_region':
      // The region's Bureau, and the cantonal Bureau (every region).
      return {
        joins: `CROSS JOIN LATERAL (VALUES (s.region_id::text), ('${ANY_REGION}')) AS br(region)`,
        value: 'br.region',
      };
    case 'correspondent':
      return { value: `'${CORRESPONDENT_ROLE}'` };
    case 'case_team':
      return {
        joins: 'JOIN case_team_members ct ON ct.situation_id = s.id',
        value: 'ct.user_id::text',
        endedAt: 'ct.removed_at',
      };
    case 'tandem_member':
      // The tandem's role ends at the hand-back if there was one, else at closure.
      return {
        joins: `JOIN mandates tm ON tm.situation_id = s.id JOIN tandems tt ON tt.id = tm.tandem_id
                CROSS JOIN LATERAL unnest(ARRAY[tt.orp_user_id, tt.cms_user_id]) AS tu(user_id)`,
        value: 'tu.user_id::text',
        endedAt: 'CASE WHEN tm.closed_at IS NULL THEN NULL ELSE COALESCE(tm.handed_back_at, tm.closed_at) END',
      };
    case 'file_holder':
      return { joins: 'JOIN mandates hm ON hm.situation_id = s.id', value: 'hm.holder_user_id::text' };
    case 'care_participant':
      // Taking part ends when the participant is removed or the passage ends, whichever comes first (LEAST skips
      // NULLs: null only while both are open).
      return {
        joins: `JOIN care_participants cpu ON cpu.situation_id = s.id AND cpu.user_id IS NOT NULL
                  AND cpu.role <> '${SMR_DOCTOR_ROLE}'
                JOIN care_passages cpu_p ON cpu_p.id = cpu.passage_id`,
        value: 'cpu.user_id::text',
        endedAt: 'LEAST(cpu.removed_at, cpu_p.ended_at)',
      };
    case 'care_institution':
      return {
        joins: `JOIN care_participants cpi ON cpi.situation_id = s.id AND cpi.institution_id IS NOT NULL
                  AND cpi.role <> '${SMR_DOCTOR_ROLE}'
                JOIN care_passages cpi_p ON cpi_p.id = cpi.passage_id`,
        value: 'cpi.institution_id::text',
        endedAt: 'LEAST(cpi.removed_at, cpi_p.ended_at)',
      };
    case 'smr_participant':
      return {
        joins: `JOIN care_participants cps ON cps.situation_id = s.id AND cps.user_id IS NOT NULL
                  AND cps.role = '${SMR_DOCTOR_ROLE}'
                JOIN care_passages cps_p ON cps_p.id = cps.passage_id`,
        value: 'cps.user_id::text',
        endedAt: 'LEAST(cps.removed_at, cps_p.ended_at)',
      };
    default: {
      const unknown: never = p;
      throw new Error(`unknown predicate ${String(unknown)}`);
    }
  }
}

const only = (xs: (string | undefined)[], what: string, rule: readonly string[]) => {
  const present = xs.filter((x) => x !== undefined);
  if (present.length > 1) throw new Error(`access rule ${rule.join('+')} limits ${what} twice`);
  return present[0] ?? 'NULL';
};

/** The SELECT of one rule's grant rows for the situations matching `situationFilter` (over `s`). */
function ruleSelect(action: SituationReadAction, rule: readonly SituationPredicate[], situationFilter: string) {
  const sources = rule.map((p) => ({ p, src: predicateSource(p) }));
  // The key as grantKey() writes it: `kind=value` in a fixed order, joined by ';'.
  const parts = GRANTEE_ORDER.flatMap((kind) =>
    sources.filter(({ p }) => PREDICATE_GRANTEE[p] === kind).map(({ src }) => `'${kind}=' || ${src.value}`),
  );
  const key = parts.length ? parts.join(` || ';' || `) : "''";
  const joins = sources.map(({ src }) => src.joins ?? '').join('\n');
  const where = [situationFilter, ...sources.map(({ src }) => src.where).filter((w) => w !== undefined)].join(' AND ');
  return `SELECT s.id, '${action}', ${key}, ${only(
    sources.map(({ src }) => src.fromDay),
    'the first day',
    rule,
  )}::date, ${only(
    sources.map(({ src }) => src.untilDay),
    'the last day',
    rule,
  )}::date, ${only(
    sources.map(({ src }) => src.endedAt),
    'the end',
    rule,
  )}::timestamptz
    FROM situations s ${joins}
    WHERE ${where}`;
}

/** Every grant row of the situations matching `situationFilter`, both actions, without duplicates. */
export function grantRowsSql(situationFilter: string): string {
  const selects = (Object.keys(SITUATION_ACCESS_RULES) as SituationReadAction[]).flatMap((action) =>
    SITUATION_ACCESS_RULES[action].map((rule) => ruleSelect(action, rule, situationFilter)),
  );
  return selects.join('\nUNION\n');
}

const COLUMNS = '(situation_id, action, grantee, from_day, until_day, ended_at)';

/**
 * The function the triggers call. It first locks the situations' rows, so that
 * two transactions changing facts of one situation (a procuration and a
 * mandate, say) rewrite its grants one after the other, the second seeing the
 * first's change: grants never keep an access that one of them removed.
 */
export function refreshFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION tandem_refresh_situation_grants(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM situations WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
  DELETE FROM situation_grants WHERE situation_id = ANY(ids);
  INSERT INTO situation_grants ${COLUMNS}
  ${grantRowsSql('s.id = ANY(ids)')};
END
$fn$;`;
}

/** The rules' fingerprint: a start with other rules rebuilds every grant. */
export const rulesFingerprint = () => createHash('sha256').update(refreshFunctionSql()).digest('hex');

/** Rewrites every grant from scratch, in one statement per step (bulk loads, a change of the rules). */
export async function rebuildAllGrants(q: Queryable): Promise<void> {
  await q.execute(sql`DELETE FROM situation_grants`);
  await q.execute(sql.raw(`INSERT INTO situation_grants ${COLUMNS} ${grantRowsSql('true')}`));
}

const LOCK_KEY = 7_240_009;

/**
 * Run after the migrations (by the owner role): installs the function generated
 * from the current rules and rebuilds the grants when the rules changed since
 * the last start. Several instances starting at once take turns on a lock.
 */
export async function installSituationGrants(database: Database): Promise<'installed' | 'unchanged'> {
  const fingerprint = rulesFingerprint();
  const [state] = await queryRows<{ fingerprint: string }>(
    database.db,
    sql`SELECT fingerprint FROM situation_grants_state WHERE id = 1`,
  );
  if (state?.fingerprint === fingerprint) return 'unchanged';
  await database.db.transaction(async (tx) => {
    // A rebuild at 100,000 situations takes longer than the application's STATEMENT_TIMEOUT_MS.
    await tx.execute(sql`SET LOCAL statement_timeout = 0`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    const [again] = await queryRows<{ fingerprint: string }>(
      tx,
      sql`SELECT fingerprint FROM situation_grants_state WHERE id = 1`,
    );
    if (again?.fingerprint === fingerprint) return;
    await tx.execute(sql.raw(refreshFunctionSql()));
    // No change of facts may slip between the rebuild and the new function.
    await tx.execute(
      sql`LOCK TABLE situations, consents, case_team_members, mandates, tandems, care_passages, care_participants
        IN SHARE ROW EXCLUSIVE MODE`,
    );
    await rebuildAllGrants(tx);
    await tx.execute(sql`INSERT INTO situation_grants_state (id, fingerprint, installed_at)
      VALUES (1, ${fingerprint}, now())
      ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, installed_at = EXCLUDED.installed_at`);
  });
  return 'installed';
}
