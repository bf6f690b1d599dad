import type { z } from 'zod';
import type { PlannedMeetingBodySchema } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { invalid } from '../../domain/errors.ts';
import { checkPlannedDate } from '../../domain/tandem/planned-meeting.ts';
import { oneRow } from '../../db/one-row.ts';
import { plannedMeetings } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import type { MandateRow } from './tandem-repository.ts';
import { loadMandateFor } from './load-mandate.ts';

/** The planned day's problems as translated field errors (`plannedMeeting.<problem>`). */
export function ensurePlannedDate(plannedOn: string, mandate: MandateRow, today: string) {
  const problems = checkPlannedDate(
    plannedOn,
    { startOn: mandate.startOn, endOn: mandate.endOn, closedOn: mandate.outcomeOn },
    today,
  );
  if (problems.length)
    throw invalid(problems.map((p) => ({ path: p.path, messageKey: `plannedMeeting.${p.problem}` })));
}

/** A meeting planned ahead by the tandem (issue 11); its invitation is downloaded as an .ics. */
export async function planMeeting(
  ctx: AuthedContext,
  situationId: string,
  input: z.infer<typeof PlannedMeetingBodySchema>,
): Promise<string> {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'planned_meeting.create');
  ensurePlannedDate(input.plannedOn, mandate, swissDay(ctx.now()));
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const p = oneRow(
      await tx
        .insert(plannedMeetings)
        .values({
          ...input,
          mandateId: mandate.id,
          situationId,
          createdByUserId: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: plannedMeetings.id }),
    );
    await recordAudit(tx, ctx, {
      action: 'planned_meeting.create',
      recordType: 'planned_meeting',
      recordId: p.id,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId, plannedOn: input.plannedOn, startTime: input.startTime, kind: input.kind },
    });
    return p.id;
  });
}
