import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CloseAssessmentBodySchema } from '../../../contracts/assessments.ts';
import { outcomeNeedsReason } from '../../../domain/care/assessment.ts';
import { conflict, invalid } from '../../../domain/errors.ts';
import { nextStatus } from '../../../domain/situation/situation-lifecycle.ts';
import { hasVisibleText } from '../../../domain/text/visible-text.ts';
import { situations } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { notifyUsers } from '../../notifications/notify.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { endPassage, updatePassageIf } from '../passage-repository.ts';
import { sendCareInvitations } from '../send-care-invitations.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';

/**
 * Closes the assessment with its outcome (DOMAIN.md §4.5; 2012: three insertions, two followed by social aid, one by
 * the AI — seed 004 §6), who, when and why: the passage ends with it and the situation is closed, its timeline saying
 * so. From any open state: a meeting still convened is cancelled for its participants (an iCalendar CANCEL).
 */
export async function closeAssessment(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof CloseAssessmentBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'manage_assessment', 'assessment.close', [
    'to_organise',
    'scheduled',
    'held',
    'in_execution',
  ]);
  if (outcomeNeedsReason(body.outcome) && !hasVisibleText(body.reason))
    throw invalid([{ path: 'reason', messageKey: 'assessment.reasonRequired' }]);
  const to = nextStatus('assessment', { type: 'close' });
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    let passage = a.passage;
    if (a.status === 'scheduled') {
      passage = await updatePassageIf(tx, passage.id, body.version, {
        invitationSequence: passage.invitationSequence + 1,
        updatedAt: now,
      });
      await sendCareInvitations(tx, ctx, {
        passage,
        situationNumber: a.row.number,
        personId: a.row.personId,
        method: 'CANCEL',
      });
    } else if (passage.version !== body.version) throw conflict();
    const ended = await endPassage(tx, ctx, passage, { outcome: body.outcome, reason: body.reason });
    const closed = await tx
      .update(situations)
      .set({ status: to ?? 'closed', updatedAt: now, version: sql`${situations.version} + 1` })
      .where(and(eq(situations.id, situationId), eq(situations.status, 'assessment')))
      .returning({ id: situations.id });
    if (!closed.length) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: a.row.personId,
      type: 'close',
      from: 'assessment',
      to: 'closed',
      reason: body.reason,
      details: { outcome: body.outcome, care: 'assessment', passageId: ended.id },
    });
    await recordAudit(tx, ctx, {
      action: 'assessment.close',
      recordType: 'assessment',
      recordId: ended.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, outcome: body.outcome },
    });
    await notifyUsers(
      tx,
      [
        a.row.announcingUserId,
        ...a.participants.flatMap((p) => (p.userId && p.role !== 'smr_doctor' ? [p.userId] : [])),
      ],
      { kind: 'assessment_closed', situationId, at: now, details: { outcome: body.outcome } },
    );
  });
  return getAssessment(ctx, situationId);
}
