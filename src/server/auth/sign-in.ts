import { eq } from 'drizzle-orm';
import type { Actor, Language } from '../../domain/access/roles.ts';
import { DEFAULT_THROTTLE, evaluateLoginThrottle } from '../../domain/auth/login-throttle.ts';
import { DomainError } from '../../domain/errors.ts';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Context } from '../http/context.ts';
import { timingDummyHash, verifyPassword } from './passwords.ts';
import { insertSession, newSessionToken, recentFailures, recordLoginAttempt } from './session-repository.ts';

/**
 * Checks the throttle first (a locked account is refused even with the right
 * password), then the password; every attempt is recorded, every outcome audited.
 * Returns the session token for the cookie.
 */
export async function signIn(
  ctx: Context,
  input: { username: string; password: string; userAgent: string | null },
): Promise<{ token: string; actor: Actor; language: Language }> {
  const usernameKey = input.username.trim().toLowerCase();
  const now = ctx.now();
  const since = new Date(now.getTime() - DEFAULT_THROTTLE.windowMinutes * 60_000);
  const verdict = evaluateLoginThrottle({ ...(await recentFailures(ctx.db, usernameKey, ctx.ip, since)), now });
  if (!verdict.allowed) {
    await recordAudit(ctx.db, ctx, {
      action: 'auth.sign_in',
      allowed: false,
      details: { reason: verdict.reason },
    });
    const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
    throw new DomainError('rate_limited', verdict.reason === 'account_locked' ? 'error.accountLocked' : 'error.rateLimited', {
      params: { minutes },
    });
  }

  const [user] = await ctx.db.select().from(users).where(eq(users.username, usernameKey)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const ok = Boolean(user && passwordOk && !user.disabledAt);

  if (!ok || !user) {
    await ctx.db.transaction(async (tx) => {
      await recordLoginAttempt(tx, { usernameKey, ip: ctx.ip, at: now, succeeded: false });
      await recordAudit(tx, ctx, {
        action: 'auth.sign_in',
        recordType: user ? 'user' : undefined,
        recordId: user?.id,
        allowed: false,
        details: { reason: user?.disabledAt ? 'disabled' : 'bad_credentials' },
      });
    });
    // The same message whether the name, the password or the account state was wrong.
    throw new DomainError('unauthenticated', 'auth.invalidCredentials');
  }

  const token = newSessionToken();
  const actor: Actor = { userId: user.id, institutionId: user.institutionId, regionId: user.regionId, roles: user.roles };
  await ctx.db.transaction(async (tx) => {
    await recordLoginAttempt(tx, { usernameKey, ip: ctx.ip, at: now, succeeded: true });
    await insertSession(tx, { token, userId: user.id, now, ip: ctx.ip, userAgent: input.userAgent });
    await recordAudit(tx, { ...ctx, actor }, {
      action: 'auth.sign_in',
      recordType: 'user',
      recordId: user.id,
      allowed: true,
    });
  });
  return { token, actor, language: user.language };
}
