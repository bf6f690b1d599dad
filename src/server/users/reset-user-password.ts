import { sql } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords.ts';
import { endLoginFailureRuns, endUserSessions } from '../auth/session-repository.ts';
import { DEFAULT_THROTTLE } from '../../domain/auth/login-throttle.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { findPresentedUser, findUser } from './user-repository.ts';
import { users } from '../../db/schema.ts';
import { eq } from 'drizzle-orm';

/**
 * Gives an account a new temporary password (shown once), ends its sessions
 * and lifts a login lockout: the administrator has just checked who asks.
 */
export async function resetUserPassword(ctx: AuthedContext, id: string) {
  const now = ctx.now();
  const current = await findUser(ctx.db, id, now);
  if (!current) throw notFound();
  await ensureAllowed(
    ctx,
    'reset_password',
    { type: 'user', id, institutionId: current.user.institutionId },
    { action: 'user.reset_password', recordId: id },
  );
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, id));
    await endUserSessions(tx, id, now);
    // Lifts the lock of every address and the account's slowdown.
    await endLoginFailureRuns(
      tx,
      current.user.username,
      now,
      new Date(now.getTime() - DEFAULT_THROTTLE.windowMinutes * 60_000),
    );
    await recordAudit(tx, ctx, { action: 'user.reset_password', recordType: 'user', recordId: id, allowed: true });
  });
  const user = await findPresentedUser(ctx.db, id, ctx.actor, ctx.lang, now);
  if (!user) throw notFound(); // only if the user was removed meanwhile
  return { user, temporaryPassword };
}
