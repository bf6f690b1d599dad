import { DomainError, conflict } from '../../domain/errors.ts';
import { holderAfterClosure } from '../../domain/tandem/file-holding.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { loadMandateFor } from './load-mandate.ts';
import { updateMandateIf } from './tandem-repository.ts';

/**
 * Seeds 002/003: at the closure of a mandate on a situation announced by the
 * ORP, the file is handed back to the ORP counsellor who had it before. An
 * explicit, recorded step: the counsellor is notified and holds the file again.
 */
export async function handBackFile(ctx: AuthedContext, situationId: string, body: { note: string; version: number }) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'hand_back', 'mandate.hand_back');
  if (!mandate.closedAt || !mandate.handBackToUserId || mandate.handedBackAt)
    throw new DomainError('conflict', 'handBack.notPossible');
  const now = ctx.now();
  const holder = holderAfterClosure(mandate, true);
  await ctx.db.transaction(async (tx) => {
    const ok = await updateMandateIf(tx, mandate.id, body.version, {
      handedBackAt: now,
      handedBackByUserId: ctx.actor.userId,
      handBackNote: body.note,
      holderUserId: holder,
      updatedAt: now,
    });
    if (!ok) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'hand_back',
      reason: body.note,
      details: { toUserId: holder },
    });
    await notifyUsers(tx, [holder], { kind: 'file_handed_back', situationId, at: now });
  });
}
