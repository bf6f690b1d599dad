import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { institutions, tandems, users } from '../../db/schema.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { fullName, presentTandems } from './tandem-repository.ts';

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
    .select({ id: users.id, givenName: users.givenName, familyName: users.familyName, kind: institutions.kind, regionId: users.regionId })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(and(isNull(users.disabledAt), sql`'tandem_member' = ANY(${users.roles})`, sql`${institutions.kind} IN ('orp', 'cms')`))
    .orderBy(asc(users.familyName));
  return rows.map((u) => ({ id: u.id, name: fullName(u), institutionKind: u.kind as 'orp' | 'cms', regionId: u.regionId }));
}
