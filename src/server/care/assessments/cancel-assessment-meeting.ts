import { nextAssessmentStatus } from '../../../domain/care/assessment.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { sendCareInvitations } from '../send-care-invitations.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/**
 * Calls the convened meeting off: every participant receives an iCalendar CANCEL of the same event (same UID,
 * SEQUENCE + 1), and the assessment is to organise again.
 */
export async function cancelAssessmentMeeting(ctx: AuthedContext, situationId: string, version: number) {
  const a = await loadAssessmentToAct(ctx, situationId, 'organise_assessment', 'assessment.cancel', ['scheduled']);
  await ctx.db.transaction(async (tx) => {
    const passage = await updatePassageIf(tx, a.passage.id, version, {
      status: nextAssessmentStatus('scheduled', 'cancel') ?? 'to_organise',
      invitationSequence: a.passage.invitationSequence + 1,
      updatedAt: ctx.now(),
    });
    // The cancellation names the meeting it cancels: the passage keeps its last date until another is set.
    await sendCareInvitations(tx, ctx, {
      passage,
      situationNumber: a.row.number,
      personId: a.row.personId,
      method: 'CANCEL',
    });
    await recordAudit(tx, ctx, {
      action: 'assessment.cancel',
      recordType: 'assessment',
      recordId: passage.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId },
    });
  });
  return getAssessment(ctx, situationId);
}
