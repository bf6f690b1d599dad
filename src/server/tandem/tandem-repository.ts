import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { mandates, type tandems, users } from '../../db/schema.ts';
import { fullName } from '../situations/present-situation.ts';

export type TandemRow = typeof tandems.$inferSelect;
export type MandateRow = typeof mandates.$inferSelect;

/** Open mandates per tandem: its load (seed 001 counts situations followed at once). */
export async function loadsOf(q: Queryable, tandemIds: string[]): Promise<Map<string, number>> {
  if (!tandemIds.length) return new Map();
  const rows = await q
    .select({ tandemId: mandates.tandemId, n: count() })
    .from(mandates)
    .where(and(inArray(mandates.tandemId, tandemIds), isNull(mandates.closedAt)))
    .groupBy(mandates.tandemId);
  return new Map(rows.map((r) => [r.tandemId, Number(r.n)]));
}

/** Names of users by id, for presenting who did what. */
export async function namesOf(q: Queryable, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (!unique.length) return new Map();
  const rows = await q
    .select({ id: users.id, givenName: users.givenName, familyName: users.familyName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((u) => [u.id, fullName(u)]));
}

/** Tandems with their load and members' names, as the Bureau sees them. */
export async function presentTandems(q: Queryable, rows: TandemRow[]) {
  const loads = await loadsOf(
    q,
    rows.map((t) => t.id),
  );
  const names = await namesOf(
    q,
    rows.flatMap((t) => [t.orpUserId, t.cmsUserId]),
  );
  return rows.map((t) => ({
    id: t.id,
    regionId: t.regionId,
    orp: { id: t.orpUserId, name: names.get(t.orpUserId) ?? '' },
    cms: { id: t.cmsUserId, name: names.get(t.cmsUserId) ?? '' },
    capacity: t.capacity,
    load: loads.get(t.id) ?? 0,
    active: t.active,
    version: t.version,
  }));
}

export async function findMandate(q: Queryable, situationId: string): Promise<MandateRow | null> {
  const [m] = await q.select().from(mandates).where(eq(mandates.situationId, situationId));
  return m ?? null;
}

/** Compare-and-set on the mandate's version: two tandem members acting at once cannot both win. */
export async function updateMandateIf(
  q: Queryable,
  id: string,
  version: number,
  values: Partial<Omit<MandateRow, 'id' | 'version'>>,
): Promise<boolean> {
  const updated = await q
    .update(mandates)
    .set({ ...values, version: sql`${mandates.version} + 1` })
    .where(and(eq(mandates.id, id), eq(mandates.version, version)))
    .returning({ id: mandates.id });
  return updated.length === 1;
}
