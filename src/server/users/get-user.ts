import { notFound } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { findPresentedUser } from './user-repository.ts';

export async function getUser(ctx: AuthedContext, id: string) {
  const user = await findPresentedUser(ctx.db, id, ctx.actor, ctx.lang, ctx.now());
  if (!user) throw notFound();
  await ensureAllowed(
    ctx,
    'read',
    { type: 'user', id, institutionId: user.institutionId },
    { action: 'user.read', recordId: id },
  );
  await recordAudit(ctx.db, ctx, { action: 'user.read', recordType: 'user', recordId: id, allowed: true });
  return user;
}
