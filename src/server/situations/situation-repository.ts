import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MandateFacts, SituationFacts } from '../../domain/access/situation-access.ts';
import { type DataCategory, consentBasis, swissDay } from '../../domain/consent/consent.ts';
import { type Queryable, queryRows } from '../../db/open-db.ts';
import { oneRow } from '../../db/one-row.ts';
import { planCached } from '../../db/plan-cache.ts';
import { type caseTeamMembers, consents, situations } from '../../db/schema.ts';
import { PAGE_COLUMN_SQL, type PageColumns } from './present-situation.ts';
import type { AccessClock } from './situation-access-sql.ts';

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

export type ConsentRow = typeof consents.$inferSelect;
export type CaseTeamRow = typeof caseTeamMembers.$inferSelect;

const toDate = (v: string | null) => (v === null ? null : new Date(v));

/** A procuration as json_agg writes it (snake_case, timestamps as text), as Drizzle would return it. */
function consentFromJson(c: Record<string, unknown>): ConsentRow {
  return {
    id: c.id as string,
    personId: c.person_id as string,
    situationId: c.situation_id as string | null,
    institutionIds: c.institution_ids as string[],
    dataCategories: c.data_categories as string[],
    signedOn: c.signed_on as string | null,
    validUntil: c.valid_until as string | null,
    scanAttachmentId: c.scan_attachment_id as string | null,
    recordedByUserId: c.recorded_by_user_id as string,
    revokedAt: toDate(c.revoked_at as string | null),
    revokedByUserId: c.revoked_by_user_id as string | null,
    revocationReason: c.revocation_reason as string | null,
    reviewedAt: toDate(c.reviewed_at as string | null),
    reviewedByUserId: c.reviewed_by_user_id as string | null,
    rejectedAt: toDate(c.rejected_at as string | null),
    rejectedByUserId: c.rejected_by_user_id as string | null,
    rejectionReason: c.rejection_reason as string | null,
    version: c.version as number,
    createdAt: new Date(c.created_at as string),
    updatedAt: new Date(c.updated_at as string),
  };
}

function caseTeamFromJson(m: Record<string, unknown>): CaseTeamRow {
  return {
    id: m.id as string,
    situationId: m.situation_id as string,
    userId: m.user_id as string,
    addedByUserId: m.added_by_user_id as string,
    addedAt: new Date(m.added_at as string),
    removedAt: toDate(m.removed_at as string | null),
    removedByUserId: m.removed_by_user_id as string | null,
    version: m.version as number,
  };
}

/**
 * Loads the situation and everything the policy needs about it — the person's
 * procurations, the mandate, the case team — in one query (issue 10: a page is
 * as fast as its round trips). A missing id runs the very same query, so that
 * "not found" and "not yours" take the same time (issue 9).
 */
export async function findSituation(
  q: Queryable,
  id: string,
  clock: AccessClock,
  /** The page's columns too (names, timeline), for whoever will show it: one round trip fewer. */
  options: { withPage?: boolean } = {},
) {
  const [found] = await planCached(
    q
      .select({
        row: situations,
        consents: sql<Record<string, unknown>[] | null>`(SELECT json_agg(c ORDER BY c.created_at, c.id)
        FROM consents c WHERE c.person_id = situations.person_id)`,
        mandate: sql<{
          orp: string;
          cms: string;
          closedAt: string | null;
          handedBackAt: string | null;
          holder: string;
        } | null>`(
        SELECT json_build_object('orp', t.orp_user_id, 'cms', t.cms_user_id, 'closedAt', m.closed_at,
          'handedBackAt', m.handed_back_at, 'holder', m.holder_user_id)
        FROM mandates m JOIN tandems t ON t.id = m.tandem_id WHERE m.situation_id = situations.id LIMIT 1)`,
        team: sql<Record<string, unknown>[] | null>`(SELECT json_agg(ct ORDER BY ct.added_at, ct.id)
        FROM case_team_members ct WHERE ct.situation_id = situations.id)`,
        participants: sql<
          { userId: string | null; institutionId: string | null; role: string; endedAt: string | null }[] | null
        >`(
        SELECT json_agg(json_build_object('userId', cp.user_id, 'institutionId', cp.institution_id,
          'role', cp.role, 'endedAt', LEAST(cp.removed_at, p.ended_at)))
        FROM care_participants cp JOIN care_passages p ON p.id = cp.passage_id
        WHERE cp.situation_id = situations.id)`,
        page: options.withPage ? sql<PageColumns>`${PAGE_COLUMN_SQL}` : sql<null>`NULL::json`,
      })
      .from(situations)
      .where(eq(situations.id, sql.placeholder('id')))
      // Prepared once per connection (PostgreSQL) or database (PGlite): its plan costs more than running it (issue 10).
      .prepare(options.withPage ? 'find_situation_page' : 'find_situation'),
  ).execute({ id });
  if (!found) return null;
  const { row } = found;
  const consentRows = (found.consents ?? []).map(consentFromJson);
  const team = (found.team ?? []).map(caseTeamFromJson);
  const m = found.mandate;
  const mandate: MandateFacts | null = m
    ? {
        memberIds: new Set([m.orp, m.cms]),
        closedAt: toDate(m.closedAt),
        handedBackAt: toDate(m.handedBackAt),
        holderUserId: m.holder,
      }
    : null;
  const facts: SituationFacts = {
    id: row.id,
    status: row.status,
    regionId: row.regionId,
    announcingUserId: row.announcingUserId,
    announcingInstitutionId: row.announcingInstitutionId,
    anonymous: row.anonymous,
    imported: row.imported,
    basis: row.anonymous
      ? new Map()
      : consentBasis(
          consentRows.map((c) => ({ ...c, dataCategories: c.dataCategories as DataCategory[] })),
          clock.today,
        ),
    caseTeam: team.map((t) => ({ userId: t.userId, removedAt: t.removedAt })),
    mandate,
    careParticipants: (found.participants ?? []).map((p) => ({
      userId: p.userId,
      institutionId: p.institutionId,
      role: p.role,
      endedAt: toDate(p.endedAt),
    })),
    now: clock.now,
    graceDays: clock.graceDays,
  };
  return { row, facts, consents: consentRows, team, page: found.page };
}

export async function nextSituationNumber(q: Queryable, year: number): Promise<string> {
  const rows = await queryRows<{ n: string | number }>(q, sql`SELECT nextval('situation_number_seq') AS n`);
  return `CII-${year}-${String(oneRow(rows).n).padStart(4, '0')}`;
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
