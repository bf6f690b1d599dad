import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from './load-mandate.ts';
import { findPlannedMeeting, updatePlannedMeetingIf } from './planned-meeting-repository.ts';

/** Cancels a planned meeting: it leaves the file's list; its invitation becomes a CANCEL with a higher SEQUENCE. */
export async function cancelPlannedMeeting(
  ctx: AuthedContext,
  situationId: string,
  plannedMeetingId: string,
  version: number,
) {
  const { row } = await loadMandateFor(ctx, situationId, 'coach', 'planned_meeting.cancel');
  const planned = await findPlannedMeeting(
    ctx,
    { id: situationId, personId: row.personId },
    plannedMeetingId,
    'planned_meeting.cancel',
  );
  await ctx.db.transaction(async (tx) => {
    await updatePlannedMeetingIf(tx, planned.id, version, { status: 'cancelled', updatedAt: ctx.now() }, true);
    await recordAudit(tx, ctx, {
      action: 'planned_meeting.cancel',
      recordType: 'planned_meeting',
      recordId: planned.id,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId, plannedOn: planned.plannedOn },
    });
  });
}
