import { type SQL, and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { SituationListQuery, SituationSummary } from '../../contracts/situations.ts';
import { checkNavs13 } from '../../domain/person/navs13.ts';
import { foldName } from '../../domain/person/search-name.ts';
import { institutions, persons, situations, users } from '../../db/schema.ts';
import { recordAuditMany } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { situationAccessSql } from './situation-access-sql.ts';
import { accessClock } from './situation-repository.ts';
import { escapeLike } from '../../db/like-pattern.ts';

const DAY = 86_400_000;

/**
 * Search and list, in SQL: only situations the caller may read (the policy's
 * scope as a condition), and a name or NAVS13 matches only where the caller
 * may see the identity — a search never reveals who is in a file one sees
 * anonymously. The situation number matches wherever the situation is visible.
 */
export async function listSituations(ctx: AuthedContext, query: SituationListQuery) {
  const clock = accessClock(ctx);
  const identity = situationAccessSql('read_identity', ctx.actor, clock);
  const conditions: (SQL | undefined)[] = [situationAccessSql('read', ctx.actor, clock)];
  if (query.q) {
    const navs = checkNavs13(query.q);
    const folded = foldName(query.q);
    const byNumber = sql`${situations.number} ILIKE ${`%${escapeLike(query.q)}%`}`;
    const byIdentity = navs.ok
      ? sql`${persons.navs13} = ${navs.value}`
      : folded
        ? sql`${persons.searchName} LIKE ${`%${folded}%`}`
        : sql`false`;
    conditions.push(sql`(${byNumber} OR (${identity} AND ${byIdentity}))`);
  }
  if (query.status) conditions.push(eq(situations.status, query.status));
  if (query.careKind) conditions.push(eq(situations.status, query.careKind));
  if (query.regionId) conditions.push(eq(situations.regionId, query.regionId));
  if (query.institutionId) {
    conditions.push(
      sql`(${situations.announcingInstitutionId} = ${query.institutionId}::uuid
        OR ${query.institutionId}::uuid = ANY(${situations.followingInstitutionIds}))`,
    );
  }
  if (query.mine) conditions.push(eq(situations.announcingUserId, ctx.actor.userId));
  const where = and(...conditions);
  const order =
    query.sort === 'oldest'
      ? [sql`${situations.announcedAt} ASC NULLS LAST`, asc(situations.createdAt), asc(situations.id)]
      : query.sort === 'number'
        ? [asc(situations.number)]
        : [desc(situations.createdAt), desc(situations.id)];

  const rows = await ctx.db
    .select({
      s: situations,
      officialName: persons.officialName,
      firstNames: persons.firstNames,
      identityVisible: sql<boolean>`${identity}`,
      institutionFr: institutions.nameFr,
      institutionDe: institutions.nameDe,
      handlerGiven: users.givenName,
      handlerFamily: users.familyName,
    })
    .from(situations)
    .leftJoin(persons, eq(persons.id, situations.personId))
    .innerJoin(institutions, eq(institutions.id, situations.announcingInstitutionId))
    .leftJoin(users, eq(users.id, situations.handledByUserId))
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(situations)
    .leftJoin(persons, eq(persons.id, situations.personId))
    .where(where);

  const now = ctx.now().getTime();
  const items: SituationSummary[] = rows.map((r) => ({
    id: r.s.id,
    number: r.s.number,
    status: r.s.status,
    regionId: r.s.regionId,
    anonymous: r.s.anonymous,
    displayName: r.identityVisible && r.officialName ? `${r.officialName} ${r.firstNames}` : null,
    ageBand: r.s.ageBand,
    announcingInstitutionName: ctx.lang === 'de' ? r.institutionDe : r.institutionFr,
    announcedAt: r.s.announcedAt?.toISOString() ?? null,
    createdAt: r.s.createdAt.toISOString(),
    waitingDays:
      r.s.announcedAt && (r.s.status === 'announced' || r.s.status === 'under_review')
        ? Math.floor((now - r.s.announcedAt.getTime()) / DAY)
        : null,
    handledByName: r.handlerFamily ? `${r.handlerGiven} ${r.handlerFamily}` : null,
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
      details: { identityShown: Boolean(r.identityVisible && r.officialName), searched: Boolean(query.q) },
    })),
  );
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
