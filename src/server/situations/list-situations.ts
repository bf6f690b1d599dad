import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { SituationListQuery, SituationSummary } from '../../contracts/situations.ts';
import { bureauRegions } from '../../domain/access/situation-access.ts';
import { invalid } from '../../domain/errors.ts';
import { checkNavs13 } from '../../domain/person/navs13.ts';
import { foldName } from '../../domain/person/search-name.ts';
import type { SituationStatus } from '../../domain/situation/situation-lifecycle.ts';
import { queryRows } from '../../db/open-db.ts';
import { institutions, persons, situations } from '../../db/schema.ts';
import { escapeLike } from '../../db/like-pattern.ts';
import { recordAuditMany } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { type AccessClock, situationAccessSql, visibleSituationIdsSql } from './situation-access-sql.ts';
import { accessClock } from './situation-repository.ts';

const DAY = 86_400_000;

/**
 * The rows the caller may read, in the shape that suits its scope. The Bureau
 * sees whole regions: walking the list's order and probing each row's grants
 * stops after one page. Anyone else sees few files: their grants, found by
 * index, are the candidates. (Left to its statistics, the planner sometimes
 * takes a region's tens of thousands of grants for a few hundred and sorts
 * them all.)
 */
function readScope(ctx: AuthedContext, clock: AccessClock): SQL {
  return bureauRegions(ctx.actor) !== null
    ? situationAccessSql('read', ctx.actor, clock)
    : sql`${situations.id} IN (${visibleSituationIdsSql('read', ctx.actor, clock)})`;
}

type Sort = SituationListQuery['sort'];
/** Where a page ended: the sort's values of its last row (timestamps as PostgreSQL's text, to the microsecond). */
type Cursor = { sort: Sort; v: (string | null)[] };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(raw: string, sort: Sort): Cursor {
  const bad = () => invalid([{ path: 'cursor', messageKey: 'list.badCursor' }]);
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const arity = { newest: 2, oldest: 3, number: 1 }[sort];
  const ok =
    typeof c === 'object' &&
    c !== null &&
    (c as Cursor).sort === sort &&
    Array.isArray((c as Cursor).v) &&
    (c as Cursor).v.length === arity &&
    (c as Cursor).v.every((x, i) => (x === null && sort === 'oldest' && i === 0) || typeof x === 'string') &&
    (c as Cursor).v.every((x) => x === null || x.length <= 60);
  if (!ok) throw bad();
  const v = (c as Cursor).v;
  // The values go to PostgreSQL as typed parameters: a malformed one must not become a 500.
  const isTime = (x: string | null) =>
    x === null ||
    /^\d{4}-(0\d|1[0-2])-[0-3]\d ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-](0\d|1[0-5])(:[0-5]\d)?$/.test(x);
  const isId = (x: string | null) => x !== null && /^[0-9a-f-]{36}$/i.test(x);
  const [first = null, second = null, third = null] = v;
  if (sort === 'newest' && !(isTime(first) && isId(second))) throw bad();
  if (sort === 'oldest' && !(isTime(first) && isTime(second) && isId(third))) throw bad();
  return { sort, v };
}

/** The rows after the cursor, in the sort's order. */
function afterCursor(c: Cursor): SQL {
  const [a, b, id] = c.v;
  switch (c.sort) {
    case 'newest':
      return sql`(${situations.createdAt}, ${situations.id}) < (${a}::timestamptz, ${b}::uuid)`;
    case 'number':
      return sql`${situations.number} > ${a}`;
    case 'oldest':
      // Announcement date ascending, never-announced (drafts) last.
      return a === null
        ? sql`(${situations.announcedAt} IS NULL
            AND (${situations.createdAt}, ${situations.id}) > (${b}::timestamptz, ${id}::uuid))`
        : sql`(${situations.announcedAt} > ${a}::timestamptz OR ${situations.announcedAt} IS NULL
            OR (${situations.announcedAt} = ${a}::timestamptz
              AND (${situations.createdAt}, ${situations.id}) > (${b}::timestamptz, ${id}::uuid)))`;
  }
}

const ORDER: Record<Sort, SQL> = {
  newest: sql`${situations.createdAt} DESC, ${situations.id} DESC`,
  oldest: sql`${situations.announcedAt} ASC NULLS LAST, ${situations.createdAt} ASC, ${situations.id} ASC`,
  number: sql`${situations.number} ASC`,
};

/**
 * Search and list, in SQL: only situations the caller may read (its grants,
 * found by index), and a name or NAVS13 matches only where the caller may see
 * the identity — a search never reveals who is in a file one sees anonymously.
 * The situation number matches wherever the situation is visible. One page at
 * a time, after a cursor, without counting every visible row.
 */
export async function listSituations(
  ctx: AuthedContext,
  query: SituationListQuery,
  /** Tests compare every way of searching over the same data. */
  options: { narrowScope?: number; commonNameShare?: number } = {},
) {
  const clock = accessClock(ctx);
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  const identity = situationAccessSql('read_identity', ctx.actor, clock);
  const conditions: (SQL | undefined)[] = [readScope(ctx, clock)];
  if (query.q) {
    // A NAVS13 or a number finds at most a few candidates by index: only a name search may be cheaper row by row.
    const byName = !checkNavs13(query.q).ok && foldName(query.q) !== '';
    // The Bureau sees whole regions: never few enough to check each one (unless a test asks).
    const narrow =
      byName &&
      (options.narrowScope !== undefined || bureauRegions(ctx.actor) === null) &&
      (await visibleAtMost(ctx, clock, options.narrowScope ?? NARROW_SCOPE));
    const common =
      byName && !narrow && (await isCommonName(ctx, foldName(query.q), options.commonNameShare ?? COMMON_NAME_SHARE));
    conditions.push(searchCondition(query.q, identity, narrow ? 'each_visible' : common ? 'walk' : 'candidates'));
  }
  if (query.status) conditions.push(eq(situations.status, query.status));
  if (query.careKind) conditions.push(eq(situations.careKind, query.careKind));
  if (query.regionId) conditions.push(eq(situations.regionId, query.regionId));
  if (query.institutionId) {
    conditions.push(
      sql`(${situations.announcingInstitutionId} = ${query.institutionId}::uuid
        OR ${situations.followingInstitutionIds} @> ARRAY[${query.institutionId}::uuid])`,
    );
  }
  if (query.mine) conditions.push(eq(situations.announcingUserId, ctx.actor.userId));
  if (cursor) conditions.push(afterCursor(cursor));
  return presentPage(ctx, await selectSummaries(ctx, and(...conditions), identity, query.sort, query.pageSize), {
    sort: query.sort,
    pageSize: query.pageSize,
    searched: Boolean(query.q),
  });
}

/**
 * The Bureau's queue in one query: situations announced or under review that
 * it may read, oldest first (the region scope is the grants').
 */
export async function listQueueRows(ctx: AuthedContext, regionId: string | undefined, limit: number) {
  const clock = accessClock(ctx);
  const statuses: SituationStatus[] = ['announced', 'under_review'];
  const where = and(
    readScope(ctx, clock),
    sql`${situations.status} IN ${statuses}`,
    regionId ? eq(situations.regionId, regionId) : undefined,
  );
  const identity = situationAccessSql('read_identity', ctx.actor, clock);
  const page = await presentPage(ctx, await selectSummaries(ctx, where, identity, 'oldest', limit), {
    sort: 'oldest',
    pageSize: limit,
    searched: false,
  });
  return page.items;
}

/** Up to this many visible situations, a search checks each of them; beyond, it starts from the search's indexes. */
const NARROW_SCOPE = 2_000;

/** Whether the caller sees at most `limit` situations: one index-only scan, stopped at limit + 1 grants. */
async function visibleAtMost(ctx: AuthedContext, clock: AccessClock, limit: number) {
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM (${visibleSituationIdsSql('read', ctx.actor, clock)} LIMIT ${limit + 1}) v`,
  );
  return (row?.n ?? 0) <= limit;
}

/**
 * A name carried by at least this share of all persons (a common surname: Favre, Crettaz) is searched by walking
 * the list in its order: nearly one row in a hundred matches, so a page fills after a few thousand rows, where
 * starting from the candidates would fetch, check and sort every one of them (measured at 100,000 situations:
 * 12 ms against 35–60 ms for 1,300 namesakes). A rarer name starts from its candidates.
 */
const COMMON_NAME_SHARE = 0.008;
/**
 * …and at least this many namesakes: below a few hundred, fetching and sorting them all is cheap on either engine
 * (PGlite at 20,000 situations: 46 ms for 260 namesakes, against 130–210 ms walking).
 */
const COMMON_NAME_MIN = 500;

/**
 * Whether at least `share` of the persons (and COMMON_NAME_MIN) match the folded name, by the planner's
 * estimates (its trigram statistics for the name, the table's size): planning costs a fraction of a millisecond
 * where counting a thousand namesakes costs several. The answer only chooses the plan: every shape finds the same rows.
 */
async function isCommonName(ctx: AuthedContext, folded: string, share: number): Promise<boolean> {
  if (share <= 0) return true;
  if (share > 1) return false;
  const pattern = `%${escapeLike(folded)}%`;
  const [explained] = await queryRows<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }>(
    ctx.db,
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM persons p WHERE p.search_name LIKE ${pattern}`,
  );
  const [size] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT greatest(c.reltuples, 0)::float8 AS n FROM pg_class c WHERE c.oid = 'persons'::regclass`,
  );
  const plan = explained?.['QUERY PLAN'];
  const rows = (typeof plan === 'string' ? JSON.parse(plan) : plan)?.[0]?.Plan?.['Plan Rows'];
  return typeof rows === 'number' && rows >= Math.max(COMMON_NAME_MIN, share * Number(size?.n ?? 0));
}

/**
 * A search by situation number, or by name or NAVS13 where the identity is
 * visible, in one of three shapes:
 * - `each_visible`: a caller who sees few situations (a professional, a
 *   tandem) has each of them checked against the pattern;
 * - `candidates`: one who sees a region (the Bureau) gets the candidates from
 *   the indexes first — trigram on the number and the folded name, equality on
 *   the NAVS13 — since walking tens of thousands of visible rows would cost more;
 * - `walk`: for a common name (COMMON_NAME_SHARE), whose namesakes are dense
 *   enough that walking the list's order fills a page sooner than fetching and
 *   sorting every one of them.
 * Whichever the shape, a name matches only where the caller may see the identity
 * (the tests compare the three over every demo account).
 */
function searchCondition(q: string, identity: SQL, shape: 'each_visible' | 'candidates' | 'walk'): SQL {
  const navs = checkNavs13(q);
  const folded = foldName(q);
  const numberPattern = `%${escapeLike(q)}%`;
  const namePattern = `%${escapeLike(folded)}%`;
  const byNumber = sql`${situations.number} ILIKE ${numberPattern}`;
  if (shape === 'each_visible') {
    const byPerson = navs.ok
      ? sql`${persons.navs13} = ${navs.value}`
      : folded
        ? sql`${persons.searchName} LIKE ${namePattern}`
        : null;
    return byPerson ? sql`(${byNumber} OR (${byPerson} AND ${identity}))` : byNumber;
  }
  const personMatch = navs.ok
    ? sql`SELECT p.id FROM persons p WHERE p.navs13 = ${navs.value}`
    : folded
      ? sql`SELECT p.id FROM persons p WHERE p.search_name LIKE ${namePattern}`
      : null;
  if (shape === 'walk' && personMatch) {
    // The numbers that match come from their trigram index once (a hashed set), not by an ILIKE on every row walked.
    const numbers = sql`SELECT c.id FROM situations c WHERE c.number ILIKE ${numberPattern}`;
    return sql`(${situations.id} IN (${numbers}) OR (${situations.personId} IN (${personMatch}) AND ${identity}))`;
  }
  if (!personMatch) {
    const candidates = sql`SELECT c.id FROM situations c WHERE c.number ILIKE ${numberPattern}`;
    return sql`(${situations.id} IN (${candidates}) AND ${byNumber})`;
  }
  // The candidates first, each branch from its own index (an OR across both would scan every visible row).
  const candidates = sql`SELECT c.id FROM situations c WHERE c.number ILIKE ${numberPattern}
    UNION ALL SELECT c.id FROM situations c WHERE c.person_id IN (${personMatch})`;
  return sql`(${situations.id} IN (${candidates})
    AND (${byNumber} OR (${situations.personId} IN (${personMatch}) AND ${identity})))`;
}

/** Only what a list row shows: the long texts and the anonymous profile stay in the table. */
const SUMMARY_COLUMNS = {
  id: situations.id,
  number: situations.number,
  status: situations.status,
  regionId: situations.regionId,
  anonymous: situations.anonymous,
  imported: situations.imported,
  personId: situations.personId,
  ageBand: situations.ageBand,
  announcedAt: situations.announcedAt,
  createdAt: situations.createdAt,
};

interface Row {
  s: { [K in keyof typeof SUMMARY_COLUMNS]: (typeof situations.$inferSelect)[K] };
  sortKey: (string | null)[];
  officialName: string | null;
  firstNames: string | null;
  identityVisible: boolean;
  institutionFr: string;
  institutionDe: string;
  handlerName: string | null;
}

async function selectSummaries(
  ctx: AuthedContext,
  where: SQL | undefined,
  identity: SQL,
  sort: Sort,
  pageSize: number,
): Promise<{ rows: Row[]; more: boolean }> {
  const sortKey = {
    newest: sql<(string | null)[]>`ARRAY[${situations.createdAt}::text, ${situations.id}::text]`,
    oldest: sql<
      (string | null)[]
    >`ARRAY[${situations.announcedAt}::text, ${situations.createdAt}::text, ${situations.id}::text]`,
    number: sql<(string | null)[]>`ARRAY[${situations.number}]`,
  }[sort];
  const rows = await ctx.db
    .select({
      s: SUMMARY_COLUMNS,
      sortKey,
      officialName: persons.officialName,
      firstNames: persons.firstNames,
      identityVisible: sql<boolean>`${identity}`,
      institutionFr: institutions.nameFr,
      institutionDe: institutions.nameDe,
      // A look-up per row shown, by primary key: as a join, the planner scans every user for each row.
      handlerName: sql<string | null>`(SELECT u.given_name || ' ' || u.family_name FROM users u
        WHERE u.id = ${situations.handledByUserId})`,
    })
    .from(situations)
    .leftJoin(persons, eq(persons.id, situations.personId))
    .innerJoin(institutions, eq(institutions.id, situations.announcingInstitutionId))
    .where(where)
    .orderBy(ORDER[sort])
    // One more than shown: whether there is a next page, without counting.
    .limit(pageSize + 1);
  return { rows: rows.slice(0, pageSize), more: rows.length > pageSize };
}

async function presentPage(
  ctx: AuthedContext,
  { rows, more }: { rows: Row[]; more: boolean },
  page: { sort: Sort; pageSize: number; searched: boolean },
) {
  const now = ctx.now().getTime();
  const items: SituationSummary[] = rows.map((r) => ({
    id: r.s.id,
    number: r.s.number,
    status: r.s.status,
    regionId: r.s.regionId,
    anonymous: r.s.anonymous,
    imported: r.s.imported,
    displayName: r.identityVisible && r.officialName ? `${r.officialName} ${r.firstNames}` : null,
    ageBand: r.s.ageBand,
    announcingInstitutionName: ctx.lang === 'de' ? r.institutionDe : r.institutionFr,
    announcedAt: r.s.announcedAt?.toISOString() ?? null,
    createdAt: r.s.createdAt.toISOString(),
    waitingDays:
      r.s.announcedAt && (r.s.status === 'announced' || r.s.status === 'under_review')
        ? Math.floor((now - r.s.announcedAt.getTime()) / DAY)
        : null,
    handledByName: r.handlerName,
  }));
  // One row per situation shown, with its person: "everything read about this person" is then one filter away.
  await recordAuditMany(
    ctx.db,
    ctx,
    rows.map((r) => ({
      action: 'situation.list',
      recordType: 'situation',
      recordId: r.s.id,
      subjectPersonId: r.s.personId ?? undefined,
      allowed: true,
      details: { identityShown: Boolean(r.identityVisible && r.officialName), searched: page.searched },
    })),
  );
  const last = rows.at(-1);
  return {
    items,
    pageSize: page.pageSize,
    nextCursor: more && last ? encodeCursor({ sort: page.sort, v: last.sortKey }) : null,
  };
}
