import { eq, sql } from 'drizzle-orm';
import type { ChangePasswordBody } from '../../contracts/auth.ts';
import { checkPassword } from '../../domain/auth/password-policy.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { endUserSessions } from './session-repository.ts';

/** Changes one's own password; every other session of the user ends. */
export async function changePassword(ctx: AuthedContext, sessionId: string, input: ChangePasswordBody) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(ctx.db, ctx, {
      action: 'user.change_password',
      recordType: 'user',
      recordId: user.id,
      allowed: false,
    });
    throw invalid([{ path: 'currentPassword', messageKey: 'auth.wrongCurrentPassword' }]);
  }
  const problems = checkPassword(input.newPassword, user.username);
  if (problems.length) throw invalid(problems);
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now,
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, user.id));
    await endUserSessions(tx, user.id, now, sessionId);
    await recordAudit(tx, ctx, {
      action: 'user.change_password',
      recordType: 'user',
      recordId: user.id,
      allowed: true,
    });
  });
}
