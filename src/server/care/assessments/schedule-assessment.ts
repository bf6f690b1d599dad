import type { z } from 'zod';
import type { ScheduleBodySchema } from '../../../contracts/assessments.ts';
import { checkMeeting, nextAssessmentStatus } from '../../../domain/care/assessment.ts';
import { zurichInstant } from '../../../domain/calendar/zurich-time.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { invalid } from '../../../domain/errors.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { sendCareInvitations } from '../send-care-invitations.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/** The meeting's fields, checked (a day not past, a sensible length, a place): 400 on the field otherwise. */
export function meetingValues(ctx: AuthedContext, body: z.infer<typeof ScheduleBodySchema>) {
  const problems = checkMeeting(body, swissDay(ctx.now()));
  if (problems.length) throw invalid(problems.map((p) => ({ path: p.path, messageKey: `assessment.${p.problem}` })));
  return {
    meetingStart: zurichInstant(body.startOn, body.startTime),
    meetingDurationMinutes: body.durationMinutes,
    meetingPlace: body.place,
  };
}

/**
 * Convenes the assessment's meeting: date, time, duration, place; every participant with an address receives an
 * e-mail in their language with an iCalendar REQUEST (issue 12), through the outbox, in this transaction.
 */
export async function scheduleAssessment(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof ScheduleBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'organise_assessment', 'assessment.schedule', ['to_organise']);
  if (a.participants.length === 0) throw invalid([{ path: 'participants', messageKey: 'assessment.noParticipants' }]);
  const values = meetingValues(ctx, body);
  await ctx.db.transaction(async (tx) => {
    // A cancelled meeting convened again is a new state of the same event: its SEQUENCE grows.
    const passage = await updatePassageIf(tx, a.passage.id, body.version, {
      ...values,
      status: nextAssessmentStatus('to_organise', 'schedule') ?? 'scheduled',
      invitationSequence: a.passage.meetingStart ? a.passage.invitationSequence + 1 : a.passage.invitationSequence,
      updatedAt: ctx.now(),
    });
    await sendCareInvitations(tx, ctx, {
      passage,
      situationNumber: a.row.number,
      personId: a.row.personId,
      method: 'REQUEST',
    });
    await recordAudit(tx, ctx, {
      action: 'assessment.schedule',
      recordType: 'assessment',
      recordId: passage.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, startOn: body.startOn, startTime: body.startTime, place: body.place },
    });
  });
  return getAssessment(ctx, situationId);
}
