import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { SituationFacts, SituationScope } from '../../domain/access/policy.ts';
import { type Queryable, queryRows } from '../../db/open-db.ts';
import { consents, mandates, situations, tandems } from '../../db/schema.ts';

export type SituationRow = typeof situations.$inferSelect;

/** A consent valid on `today`, as SQL (mirrors src/domain/consent/consent.ts#isConsentValid). */
export const validConsentSql = (today: string) => sql`(
  ${consents.signedOn} IS NOT NULL AND ${consents.signedOn} <= ${today}::date
  AND (${consents.validUntil} IS NULL OR ${consents.validUntil} >= ${today}::date)
  AND ${consents.revokedAt} IS NULL)`;

/** The institutions with a basis for this person today: named in one of the person's valid consents. */
export async function basisOf(q: Queryable, personId: string | null, today: string): Promise<Set<string>> {
  if (!personId) return new Set();
  const rows = await q
    .select({ ids: consents.institutionIds })
    .from(consents)
    .where(and(eq(consents.personId, personId), validConsentSql(today)));
  return new Set(rows.flatMap((r) => r.ids));
}

export type MandateFacts = NonNullable<SituationFacts['mandate']>;

/** The mandate facts the policy needs: the tandem's two members, whether it is open, who holds the file. */
export async function mandateFactsOf(q: Queryable, situationId: string): Promise<MandateFacts | null> {
  const [m] = await q
    .select({ orp: tandems.orpUserId, cms: tandems.cmsUserId, closedAt: mandates.closedAt, holder: mandates.holderUserId })
    .from(mandates)
    .innerJoin(tandems, eq(tandems.id, mandates.tandemId))
    .where(eq(mandates.situationId, situationId));
  return m ? { memberIds: new Set([m.orp, m.cms]), open: m.closedAt === null, holderUserId: m.holder } : null;
}

export function factsOf(row: SituationRow, basis: Set<string>, mandate: MandateFacts | null = null): SituationFacts {
  return {
    id: row.id,
    status: row.status,
    regionId: row.regionId,
    announcingUserId: row.announcingUserId,
    announcingInstitutionId: row.announcingInstitutionId,
    anonymous: row.anonymous,
    basis: row.anonymous ? new Set() : basis,
    mandate,
  };
}

export async function findSituation(q: Queryable, id: string, today: string) {
  const [row] = await q.select().from(situations).where(eq(situations.id, id));
  if (!row) return null;
  return { row, facts: factsOf(row, await basisOf(q, row.personId, today), await mandateFactsOf(q, id)) };
}

/** The caller's institution has a basis for the situation's person (SQL over a `situations` row). */
export const hasBasisSql = (institutionId: string, today: string) => sql`(
  NOT ${situations.anonymous} AND EXISTS (
    SELECT 1 FROM consents c
    WHERE c.person_id = ${situations.personId}
      AND ${institutionId}::uuid = ANY(c.institution_ids)
      AND c.signed_on IS NOT NULL AND c.signed_on <= ${today}::date
      AND (c.valid_until IS NULL OR c.valid_until >= ${today}::date)
      AND c.revoked_at IS NULL))`;

/**
 * The access policy's situation rules as one SQL condition (policy.ts#canOnSituation,
 * action 'read'): the announcer; the Bureau of the region once announced;
 * institutions with a basis once announced; the assigned tandem's members and
 * whoever holds the file.
 */
export function readableSql(scope: SituationScope, today: string): SQL {
  const parts: SQL[] = [eq(situations.announcingUserId, scope.userId), tandemOrHolderSql(scope.userId)];
  const region = bureauRegionSql(scope);
  if (region) parts.push(region);
  else parts.push(sql`(${situations.status} <> 'draft' AND ${hasBasisSql(scope.institutionId, today)})`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** A member of the assigned tandem, or the holder of the file. */
export const tandemOrHolderSql = (userId: string) => sql`EXISTS (
  SELECT 1 FROM mandates m JOIN tandems t ON t.id = m.tandem_id
  WHERE m.situation_id = ${situations.id}
    AND (t.orp_user_id = ${userId}::uuid OR t.cms_user_id = ${userId}::uuid OR m.holder_user_id = ${userId}::uuid))`;

/** Announced and in one of the caller's Bureau regions; null for callers outside the Bureau. */
function bureauRegionSql(scope: SituationScope): SQL | null {
  const announced = sql`${situations.status} <> 'draft'`;
  if (scope.bureauRegions === null) return null;
  if (scope.bureauRegions === 'all') return announced;
  if (!scope.bureauRegions.length) return sql`false`;
  return and(announced, inArray(situations.regionId, scope.bureauRegions))!;
}

/** Where the caller may see who the person is (policy.ts, action 'read_identity'). */
export function identityVisibleSql(scope: SituationScope, today: string): SQL {
  const region = bureauRegionSql(scope);
  const basis = sql`(${situations.status} <> 'draft' AND ${hasBasisSql(scope.institutionId, today)})`;
  return sql`((${situations.announcingUserId} = ${scope.userId}::uuid AND ${situations.announcingInstitutionId} = ${scope.institutionId}::uuid)
    OR (${region ? sql`${region} AND ${basis}` : basis}))`;
}

export async function nextSituationNumber(q: Queryable, year: number): Promise<string> {
  const [row] = await queryRows<{ n: string | number }>(q, sql`SELECT nextval('situation_number_seq') AS n`);
  return `CII-${year}-${String(row!.n).padStart(4, '0')}`;
}

/** Compare-and-set on version and, for transitions, on the status the caller saw. */
export async function updateSituationIf(
  q: Queryable,
  id: string,
  expected: { version: number; status?: SituationRow['status'] },
  values: Partial<Omit<SituationRow, 'id' | 'version' | 'createdAt'>>,
): Promise<boolean> {
  const updated = await q
    .update(situations)
    .set({ ...values, version: sql`${situations.version} + 1` })
    .where(
      and(
        eq(situations.id, id),
        eq(situations.version, expected.version),
        expected.status ? eq(situations.status, expected.status) : undefined,
      ),
    )
    .returning({ id: situations.id });
  return updated.length === 1;
}
