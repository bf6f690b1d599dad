import { type SQL, inArray, sql } from 'drizzle-orm';
import { hasRole, type Actor } from '../../domain/access/roles.ts';
import {
  SITUATION_ACCESS_RULES,
  type SituationPredicate,
  type SituationReadAction,
  bureauRegions,
  graceCutoff,
} from '../../domain/access/situation-access.ts';
import { situations } from '../../db/schema.ts';

/**
 * The SQL twin of src/domain/access/situation-access.ts: the same rules, each
 * predicate written once more as a condition over a `situations` row, so that
 * lists and search never read a row the caller may not see. The switch below
 * is exhaustive over the predicates (a new predicate does not compile until it
 * has its SQL), and src/server/situations/access-parity.int.test.ts compares
 * the two over every demo actor and generated states.
 */
export interface AccessClock {
  /** Swiss calendar day (yyyy-mm-dd): procuration validity is in days. */
  today: string;
  now: Date;
  graceDays: number;
}

/** A procuration in force on `today` (mirrors consent.ts#isConsentValid), over the alias `c`. */
const consentInForceSql = (today: string) => sql`(
  c.signed_on IS NOT NULL AND c.signed_on <= ${today}::date
  AND (c.valid_until IS NULL OR c.valid_until >= ${today}::date)
  AND c.revoked_at IS NULL AND c.reviewed_at IS NOT NULL)`;

/** Announced situations of the caller's Bureau regions; `false` outside the Bureau. */
export function bureauOfRegionSql(actor: Actor): SQL {
  const regions = bureauRegions(actor);
  if (regions === null || (Array.isArray(regions) && regions.length === 0)) return sql`false`;
  if (regions === 'all') return sql`true`;
  return inArray(situations.regionId, regions);
}

export function predicateSql(p: SituationPredicate, actor: Actor, clock: AccessClock): SQL {
  const cutoff = graceCutoff(clock.now, clock.graceDays).toISOString();
  switch (p) {
    case 'announcer':
      return sql`${situations.announcingUserId} = ${actor.userId}::uuid`;
    case 'announcer_institution':
      return sql`${situations.announcingInstitutionId} = ${actor.institutionId}::uuid`;
    case 'announced':
      return sql`${situations.status} <> 'draft'`;
    case 'identified':
      return sql`NOT ${situations.anonymous}`;
    case 'named_in_consent':
      return sql`EXISTS (SELECT 1 FROM consents c
        WHERE c.person_id = ${situations.personId} AND ${actor.institutionId}::uuid = ANY(c.institution_ids)
          AND ${consentInForceSql(clock.today)})`;
    case 'bureau_of_region':
      return bureauOfRegionSql(actor);
    case 'correspondent':
      return hasRole(actor, 'cii_correspondent') ? sql`true` : sql`false`;
    case 'case_team':
      return sql`EXISTS (SELECT 1 FROM case_team_members ct
        WHERE ct.situation_id = ${situations.id} AND ct.user_id = ${actor.userId}::uuid
          AND (ct.removed_at IS NULL OR ct.removed_at > ${cutoff}::timestamptz))`;
    case 'tandem_member':
      return sql`EXISTS (SELECT 1 FROM mandates m JOIN tandems t ON t.id = m.tandem_id
        WHERE m.situation_id = ${situations.id}
          AND (t.orp_user_id = ${actor.userId}::uuid OR t.cms_user_id = ${actor.userId}::uuid)
          AND (m.closed_at IS NULL OR COALESCE(m.handed_back_at, m.closed_at) > ${cutoff}::timestamptz))`;
    case 'file_holder':
      return sql`EXISTS (SELECT 1 FROM mandates m
        WHERE m.situation_id = ${situations.id} AND m.holder_user_id = ${actor.userId}::uuid)`;
    default: {
      const unknown: never = p;
      throw new Error(`unknown predicate ${String(unknown)}`);
    }
  }
}

/** `read` or `read_identity` as one condition: the OR of the policy's rules, each the AND of its predicates. */
export function situationAccessSql(action: SituationReadAction, actor: Actor, clock: AccessClock): SQL {
  const rules = SITUATION_ACCESS_RULES[action].map(
    (rule) =>
      sql`(${sql.join(
        rule.map((p) => predicateSql(p, actor, clock)),
        sql` AND `,
      )})`,
  );
  return sql`(${sql.join(rules, sql` OR `)})`;
}
