import { type SQL, and, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { AuditEntry, AuditFilter } from '../../contracts/audit.ts';
import { auditActionLabel, auditRecordTypeLabel } from '../../domain/audit/action-labels.ts';
import { invalid } from '../../domain/errors.ts';
import { checkNavs13 } from '../../domain/person/navs13.ts';
import { foldName } from '../../domain/person/search-name.ts';
import {
  auditChain,
  auditLog,
  communes,
  institutions,
  measureKinds,
  measures,
  persons,
  regions,
  situations,
  users,
} from '../../db/schema.ts';
import { escapeLike } from '../../db/like-pattern.ts';
import type { AuthedContext } from '../http/context.ts';
import { situationAccessSql } from '../situations/situation-access-sql.ts';
import { accessClock } from '../situations/situation-repository.ts';

/**
 * The audit log's queries (issue 11): the filters as SQL conditions, one page after a cursor in the order of the
 * indexes of migration 0014 — (at, id), and (actor | subject person | record | action, at, id) — so that a page
 * never walks the two million rows of a large canton; then the labels, the situation's number and the person's
 * name, the name only where the access policy lets this reader see that situation's identity.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A person filter finds at most this many persons (a name typed too short matches many). */
const PERSON_MATCHES = 50;

/** The identity rule of the situation page, as SQL on the current `situations` row (parity-tested with `can()`). */
const identitySql = (ctx: AuthedContext) => situationAccessSql('read_identity', ctx.actor, accessClock(ctx));

/**
 * The conditions of a filter, or null when no row can match (a person filter that finds nobody the reader may
 * see). `personIds` are the persons a person filter stands for: the audit row of the reading names them, never
 * the name typed.
 */
export async function auditConditions(
  ctx: AuthedContext,
  filter: AuditFilter,
): Promise<{ where: SQL[]; personIds: string[] } | null> {
  const where: SQL[] = [];
  let personIds: string[] = [];
  if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.subject) where.push(await subjectCondition(ctx, filter.subject));
  if (filter.person) {
    personIds = await visiblePersons(ctx, filter.person);
    if (!personIds.length) return null;
    where.push(inArray(auditLog.subjectPersonId, personIds));
  }
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  // Dates are calendar days in Switzerland.
  if (filter.from) where.push(gte(auditLog.at, sql`(${filter.from}::date)::timestamp AT TIME ZONE 'Europe/Zurich'`));
  if (filter.to) {
    where.push(lt(auditLog.at, sql`((${filter.to}::date) + 1)::timestamp AT TIME ZONE 'Europe/Zurich'`));
  }
  if (filter.allowed !== undefined) where.push(eq(auditLog.allowed, filter.allowed));
  return { where, personIds };
}

/**
 * A situation number (CII-2026-0042) stands for the situation and its person: every row about them, through any
 * file, answers "everything read about this person" without the reader seeing who it is. Anything else is a
 * record's id (a user, a measure…).
 */
async function subjectCondition(ctx: AuthedContext, subject: string): Promise<SQL> {
  const [situation] = /^CII-\d{4}-\d+$/i.test(subject)
    ? await ctx.db
        .select({ id: situations.id, personId: situations.personId })
        .from(situations)
        .where(eq(situations.number, subject.toUpperCase()))
    : [];
  if (!situation) {
    return UUID.test(subject)
      ? (or(eq(auditLog.recordId, subject), eq(auditLog.subjectPersonId, subject.toLowerCase())) ?? sql`false`)
      : eq(auditLog.recordId, subject);
  }
  return (
    or(
      eq(auditLog.recordId, situation.id),
      situation.personId ? eq(auditLog.subjectPersonId, situation.personId) : undefined,
    ) ?? sql`false`
  );
}

/**
 * The persons a name or NAVS13 designates among those whose identity the reader may see in at least one situation:
 * the filter never confirms that someone the reader may not see is in the log.
 */
async function visiblePersons(ctx: AuthedContext, text: string): Promise<string[]> {
  const navs = checkNavs13(text);
  const folded = foldName(text);
  const match = navs.ok
    ? eq(persons.navs13, navs.value)
    : folded
      ? sql`${persons.searchName} LIKE ${`%${escapeLike(folded)}%`}`
      : null;
  if (!match) return [];
  const rows = await ctx.db
    .selectDistinct({ id: persons.id })
    .from(persons)
    .innerJoin(situations, eq(situations.personId, persons.id))
    .where(and(match, identitySql(ctx)))
    .limit(PERSON_MATCHES);
  return rows.map((r) => r.id);
}

/** Where a page ended: its last row's time (PostgreSQL's text, to the microsecond) and id. */
type Cursor = [string, string];

export const encodeAuditCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeAuditCursor(raw: string): Cursor {
  const bad = () => invalid([{ path: 'cursor', messageKey: 'list.badCursor' }]);
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const time = /^\d{4}-(0\d|1[0-2])-[0-3]\d ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d)?$/;
  // The values go to PostgreSQL as typed parameters: a malformed one must not become a 500.
  if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'string' || typeof c[1] !== 'string') throw bad();
  if (!time.test(c[0]) || !/^\d{1,18}$/.test(c[1])) throw bad();
  return [c[0], c[1]];
}

export const afterAuditCursor = ([at, id]: Cursor): SQL =>
  sql`(${auditLog.at}, ${auditLog.id}) < (${at}::timestamptz, ${id}::bigint)`;

export interface AuditRow {
  entry: typeof auditLog.$inferSelect;
  seq: number | null;
  sortAt: string;
  givenName: string | null;
  familyName: string | null;
  institutionNameFr: string | null;
  institutionNameDe: string | null;
}

/** Up to `limit` rows, newest first, with who acted and the chain position. */
export async function selectAuditRows(ctx: AuthedContext, where: SQL[], limit: number): Promise<AuditRow[]> {
  return ctx.db
    .select({
      entry: auditLog,
      seq: auditChain.seq,
      sortAt: sql<string>`${auditLog.at}::text`,
      givenName: users.givenName,
      familyName: users.familyName,
      institutionNameFr: institutions.nameFr,
      institutionNameDe: institutions.nameDe,
    })
    .from(auditLog)
    .leftJoin(auditChain, eq(auditChain.auditId, auditLog.id))
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(institutions, eq(institutions.id, auditLog.actorInstitutionId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** The situation a row is about: the record itself, or the one its details name (a meeting, a measure…). */
function situationOf(entry: AuditRow['entry']): string | null {
  if (entry.recordType === 'situation' && entry.recordId && UUID.test(entry.recordId)) return entry.recordId;
  const fromDetails = (entry.details as Record<string, unknown> | null)?.situationId;
  return typeof fromDetails === 'string' && UUID.test(fromDetails) ? fromDetails : null;
}

const fullName = (officialName: string | null, firstNames: string | null) =>
  officialName ? `${officialName} ${firstNames ?? ''}`.trim() : null;

/**
 * The rows as the reader reads them. A person's name comes only with the identity rule: on the row's situation
 * when it has one, otherwise on some situation of that person. `personsShown` are those whose name left.
 */
export async function presentAuditRows(
  ctx: AuthedContext,
  rows: readonly AuditRow[],
): Promise<{ entries: AuditEntry[]; personsShown: string[] }> {
  const situationIds = [...new Set(rows.map((r) => situationOf(r.entry)).filter((id) => id !== null))];
  const identity = identitySql(ctx);
  const found = situationIds.length
    ? await ctx.db
        .select({
          id: situations.id,
          number: situations.number,
          personId: situations.personId,
          identityVisible: sql<boolean>`${identity}`,
          officialName: persons.officialName,
          firstNames: persons.firstNames,
        })
        .from(situations)
        .leftJoin(persons, eq(persons.id, situations.personId))
        .where(inArray(situations.id, situationIds))
    : [];
  const bySituation = new Map(found.map((s) => [s.id, s]));
  // The row names the person it was about: the situation's own person, or — when the row was about someone else
  // (a row on no situation, a person since merged away) — that person, shown only if the reader sees them elsewhere.
  const aboutItsSituation = (entry: { subjectPersonId: string | null }, s: { personId: string | null } | undefined) =>
    s !== undefined && (entry.subjectPersonId === null || entry.subjectPersonId === s.personId);
  const loosePersons = [
    ...new Set(
      rows
        .filter((r) => !aboutItsSituation(r.entry, bySituation.get(situationOf(r.entry) ?? '')))
        .map((r) => r.entry.subjectPersonId)
        .filter((id) => id !== null),
    ),
  ];
  const visiblePeople = loosePersons.length
    ? await ctx.db
        .select({ id: persons.id, officialName: persons.officialName, firstNames: persons.firstNames })
        .from(persons)
        .where(
          and(
            inArray(persons.id, loosePersons),
            sql`EXISTS (SELECT 1 FROM ${situations} WHERE ${situations.personId} = ${persons.id} AND ${identity})`,
          ),
        )
    : [];
  const byPerson = new Map(visiblePeople.map((p) => [p.id, fullName(p.officialName, p.firstNames)]));
  const recordNames = await namesOfRecords(ctx, rows);

  const shown = new Set<string>();
  const entries = rows.map(({ entry, seq, ...r }): AuditEntry => {
    const situation = bySituation.get(situationOf(entry) ?? '');
    let personName: string | null = null;
    if (situation && aboutItsSituation(entry, situation)) {
      if (situation.identityVisible) personName = fullName(situation.officialName, situation.firstNames);
      if (personName && situation.personId) shown.add(situation.personId);
    } else if (entry.subjectPersonId) {
      personName = byPerson.get(entry.subjectPersonId) ?? null;
      if (personName) shown.add(entry.subjectPersonId);
    }
    return {
      id: String(entry.id),
      seq, // the position in the chain (audit_chain), null until sealed
      at: entry.at.toISOString(),
      actorUserId: entry.actorUserId,
      actorName: r.familyName ? `${r.givenName} ${r.familyName}` : null,
      actorInstitutionName: (ctx.lang === 'de' ? r.institutionNameDe : r.institutionNameFr) ?? null,
      action: entry.action,
      actionLabel: auditActionLabel(entry.action, ctx.lang),
      recordType: entry.recordType,
      recordTypeLabel: auditRecordTypeLabel(entry.recordType, ctx.lang),
      recordId: entry.recordId,
      recordName: recordNames.get(`${entry.recordType}:${entry.recordId}`) ?? null,
      situationId: situation?.id ?? null,
      situationNumber: situation?.number ?? null,
      subjectPersonId: entry.subjectPersonId,
      personName,
      ip: entry.ip,
      allowed: entry.allowed,
      details: (entry.details ?? {}) as Record<string, unknown>,
    };
  });
  return { entries, personsShown: [...shown] };
}

/**
 * What an administrator may read anyway, by name instead of an id: the users (their accounts), the institutions and
 * regions (the directory every user reads). Persons come only through the identity rule above.
 */
async function namesOfRecords(ctx: AuthedContext, rows: readonly AuditRow[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(
      rows
        .filter((r) => r.entry.recordType === type && r.entry.recordId && UUID.test(r.entry.recordId))
        .map((r) => r.entry.recordId as string),
    ),
  ];
  const names = new Map<string, string>();
  const userIds = idsOf('user');
  if (userIds.length) {
    const found = await ctx.db
      .select({ id: users.id, givenName: users.givenName, familyName: users.familyName, username: users.username })
      .from(users)
      .where(inArray(users.id, userIds));
    for (const u of found) names.set(`user:${u.id}`, `${u.givenName} ${u.familyName} (${u.username})`);
  }
  const local = (r: { nameFr: string; nameDe: string }) => (ctx.lang === 'de' ? r.nameDe : r.nameFr);
  const institutionIds = idsOf('institution');
  if (institutionIds.length) {
    const found = await ctx.db
      .select({ id: institutions.id, nameFr: institutions.nameFr, nameDe: institutions.nameDe })
      .from(institutions)
      .where(inArray(institutions.id, institutionIds));
    for (const i of found) names.set(`institution:${i.id}`, local(i));
  }
  const regionIds = idsOf('region');
  if (regionIds.length) {
    const found = await ctx.db
      .select({ id: regions.id, nameFr: regions.nameFr, nameDe: regions.nameDe })
      .from(regions)
      .where(inArray(regions.id, regionIds));
    for (const r of found) names.set(`region:${r.id}`, local(r));
  }
  const communeIds = idsOf('commune');
  if (communeIds.length) {
    const found = await ctx.db
      .select({ id: communes.id, name: communes.name })
      .from(communes)
      .where(inArray(communes.id, communeIds));
    for (const c of found) names.set(`commune:${c.id}`, c.name);
  }
  // A measure by its kind ("Stage en entreprise"): what was decided or read, not whom it concerns (the person's name
  // is in its own column, under the identity rule).
  const kindIds = idsOf('measure_kind');
  const measureIds = idsOf('measure');
  if (measureIds.length || kindIds.length) {
    const byMeasure = measureIds.length
      ? await ctx.db
          .select({ id: measures.id, nameFr: measureKinds.nameFr, nameDe: measureKinds.nameDe })
          .from(measures)
          .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
          .where(inArray(measures.id, measureIds))
      : [];
    for (const m of byMeasure) names.set(`measure:${m.id}`, local(m));
    const byKind = kindIds.length
      ? await ctx.db
          .select({ id: measureKinds.id, nameFr: measureKinds.nameFr, nameDe: measureKinds.nameDe })
          .from(measureKinds)
          .where(inArray(measureKinds.id, kindIds))
      : [];
    for (const k of byKind) names.set(`measure_kind:${k.id}`, local(k));
  }
  return names;
}
