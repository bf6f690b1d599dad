import type { UpdateUserBody } from '../../contracts/users.ts';
import { DomainError, conflict, invalid, notFound } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { endUserSessions } from '../auth/session-repository.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { checkUserReferences } from './check-user-references.ts';
import { findPresentedUser, findUser, updateUserIfVersion } from './user-repository.ts';

/** Edits an account, disables or re-enables it. Disabling ends its sessions at once. */
export async function updateUser(ctx: AuthedContext, id: string, input: UpdateUserBody) {
  const now = ctx.now();
  const current = await findUser(ctx.db, id, now);
  if (!current) throw notFound();
  const resource = { type: 'user' as const, id, institutionId: current.user.institutionId };
  await ensureAllowed(ctx, 'update', resource, { action: 'user.update', recordId: id });
  const disabling = input.disabled && current.user.disabledAt === null;
  if (disabling && id === ctx.actor.userId) {
    throw invalid([{ path: 'disabled', messageKey: 'user.cannotDisableSelf' }]);
  }
  // An administrator manages accounts, not files: giving oneself a role (a case role first of all) or moving to
  // another institution takes a second administrator (issue 9).
  if (id === ctx.actor.userId) {
    const sameRoles =
      input.roles === undefined || [...input.roles].sort().join() === [...current.user.roles].sort().join();
    if (!sameRoles) throw invalid([{ path: 'roles', messageKey: 'user.ownRoles' }]);
    if (input.institutionId !== undefined && input.institutionId !== current.user.institutionId)
      throw invalid([{ path: 'institutionId', messageKey: 'user.ownRoles' }]);
  }
  await checkUserReferences(ctx.db, input);
  const { version, disabled, ...fields } = input;
  const changed = Object.keys(fields).filter(
    (k) =>
      fields[k as keyof typeof fields] !== undefined &&
      JSON.stringify(fields[k as keyof typeof fields]) !== JSON.stringify(current.user[k as keyof typeof current.user]),
  );
  await ctx.db.transaction(async (tx) => {
    const ok = await updateUserIfVersion(tx, id, version, {
      ...fields,
      disabledAt: disabled ? (current.user.disabledAt ?? now) : null,
      updatedAt: now,
    });
    if (!ok) throw conflict();
    if (disabled) await endUserSessions(tx, id, now);
    await recordAudit(tx, ctx, {
      action: disabling ? 'user.disable' : !disabled && current.user.disabledAt ? 'user.enable' : 'user.update',
      recordType: 'user',
      recordId: id,
      allowed: true,
      details: { changedFields: changed },
    });
  });
  const user = await findPresentedUser(ctx.db, id, ctx.actor, ctx.lang, now);
  if (!user) throw new DomainError('not_found', 'error.notFound');
  return user;
}
