import { swissDay } from '../../domain/consent/consent.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import { checkMeetingDate } from '../../domain/tandem/journal.ts';
import { checkHold } from '../../domain/tandem/planned-meeting.ts';
import { oneRow } from '../../db/one-row.ts';
import { meetings } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from './load-mandate.ts';
import { findPlannedMeeting, updatePlannedMeetingIf } from './planned-meeting-repository.ts';

/**
 * The planned meeting took place: it is written in the journal as today's meeting (its kind, the person present if
 * invited, the others as participants), in the same transaction as its status; the author completes the notes by
 * editing that journal entry.
 */
export async function holdPlannedMeeting(
  ctx: AuthedContext,
  situationId: string,
  plannedMeetingId: string,
  version: number,
): Promise<string> {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'planned_meeting.hold');
  const planned = await findPlannedMeeting(
    ctx,
    { id: situationId, personId: row.personId },
    plannedMeetingId,
    'planned_meeting.hold',
  );
  // Held or cancelled meanwhile (by the other tandem member): the state the caller read is gone.
  if (planned.status !== 'planned') throw conflict();
  const today = swissDay(ctx.now());
  const problems = [
    ...checkHold(planned, today),
    ...checkMeetingDate(today, { startOn: mandate.startOn, closedOn: mandate.outcomeOn }, today),
  ];
  if (problems.length)
    throw invalid(problems.map((p) => ({ path: p.path, messageKey: `plannedMeeting.${p.problem}` })));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const m = oneRow(
      await tx
        .insert(meetings)
        .values({
          heldOn: today,
          kind: planned.kind,
          personPresent: planned.kind === 'with_person' || planned.personInvited,
          participants: planned.others,
          mandateId: mandate.id,
          situationId,
          authorUserId: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: meetings.id }),
    );
    await updatePlannedMeetingIf(
      tx,
      planned.id,
      version,
      { status: 'held', heldMeetingId: m.id, updatedAt: now },
      false,
    );
    await recordAudit(tx, ctx, {
      action: 'planned_meeting.hold',
      recordType: 'planned_meeting',
      recordId: planned.id,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId, meetingId: m.id, heldOn: today, kind: planned.kind },
    });
    return m.id;
  });
}
