import type { ScheduleRoundTableBody } from '../../../contracts/round-tables.ts';
import { zurichInstant } from '../../../domain/calendar/zurich-time.ts';
import { checkSchedule } from '../../../domain/care/round-table.ts';
import type { AuthedContext } from '../../http/context.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { participantsOf } from '../participants.ts';
import { sendCareInvitations } from '../send-care-invitations.ts';
import { roundTableStatus } from './present-round-table.ts';
import { ensureVersion, loadPassageFor } from './round-table-repository.ts';
import { ensureRoundTableAllows } from './round-table-problems.ts';

/**
 * Sets or moves the round table's meeting and invites the participants (seed 004 §6): one e-mail each, in their
 * language, with an iCalendar REQUEST. A moved meeting is the same event (same UID) with its SEQUENCE one higher, so
 * that calendar programs update it; the first invitation has SEQUENCE 0.
 */
export async function scheduleRoundTable(ctx: AuthedContext, situationId: string, body: ScheduleRoundTableBody) {
  const { row, passage } = await loadPassageFor(ctx, situationId, 'round_table', 'pilot_care', 'round_table.schedule', {
    open: true,
  });
  if (!passage) return;
  ensureVersion(passage, body.version);
  const meetingStart = zurichInstant(body.meetingOn, body.meetingTime);
  const participants = await participantsOf(ctx.db, passage.id);
  const status = roundTableStatus(passage);
  ensureRoundTableAllows(
    checkSchedule(
      { status, outcome: null, meetingStart: passage.meetingStart },
      {
        meetingStart,
        place: body.place,
        // The professionals around the table: the coordinator pilots it and is not one of the institutions counted.
        participants: participants
          .filter((p) => p.role !== 'coordinator' && p.userId && p.institutionId)
          .map((p) => ({ userId: p.userId as string, institutionId: p.institutionId as string })),
      },
      ctx.now(),
    ),
  );
  // Never sent yet: SEQUENCE 0. Moved, or scheduled again after a cancellation: one higher than the last sent.
  const firstInvitation = status === 'in_preparation' && passage.invitationSequence === 0;
  await ctx.db.transaction(async (tx) => {
    const updated = await updatePassageIf(tx, passage.id, body.version, {
      status: 'scheduled',
      meetingStart,
      meetingDurationMinutes: body.durationMinutes,
      meetingPlace: body.place,
      invitationSequence: firstInvitation ? 0 : passage.invitationSequence + 1,
      responsibleUserId: passage.responsibleUserId ?? ctx.actor.userId,
      updatedAt: ctx.now(),
    });
    await sendCareInvitations(tx, ctx, {
      passage: updated,
      situationNumber: row.number,
      personId: row.personId,
      method: 'REQUEST',
    });
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'round_table_schedule',
      details: {
        meetingStart: meetingStart.toISOString(),
        place: body.place,
        moved: status === 'scheduled',
        sequence: updated.invitationSequence,
      },
    });
  });
}
