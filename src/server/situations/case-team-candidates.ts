import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.ts';
import { foldName } from '../../domain/person/search-name.ts';
import { institutions, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { fullName } from './present-situation.ts';

/** Who can be on a case team: professionals who follow persons (field professionals, CII correspondents). */
export const isCaseProfessional = (roles: readonly Role[]) =>
  roles.includes('field_professional') || roles.includes('cii_correspondent');

/**
 * The professionals who may join the case team: active, working on cases, in
 * an institution that a valid procuration names, not on the team already.
 */
export async function listCaseTeamCandidates(ctx: AuthedContext, situationId: string, q: string | undefined) {
  const { facts } = await loadSituationFor(ctx, situationId, 'manage_case_team', 'case_team.candidates');
  const covered = [...facts.basis.keys()];
  if (!covered.length) return [];
  const folded = q ? foldName(q) : '';
  const rows = await ctx.db
    .select({ user: users, institution: institutions })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(
      and(
        isNull(users.disabledAt),
        inArray(users.institutionId, covered),
        sql`('field_professional' = ANY(${users.roles}) OR 'cii_correspondent' = ANY(${users.roles}))`,
        sql`NOT EXISTS (SELECT 1 FROM case_team_members ct
          WHERE ct.situation_id = ${situationId}::uuid AND ct.user_id = ${users.id} AND ct.removed_at IS NULL)`,
      ),
    )
    .orderBy(asc(users.familyName), asc(users.givenName))
    .limit(1000);
  // Names compared up to accents and case, as the person search does.
  return rows
    .filter((r) => !folded || foldName(fullName(r.user)).includes(folded))
    .slice(0, 50)
    .map((r) => ({
      userId: r.user.id,
      name: fullName(r.user),
      institutionName: ctx.lang === 'de' ? r.institution.nameDe : r.institution.nameFr,
    }));
}
