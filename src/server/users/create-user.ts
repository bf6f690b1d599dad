import { eq } from 'drizzle-orm';
import type { CreateUserBody } from '../../contracts/users.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { checkUserReferences } from './check-user-references.ts';
import { findPresentedUser } from './user-repository.ts';

/** Creates an account with a temporary password, shown once, to be changed at first sign-in. */
export async function createUser(ctx: AuthedContext, input: CreateUserBody) {
  await ensureAllowed(
    ctx,
    'create',
    { type: 'user', id: '', institutionId: input.institutionId },
    { action: 'user.create' },
  );
  const username = input.username.toLowerCase();
  await checkUserReferences(ctx.db, input);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) throw invalid([{ path: 'username', messageKey: 'user.usernameTaken' }]);
    const [row] = await tx
      .insert(users)
      .values({
        ...input,
        username,
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.username })
      .returning({ id: users.id });
    // A concurrent creation of the same name lands here rather than in a 500.
    if (!row) throw invalid([{ path: 'username', messageKey: 'user.usernameTaken' }]);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      recordType: 'user',
      recordId: row.id,
      allowed: true,
      details: { roles: input.roles, institutionId: input.institutionId },
    });
    return row.id;
  });
  const user = await findPresentedUser(ctx.db, id, ctx.actor, ctx.lang, now);
  if (!user) throw notFound(); // only if the user was removed meanwhile
  return { user, temporaryPassword };
}
