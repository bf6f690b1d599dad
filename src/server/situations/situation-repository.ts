import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MandateFacts, SituationFacts } from '../../domain/access/situation-access.ts';
import { type DataCategory, consentBasis, swissDay } from '../../domain/consent/consent.ts';
import { type Queryable, queryRows } from '../../db/open-db.ts';
import { caseTeamMembers, consents, mandates, situations, tandems } from '../../db/schema.ts';
import type { AccessClock } from './situation-access-sql.ts';
import { oneRow } from '../../db/one-row.ts';

export type SituationRow = typeof situations.$inferSelect;

/** The clock of the access check: the Swiss day, the instant, and the grace period of ended roles (configuration). */
export const accessClock = (ctx: { now: () => Date; config: { ACCESS_AFTER_ROLE_DAYS: number } }): AccessClock => {
  const now = ctx.now();
  return { today: swissDay(now), now, graceDays: ctx.config.ACCESS_AFTER_ROLE_DAYS };
};

/** What each institution may see of the person today: the categories of the valid, reviewed procurations naming it. */
export async function basisOf(
  q: Queryable,
  personId: string | null,
  today: string,
): Promise<Map<string, Set<DataCategory>>> {
  if (!personId) return new Map();
  return (await basesOf(q, [personId], today)).get(personId) ?? new Map();
}

/** The same for several persons in one query (a list that shows many of them). */
export async function basesOf(
  q: Queryable,
  personIds: readonly string[],
  today: string,
): Promise<Map<string, Map<string, Set<DataCategory>>>> {
  const bases = new Map<string, Map<string, Set<DataCategory>>>();
  if (!personIds.length) return bases;
  const rows = await q
    .select({
      personId: consents.personId,
      institutionIds: consents.institutionIds,
      dataCategories: consents.dataCategories,
      signedOn: consents.signedOn,
      validUntil: consents.validUntil,
      revokedAt: consents.revokedAt,
      reviewedAt: consents.reviewedAt,
    })
    .from(consents)
    .where(inArray(consents.personId, [...new Set(personIds)]));
  for (const personId of new Set(personIds)) {
    const own = rows
      .filter((r) => r.personId === personId)
      .map((r) => ({ ...r, dataCategories: r.dataCategories as DataCategory[] }));
    bases.set(personId, consentBasis(own, today));
  }
  return bases;
}

/**
 * The mandate facts the policy needs: the tandem's two members, when it closed and was handed back, who holds the file.
 */
export async function mandateFactsOf(q: Queryable, situationId: string): Promise<MandateFacts | null> {
  const [m] = await q
    .select({
      orp: tandems.orpUserId,
      cms: tandems.cmsUserId,
      closedAt: mandates.closedAt,
      handedBackAt: mandates.handedBackAt,
      holder: mandates.holderUserId,
    })
    .from(mandates)
    .innerJoin(tandems, eq(tandems.id, mandates.tandemId))
    .where(eq(mandates.situationId, situationId));
  return m
    ? { memberIds: new Set([m.orp, m.cms]), closedAt: m.closedAt, handedBackAt: m.handedBackAt, holderUserId: m.holder }
    : null;
}

/** Who is or was on the case team (ended memberships count during the grace period). */
export async function caseTeamOf(q: Queryable, situationId: string) {
  return q
    .select({ userId: caseTeamMembers.userId, removedAt: caseTeamMembers.removedAt })
    .from(caseTeamMembers)
    .where(eq(caseTeamMembers.situationId, situationId));
}

/**
 * Loads the situation and everything the policy needs about it. A missing id
 * runs the same queries as a present one (with an id that matches nothing), so
 * that "not found" and "not yours" take the same time (issue 9).
 */
export async function findSituation(q: Queryable, id: string, clock: AccessClock) {
  const [row] = await q.select().from(situations).where(eq(situations.id, id));
  const basis = await basisOf(q, row?.personId ?? NO_ID, clock.today);
  const mandate = await mandateFactsOf(q, row ? id : NO_ID);
  const caseTeam = await caseTeamOf(q, row ? id : NO_ID);
  if (!row) return null;
  const facts: SituationFacts = {
    id: row.id,
    status: row.status,
    regionId: row.regionId,
    announcingUserId: row.announcingUserId,
    announcingInstitutionId: row.announcingInstitutionId,
    anonymous: row.anonymous,
    basis: row.anonymous ? new Map() : basis,
    caseTeam,
    mandate,
    now: clock.now,
    graceDays: clock.graceDays,
  };
  return { row, facts };
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

export async function nextSituationNumber(q: Queryable, year: number): Promise<string> {
  const row = oneRow(await queryRows<{ n: string | number }>(q, sql`SELECT nextval('situation_number_seq') AS n`));
  return `CII-${year}-${String(row.n).padStart(4, '0')}`;
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

/** The situation's current version (the demo seed chains use cases that each name the version they read). */
export async function situationVersion(q: Queryable, id: string): Promise<number> {
  const [row] = await q.select({ version: situations.version }).from(situations).where(eq(situations.id, id));
  if (!row) throw new Error(`no situation ${id}`);
  return row.version;
}
