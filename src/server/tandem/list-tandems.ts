import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { institutions, tandems, users } from '../../db/schema.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from '../situations/load-situation.ts';
import { fullName } from '../situations/present-situation.ts';
import { presentTandems } from './tandem-repository.ts';

/** Every tandem with its load (the Bureau sees them all, to assign and to balance). */
export async function listTandems(ctx: AuthedContext, regionId?: string) {
  await ensureAllowed(ctx, 'read', { type: 'tandem', regionId: regionId ?? '' }, { action: 'tandem.list' });
  const rows = await ctx.db
    .select()
    .from(tandems)
    .where(regionId ? eq(tandems.regionId, regionId) : undefined)
    .orderBy(asc(tandems.regionId), asc(tandems.createdAt));
  return presentTandems(ctx.db, rows);
}

/** Who may form a tandem: active tandem members of an ORP or a CMS. */
export async function listTandemCandidates(ctx: AuthedContext) {
  await ensureAllowed(ctx, 'read', { type: 'tandem', regionId: '' }, { action: 'tandem.candidates' });
  const rows = await ctx.db
    .select({
      id: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      kind: institutions.kind,
      regionId: users.regionId,
    })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(
      and(
        isNull(users.disabledAt),
        sql`'tandem_member' = ANY(${users.roles})`,
        sql`${institutions.kind} IN ('orp', 'cms')`,
      ),
    )
    .orderBy(asc(users.familyName));
  return rows.map((u) => ({
    id: u.id,
    name: fullName(u),
    institutionKind: u.kind as 'orp' | 'cms',
    regionId: u.regionId,
  }));
}

/**
 * Who else may receive the monthly reports: the professionals of the
 * institutions following the person (the ORP counsellor and social worker in
 * charge before the tandem). Asked by the Bureau while assigning.
 */
export async function listReportRecipientCandidates(ctx: AuthedContext, situationId: string) {
  const { row } = await loadSituationFor(ctx, situationId, 'assign', 'tandem.recipient_candidates');
  const institutionIds = [...new Set([row.announcingInstitutionId, ...row.followingInstitutionIds])];
  const rows = await ctx.db
    .select({
      id: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      nameFr: institutions.nameFr,
      nameDe: institutions.nameDe,
    })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(
      and(
        isNull(users.disabledAt),
        inArray(users.institutionId, institutionIds),
        sql`'field_professional' = ANY(${users.roles})`,
      ),
    )
    .orderBy(asc(users.familyName));
  return rows
    .filter((u) => u.id !== row.announcingUserId)
    .map((u) => ({ id: u.id, name: `${fullName(u)} (${ctx.lang === 'de' ? u.nameDe : u.nameFr})` }));
}
