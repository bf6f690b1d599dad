import { and, eq, isNull } from 'drizzle-orm';
import { conflict, notFound } from '../../domain/errors.ts';
import { machineTokens } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { listMachineTokenRows } from './machine-token-repository.ts';

/** Revokes a token at once (its next use gets 401), naming the version read. Audited. */
export async function revokeMachineToken(ctx: AuthedContext, id: string, version: number) {
  await ensureAllowed(ctx, 'manage', { type: 'machine_token' }, { action: 'machine_token.revoke', recordId: id });
  const [current] = await ctx.db.select({ id: machineTokens.id }).from(machineTokens).where(eq(machineTokens.id, id));
  if (!current) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(machineTokens)
      .set({ revokedAt: ctx.now(), revokedByUserId: ctx.actor.userId, version: version + 1 })
      .where(and(eq(machineTokens.id, id), eq(machineTokens.version, version), isNull(machineTokens.revokedAt)))
      .returning({ id: machineTokens.id });
    if (!updated.length) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'machine_token.revoke',
      recordType: 'machine_token',
      recordId: id,
      allowed: true,
    });
  });
  const [token] = await listMachineTokenRows(ctx.db, id);
  return token;
}
