import { checkCancel } from '../../../domain/care/round-table.ts';
import type { AuthedContext } from '../../http/context.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { sendCareInvitations } from '../send-care-invitations.ts';
import { roundTableStatus } from './present-round-table.ts';
import { ensureVersion, loadPassageFor } from './round-table-repository.ts';
import { ensureRoundTableAllows } from './round-table-problems.ts';

/**
 * Calls off a scheduled meeting: every participant receives the CANCEL of the same event (its SEQUENCE one higher),
 * and the round table is back in preparation, its date to set again.
 */
export async function cancelRoundTable(
  ctx: AuthedContext,
  situationId: string,
  body: { reason: string; version: number },
) {
  const { row, passage } = await loadPassageFor(ctx, situationId, 'round_table', 'pilot_care', 'round_table.cancel', {
    open: true,
  });
  if (!passage) return;
  ensureVersion(passage, body.version);
  ensureRoundTableAllows(checkCancel({ status: roundTableStatus(passage), outcome: null, meetingStart: null }));
  await ctx.db.transaction(async (tx) => {
    const cancelled = await updatePassageIf(tx, passage.id, body.version, {
      invitationSequence: passage.invitationSequence + 1,
      updatedAt: ctx.now(),
    });
    // Sent while the meeting's day and place are still on the passage: the cancellation names them.
    await sendCareInvitations(tx, ctx, {
      passage: cancelled,
      situationNumber: row.number,
      personId: row.personId,
      method: 'CANCEL',
    });
    await updatePassageIf(tx, passage.id, cancelled.version, {
      status: 'in_preparation',
      meetingStart: null,
      updatedAt: ctx.now(),
    });
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'round_table_cancel',
      reason: body.reason,
      details: { sequence: cancelled.invitationSequence },
    });
  });
}
