import type { z } from 'zod';
import type { MovePlannedMeetingBodySchema } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from './load-mandate.ts';
import { ensurePlannedDate } from './plan-meeting.ts';
import { findPlannedMeeting, updatePlannedMeetingIf } from './planned-meeting-repository.ts';

/** Moves a planned meeting to another day or time: its invitation's SEQUENCE grows, its UID stays. */
export async function movePlannedMeeting(
  ctx: AuthedContext,
  situationId: string,
  plannedMeetingId: string,
  input: z.infer<typeof MovePlannedMeetingBodySchema>,
) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'planned_meeting.move');
  const planned = await findPlannedMeeting(
    ctx,
    { id: situationId, personId: row.personId },
    plannedMeetingId,
    'planned_meeting.move',
  );
  ensurePlannedDate(input.plannedOn, mandate, swissDay(ctx.now()));
  const { version, ...values } = input;
  await ctx.db.transaction(async (tx) => {
    await updatePlannedMeetingIf(tx, planned.id, version, { ...values, updatedAt: ctx.now() }, true);
    await recordAudit(tx, ctx, {
      action: 'planned_meeting.move',
      recordType: 'planned_meeting',
      recordId: planned.id,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: {
        situationId,
        from: `${planned.plannedOn} ${planned.startTime}`,
        to: `${input.plannedOn} ${input.startTime}`,
      },
    });
  });
}
