import type { z } from 'zod';
import type { ScheduleBodySchema } from '../../../contracts/assessments.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { sendCareInvitations } from '../send-care-invitations.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';
import { meetingValues } from './schedule-assessment.ts';

/**
 * Moves the convened meeting (another date, time or place): the same invitation updated — same UID, SEQUENCE + 1 —
 * so that calendar programs move the event rather than add one.
 */
export async function moveAssessmentMeeting(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof ScheduleBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'organise_assessment', 'assessment.move', ['scheduled']);
  const values = meetingValues(ctx, body);
  await ctx.db.transaction(async (tx) => {
    const passage = await updatePassageIf(tx, a.passage.id, body.version, {
      ...values,
      invitationSequence: a.passage.invitationSequence + 1,
      updatedAt: ctx.now(),
    });
    await sendCareInvitations(tx, ctx, {
      passage,
      situationNumber: a.row.number,
      personId: a.row.personId,
      method: 'REQUEST',
    });
    await recordAudit(tx, ctx, {
      action: 'assessment.move',
      recordType: 'assessment',
      recordId: passage.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, startOn: body.startOn, startTime: body.startTime, place: body.place },
    });
  });
  return getAssessment(ctx, situationId);
}
