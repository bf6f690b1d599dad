import type { z } from 'zod';
import type { HoldBodySchema } from '../../../contracts/assessments.ts';
import { nextAssessmentStatus } from '../../../domain/care/assessment.ts';
import { assessments } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';
import { sectionValues } from './write-sections.ts';

/**
 * Records the meeting held (seed 004 §6: the team "évalue globalement la situation médicale, professionnelle et
 * sociale ainsi que ses ressources"): the three sections, the resources and the SMR doctor's conclusions. The team
 * then writes the objectives contract.
 */
export async function holdAssessment(ctx: AuthedContext, situationId: string, body: z.infer<typeof HoldBodySchema>) {
  const a = await loadAssessmentToAct(ctx, situationId, 'organise_assessment', 'assessment.hold', ['scheduled']);
  const values = sectionValues(ctx, a, body);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const passage = await updatePassageIf(tx, a.passage.id, body.version, {
      status: nextAssessmentStatus('scheduled', 'hold') ?? 'held',
      updatedAt: now,
    });
    await tx
      .insert(assessments)
      .values({
        passageId: passage.id,
        situationId,
        ...values,
        heldAt: now,
        heldByUserId: ctx.actor.userId,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: assessments.passageId,
        set: { ...values, heldAt: now, heldByUserId: ctx.actor.userId },
      });
    await recordAudit(tx, ctx, {
      action: 'assessment.hold',
      recordType: 'assessment',
      recordId: passage.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, sections: Object.keys(values) },
    });
  });
  return getAssessment(ctx, situationId);
}
