import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { endSession } from './session-repository.ts';

export async function signOut(ctx: AuthedContext, sessionId: string) {
  await ctx.db.transaction(async (tx) => {
    await endSession(tx, sessionId, ctx.now());
    await recordAudit(tx, ctx, {
      action: 'auth.sign_out',
      recordType: 'user',
      recordId: ctx.actor.userId,
      allowed: true,
    });
  });
}
