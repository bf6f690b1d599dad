import { eq } from 'drizzle-orm';
import type { Actor, Language } from '../../domain/access/roles.ts';
import {
  DEFAULT_THROTTLE,
  type ThrottleReason,
  type ThrottleVerdict,
  evaluateLoginThrottle,
} from '../../domain/auth/login-throttle.ts';
import { DomainError } from '../../domain/errors.ts';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Context } from '../http/context.ts';
import { timingDummyHash, verifyPassword } from './passwords.ts';
import {
  insertSession,
  lockLoginKeys,
  markLoginAttemptSucceeded,
  newSessionToken,
  recentFailures,
  reserveLoginAttempt,
} from './session-repository.ts';

const REFUSAL_MESSAGE: Record<ThrottleReason, string> = {
  ip_rate_limited: 'error.rateLimited',
  address_locked: 'error.accountLocked',
  account_slowed: 'error.accountSlowedDown',
};

/**
 * Signs in with a password in three steps, so that concurrent attempts cannot
 * all slip under the throttle (decision 011):
 *
 * 1. In one short transaction holding the account's and the address's locks:
 *    weigh the recent failures, and if allowed record the attempt as a
 *    failure (a reservation that concurrent attempts count).
 * 2. Outside any transaction: verify the password (argon2, the slow part).
 * 3. Resolve: on success the reservation becomes a success with the session;
 *    on failure it stays a failure.
 *
 * A refused attempt is not verified at all, even with the right password.
 * Every outcome is audited. Returns the session token for the cookie.
 */
export async function signIn(
  ctx: Context,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; actor: Actor; language: Language }> {
  const usernameKey = input.username.trim().toLowerCase();
  const now = ctx.now();
  const since = new Date(now.getTime() - DEFAULT_THROTTLE.windowMinutes * 60_000);

  type Reservation = { refused: Extract<ThrottleVerdict, { allowed: false }> } | { attemptId: bigint };
  const reservation = await ctx.db.transaction(async (tx): Promise<Reservation> => {
    await lockLoginKeys(tx, usernameKey, ctx.ip);
    const verdict = evaluateLoginThrottle({ ...(await recentFailures(tx, usernameKey, ctx.ip, since)), now });
    if (!verdict.allowed) return { refused: verdict };
    return { attemptId: await reserveLoginAttempt(tx, { usernameKey, ip: ctx.ip, at: now }) };
  });
  if ('refused' in reservation) {
    const { reason, retryAfterSeconds } = reservation.refused;
    await recordAudit(ctx.db, ctx, { action: 'auth.sign_in', allowed: false, details: { reason } });
    throw new DomainError('rate_limited', REFUSAL_MESSAGE[reason], {
      params: {
        retryAfterSeconds,
        seconds: retryAfterSeconds,
        minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)),
      },
    });
  }
  const { attemptId } = reservation;

  const [user] = await ctx.db.select().from(users).where(eq(users.username, usernameKey)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const ok = Boolean(user && passwordOk && !user.disabledAt);

  if (!ok || !user) {
    // The reservation stays a failure.
    await recordAudit(ctx.db, ctx, {
      action: 'auth.sign_in',
      recordType: user ? 'user' : undefined,
      recordId: user?.id,
      allowed: false,
      details: { reason: user?.disabledAt ? 'disabled' : 'bad_credentials' },
    });
    // The same message whether the name, the password or the account state was wrong.
    throw new DomainError('unauthenticated', 'auth.invalidCredentials');
  }

  const token = newSessionToken();
  const actor: Actor = {
    userId: user.id,
    institutionId: user.institutionId,
    regionId: user.regionId,
    roles: user.roles,
  };
  await ctx.db.transaction(async (tx) => {
    await markLoginAttemptSucceeded(tx, attemptId);
    await insertSession(tx, { token, userId: user.id, now, ip: ctx.ip, userAgent: input.userAgent });
    await recordAudit(
      tx,
      { ...ctx, actor },
      {
        action: 'auth.sign_in',
        recordType: 'user',
        recordId: user.id,
        allowed: true,
      },
    );
  });
  return { token, actor, language: user.language };
}
