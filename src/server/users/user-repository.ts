import { type SQL, and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { User, UserListQuery } from '../../contracts/users.ts';
import type { Actor, Language } from '../../domain/access/roles.ts';
import { type ListScope, userAbilities } from '../../domain/access/policy.ts';
import { DEFAULT_THROTTLE } from '../../domain/auth/login-throttle.ts';
import type { Queryable } from '../../db/open-db.ts';
import { institutions, users } from '../../db/schema.ts';
import { escapeLike } from '../../db/like-pattern.ts';

type UserRow = typeof users.$inferSelect;

/** The list scope of the access policy, as SQL: rows outside it are never read. */
export function scopeCondition(scope: ListScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'institution':
      return eq(users.institutionId, scope.institutionId);
    case 'self':
      return eq(users.id, scope.userId);
    case 'none':
      return sql`false`;
  }
}

/**
 * Until when some address is locked out of the account by the login throttle
 * (the fifth failure from one address inside the window, none successful from
 * there since, plus the lock time; the latest over all addresses), computed
 * in SQL for a page of users. The same rule as `evaluateLoginThrottle`, from
 * the same constants; the account-wide slowdown (a minute at most) is not a lock.
 */
export const lockedUntil = (now: Date) => sql<Date | string | null>`(
  SELECT max(address_locked_until) FROM (
    SELECT max(la.at) + make_interval(mins => ${DEFAULT_THROTTLE.addressLockMinutes}) AS address_locked_until
    FROM login_attempts la
    WHERE la.username_key = ${users.username} AND NOT la.succeeded
      AND la.at > ${now.toISOString()}::timestamptz - make_interval(mins => ${DEFAULT_THROTTLE.windowMinutes})
      AND la.at > COALESCE(
        (SELECT max(s.at) FROM login_attempts s
          WHERE s.username_key = la.username_key AND s.ip = la.ip AND s.succeeded),
        '-infinity'
      )
    GROUP BY la.ip
    HAVING count(*) >= ${DEFAULT_THROTTLE.addressMaxFailures}
  ) AS locked_addresses
)`;

const columns = (now: Date) => ({
  user: users,
  institutionNameFr: institutions.nameFr,
  institutionNameDe: institutions.nameDe,
  lockedUntil: lockedUntil(now),
});

function present(
  row: { user: UserRow; institutionNameFr: string; institutionNameDe: string; lockedUntil: Date | string | null },
  actor: Actor,
  lang: Language,
  now: Date,
): User {
  const u = row.user;
  const locked = row.lockedUntil ? new Date(row.lockedUntil) : null;
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    phone: u.phone,
    givenName: u.givenName,
    familyName: u.familyName,
    institutionId: u.institutionId,
    institutionName: lang === 'de' ? row.institutionNameDe : row.institutionNameFr,
    officeId: u.officeId,
    regionId: u.regionId,
    roles: u.roles,
    language: u.language,
    disabled: u.disabledAt !== null,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: locked && locked > now ? locked.toISOString() : null,
    version: u.version,
    abilities: userAbilities(actor, u),
  };
}

export async function findUser(q: Queryable, id: string, now: Date) {
  const [row] = await q
    .select(columns(now))
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

export async function findPresentedUser(q: Queryable, id: string, actor: Actor, lang: Language, now: Date) {
  const row = await findUser(q, id, now);
  return row ? present(row, actor, lang, now) : null;
}

export async function listUsers(
  q: Queryable,
  scope: ListScope,
  query: UserListQuery,
  actor: Actor,
  lang: Language,
  now: Date,
) {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(users.username, pattern),
        ilike(users.givenName, pattern),
        ilike(users.familyName, pattern),
        ilike(users.email, pattern),
      ),
    );
  }
  if (query.institutionId) conditions.push(eq(users.institutionId, query.institutionId));
  if (query.role) conditions.push(sql`${query.role}::role = ANY(${users.roles})`);
  if (!query.includeDisabled) conditions.push(isNull(users.disabledAt));
  const where = and(...conditions);
  const rows = await q
    .select(columns(now))
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(where)
    .orderBy(asc(users.familyName), asc(users.givenName), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await q.select({ n: count() }).from(users).where(where);
  return {
    items: rows.map((r) => present(r, actor, lang, now)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Compare-and-set: the update applies only to the version the caller read. */
export async function updateUserIfVersion(
  q: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<Omit<UserRow, 'id' | 'version' | 'createdAt'>>,
) {
  const updated = await q
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning({ id: users.id });
  return updated.length === 1;
}
