import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/open-db.ts';
import { queryRows } from '../../src/db/open-db.ts';
import { auditLog, institutions, persons, situations, users } from '../../src/db/schema.ts';
import { type SituationListQuery, SituationListQuerySchema } from '../../src/contracts/situations.ts';
import type { SituationStatus } from '../../src/domain/situation/situation-lifecycle.ts';
import type { AuthedContext } from '../../src/server/http/context.ts';
import { FiguresQuerySchema } from '../../src/contracts/figures.ts';
import { getFigures } from '../../src/server/figures/get-figures.ts';
import { getSituation } from '../../src/server/situations/get-situation.ts';
import { listSituations } from '../../src/server/situations/list-situations.ts';
import { contextFor } from './bench-context.ts';
import type { Request } from './load.ts';

/**
 * The pairs `npm run bench` measures, each an A (the use case as the
 * application runs it) and a B (a floor, or the same without one part), called
 * in-process at the use-case level with contexts built as the session hook
 * builds them.
 */
export interface Pair {
  key: string;
  group: 'list' | 'page' | 'audit' | 'yearly' | 'figures' | 'engine';
  title: string;
  aLabel: string;
  bLabel: string;
  a: Request;
  b: Request;
  /** What to say about this pair (how B is built, what is not yet measured). */
  note?: string;
  /** Client counts for this pair instead of --clients (the figures: one reader's wait is what counts). */
  clients?: number[];
}

/**
 * The three callers of the issue: a regional coordinator, an ORP counsellor who announces, a tandem member.
 * The status filter is the most frequent status on the caller's first page; `status` when that page is empty.
 */
export const ACTORS = [
  { role: 'coordinator', username: 'coord.sion', status: 'closed' },
  { role: 'field professional', username: 'orp.sion', status: 'closed' },
  { role: 'tandem member', username: 'tandem.orp', status: 'tandem' },
] as const satisfies readonly { role: string; username: string; status: SituationStatus }[];

/**
 * The list's query in one place: keyset pages (`cursor`) since issue 10; the
 * bench asks the first page of 50, newest first, as the screen does.
 */
export function listQuery(o: { q?: string; status?: SituationStatus } = {}): SituationListQuery {
  return SituationListQuerySchema.parse({ pageSize: 50, sort: 'newest', ...o });
}

/** The floor of a list: the same columns of the same rows, fetched by primary key. */
export async function fetchByIds(db: Db, ids: readonly string[]) {
  return db
    .select({
      s: situations,
      officialName: persons.officialName,
      firstNames: persons.firstNames,
      institutionFr: institutions.nameFr,
      institutionDe: institutions.nameDe,
      handlerGiven: users.givenName,
      handlerFamily: users.familyName,
    })
    .from(situations)
    .leftJoin(persons, eq(persons.id, situations.personId))
    .innerJoin(institutions, eq(institutions.id, situations.announcingInstitutionId))
    .leftJoin(users, eq(users.id, situations.handledByUserId))
    .where(sql`${situations.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`);
}

/** The floor of a page: the situation's row and its person, by primary key. */
export async function fetchSituationRow(db: Db, id: string) {
  return db
    .select()
    .from(situations)
    .leftJoin(persons, eq(persons.id, situations.personId))
    .where(eq(situations.id, id));
}

/**
 * The same database without its audit writes, for the B side of "page with and
 * without its audit row": a use case's `recordAudit(ctx.db, …)` inserts into
 * audit_log through `ctx.db.insert(auditLog)`, which this wrapper answers
 * with nothing. The application's code is unchanged: nothing in src can turn
 * auditing off. (Writes inside a transaction go through `tx` and are kept;
 * getSituation writes its row outside one.) `passThrough` is the same wrapper
 * without the interception, so that both sides pay for the indirection.
 */
export function withoutAuditWrites(db: Db): Db {
  return wrap(db, true);
}
export function passThrough(db: Db): Db {
  return wrap(db, false);
}
function wrap(db: Db, skipAudit: boolean): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'insert') {
        return (table: Parameters<Db['insert']>[0]) =>
          skipAudit && table === auditLog ? { values: async () => undefined } : target.insert(table);
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The yearly figures' query: situations by year of announcement, region and status. */
export const YEARLY_TEXT = `SELECT extract(year FROM announced_at)::int AS year, region_id, status, count(*)::int AS n
  FROM situations WHERE announced_at IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
export const YEARLY_SQL = sql.raw(YEARLY_TEXT);

/**
 * The yearly figures as a statistics reader asks them (issue 13: `getFigures` for the canton and the latest year
 * with announcements, the internal view: the whole cube, the indicators, the previous year, its audit row) against
 * the bare GROUP BY over the same situations (YEARLY_TEXT) on the same pool.
 */
export async function figuresPair(db: Db): Promise<Pair> {
  const reader = await contextFor(db, 'copil.stats');
  const [latest] = await queryRows<{ year: number | null }>(
    db,
    sql`SELECT extract(year FROM max(announced_at))::int AS year FROM situations`,
  );
  const year = latest?.year ?? new Date().getUTCFullYear();
  const query = FiguresQuerySchema.parse({ year });
  return {
    key: 'figures/yearly',
    group: 'figures',
    title: `yearly figures ${year} · canton · statistics reader · getFigures vs the bare GROUP BY`,
    aLabel: 'getFigures (copil.stats, internal view)',
    bLabel: 'GROUP BY year × region × status over every situation',
    a: () => getFigures(reader, query),
    b: () => queryRows(db, YEARLY_SQL),
    clients: [1, 8],
  };
}

const rotate = <T>(xs: readonly T[], n: number) => xs[n % xs.length]!;

/** Search terms a caller would type: a family name and a NAVS13 among the files it sees with the identity. */
async function searchTermsFor(db: Db, ctx: AuthedContext) {
  const page = await listSituations(ctx, listQuery());
  const named = page.items.find((i) => i.displayName);
  const [person] = named
    ? await queryRows<{ name: string; navs13: string | null }>(
        db,
        sql`SELECT p.official_name AS name, p.navs13 FROM situations s JOIN persons p ON p.id = s.person_id
            WHERE s.id = ${named.id}`,
      )
    : [];
  const [anyNavs] = await queryRows<{ navs13: string }>(
    db,
    sql`SELECT navs13 FROM persons WHERE navs13 IS NOT NULL LIMIT 1`,
  );
  return { name: person?.name.split(/[\s-]/)[0] ?? 'Rey', navs13: person?.navs13 ?? anyNavs?.navs13 ?? '' };
}

/** The status most frequent on the caller's first page (a filter that shows rows), else `fallback`. */
async function commonStatus(ctx: AuthedContext, fallback: SituationStatus): Promise<SituationStatus> {
  const counts = new Map<SituationStatus, number>();
  for (const item of (await listSituations(ctx, listQuery())).items) {
    counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  }
  return [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? fallback;
}

/** List pairs for each actor and variant, and the page and audit pairs for the coordinator. */
export async function applicationPairs(db: Db): Promise<Pair[]> {
  const pairs: Pair[] = [];
  const appDb = passThrough(db);
  let pageIds: string[] = [];
  let coordinator: AuthedContext | null = null;
  for (const actor of ACTORS) {
    const ctx = await contextFor(appDb, actor.username);
    if (actor.role === 'coordinator') coordinator = ctx;
    const terms = await searchTermsFor(db, ctx);
    const status = await commonStatus(ctx, actor.status);
    const variants: [string, SituationListQuery][] = [
      ['default', listQuery()],
      [`status=${status}`, listQuery({ status })],
      [`name "${terms.name}"`, listQuery({ q: terms.name })],
      ['NAVS13', listQuery({ q: terms.navs13 })],
    ];
    for (const [variant, query] of variants) {
      // The floor fetches exactly the rows this list shows.
      const ids = (await listSituations(ctx, query)).items.map((i) => i.id);
      if (actor.role === 'coordinator' && variant === 'default') pageIds = ids;
      pairs.push({
        key: `list/${actor.role}/${variant.split(/[ =]/)[0]}`,
        group: 'list',
        title: `list · ${actor.role} (${actor.username}) · ${variant} · ${ids.length} rows`,
        aLabel: 'listSituations',
        bLabel: 'same rows by id',
        a: () => listSituations(ctx, query),
        b: () => (ids.length ? fetchByIds(db, ids) : fetchByIds(db, ['00000000-0000-0000-0000-000000000000'])),
      });
    }
  }
  if (coordinator && pageIds.length) {
    const ctx = coordinator;
    const quiet = { ...ctx, db: withoutAuditWrites(db) };
    pairs.push(
      {
        key: 'page/coordinator',
        group: 'page',
        title: `situation page · coordinator · ${pageIds.length} situations in turn`,
        aLabel: 'getSituation',
        bLabel: 'row + person by id',
        a: (n) => getSituation(ctx, rotate(pageIds, n)),
        b: (n) => fetchSituationRow(db, rotate(pageIds, n)),
      },
      {
        key: 'audit/page',
        group: 'audit',
        title: 'situation page · with its audit row (A) and without (B)',
        aLabel: 'getSituation',
        bLabel: 'getSituation, no audit write',
        a: (n) => getSituation(ctx, rotate(pageIds, n)),
        b: (n) => getSituation(quiet, rotate(pageIds, n)),
      },
    );
  }
  return pairs;
}
