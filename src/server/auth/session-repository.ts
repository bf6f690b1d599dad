import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/open-db.ts';
import { institutions, loginAttempts, sessions, users } from '../../db/schema.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newSessionToken = () => randomBytes(32).toString('base64url');

export async function insertSession(
  q: Queryable,
  values: { token: string; userId: string; now: Date; ip: string; userAgent: string | null },
) {
  await q.insert(sessions).values({
    id: hashToken(values.token),
    userId: values.userId,
    createdAt: values.now,
    lastSeenAt: values.now,
    ip: values.ip,
    userAgent: values.userAgent?.slice(0, 300) ?? null,
  });
}

/** The live session of a token, with what the access policy needs about its user. */
export async function findSessionWithUser(q: Queryable, token: string) {
  const [row] = await q
    .select({ session: sessions, user: users, institutionKind: institutions.kind })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(and(eq(sessions.id, hashToken(token)), isNull(sessions.endedAt)))
    .limit(1);
  return row ?? null;
}

export async function touchSession(q: Queryable, sessionId: string, now: Date) {
  await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function endSession(q: Queryable, sessionId: string, now: Date) {
  await q
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every session of a user but one (after a password change) or all (disable, reset). */
export async function endUserSessions(q: Queryable, userId: string, now: Date, exceptSessionId?: string) {
  await q
    .update(sessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );
}

export async function recordLoginAttempt(
  q: Queryable,
  values: { usernameKey: string; ip: string; at: Date; succeeded: boolean },
) {
  await q.insert(loginAttempts).values(values);
}

/** Failures for this account name since its last success, and failures from this IP, inside the window. */
export async function recentFailures(q: Queryable, usernameKey: string, ip: string, since: Date) {
  const account = await queryRows<{ at: unknown }>(q, sql`
    SELECT at FROM login_attempts
    WHERE username_key = ${usernameKey} AND NOT succeeded AND at > ${since.toISOString()}::timestamptz
      AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE username_key = ${usernameKey} AND succeeded), '-infinity')
    ORDER BY at`);
  const byIp = await q
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    accountFailures: account.map((r) => toDate(r.at)),
    ipFailures: byIp.map((r) => r.at),
  };
}
