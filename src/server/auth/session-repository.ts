import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Queryable, type Tx, queryRows } from '../../db/open-db.ts';
import { institutions, loginAttempts, sessions, users } from '../../db/schema.ts';
import { oneRow } from '../../db/one-row.ts';

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

// Advisory lock classes (two-int form, a key space apart from the migrations' one-bigint lock).
const LOGIN_ACCOUNT_LOCK = 1_001;
const LOGIN_ADDRESS_LOCK = 1_002;

/**
 * Serialises the throttle check and the reservation of an attempt for one
 * account name and for one address, until the caller's transaction ends.
 * Always the account first, then the address: a transaction never waits for
 * an account lock while holding an address lock, so no deadlock.
 */
export async function lockLoginKeys(tx: Tx, usernameKey: string, ip: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOGIN_ACCOUNT_LOCK}, hashtext(${usernameKey}))`);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOGIN_ADDRESS_LOCK}, hashtext(${ip}))`);
}

/**
 * Records an attempt before its password is checked. It is written as a
 * failure, so that concurrent attempts count it, and becomes a success only
 * if the password was right; one abandoned half-way stays a failure.
 */
export async function reserveLoginAttempt(
  tx: Tx,
  values: { usernameKey: string; ip: string; at: Date },
): Promise<bigint> {
  const row = oneRow(
    await tx
      .insert(loginAttempts)
      .values({ ...values, succeeded: false })
      .returning({ id: loginAttempts.id }),
  );
  return row.id;
}

export async function markLoginAttemptSucceeded(q: Queryable, attemptId: bigint) {
  await q.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

/**
 * Ends every run of failures of an account, from every address (an
 * administrator's password reset: they have checked who asks). A success on
 * record per address is what ends a run, as a real sign-in does.
 */
export async function endLoginFailureRuns(q: Queryable, usernameKey: string, now: Date, since: Date) {
  await q.execute(sql`
    INSERT INTO login_attempts (at, username_key, ip, succeeded)
    SELECT ${now.toISOString()}::timestamptz, ${usernameKey}, ip, true FROM login_attempts
    WHERE username_key = ${usernameKey} AND NOT succeeded AND at > ${since.toISOString()}::timestamptz
    GROUP BY ip`);
}

/**
 * The failures the throttle weighs, inside the window: for this account name
 * since its last success from anywhere, for this account name from this
 * address since its last success from there, and from this address whatever
 * the name.
 */
export async function recentFailures(q: Queryable, usernameKey: string, ip: string, since: Date) {
  const account = await queryRows<{ at: unknown }>(
    q,
    sql`
    SELECT at FROM login_attempts
    WHERE username_key = ${usernameKey} AND NOT succeeded AND at > ${since.toISOString()}::timestamptz
      AND at > COALESCE(
        (SELECT max(at) FROM login_attempts WHERE username_key = ${usernameKey} AND succeeded),
        '-infinity'
      )
    ORDER BY at`,
  );
  const accountAddress = await queryRows<{ at: unknown }>(
    q,
    sql`
    SELECT at FROM login_attempts
    WHERE username_key = ${usernameKey} AND ip = ${ip} AND NOT succeeded AND at > ${since.toISOString()}::timestamptz
      AND at > COALESCE(
        (SELECT max(at) FROM login_attempts WHERE username_key = ${usernameKey} AND ip = ${ip} AND succeeded),
        '-infinity'
      )
    ORDER BY at`,
  );
  const byIp = await q
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    accountFailures: account.map((r) => toDate(r.at)),
    accountAddressFailures: accountAddress.map((r) => toDate(r.at)),
    ipFailures: byIp.map((r) => r.at),
  };
}
