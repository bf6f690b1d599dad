import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { HoldBodySchema } from '../../../contracts/assessments.ts';
import { conflict } from '../../../domain/errors.ts';
import { assessments } from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { getAssessment } from './get-assessment.ts';
import { loadAssessmentToAct } from './load-assessment.ts';
import { sectionValues } from './write-sections.ts';

/** Keeps the assessment's sections up to date after the meeting; names the sections' version it read (409). */
export async function updateAssessmentSections(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof HoldBodySchema>,
) {
  const a = await loadAssessmentToAct(ctx, situationId, 'organise_assessment', 'assessment.update_sections', [
    'held',
    'in_execution',
  ]);
  const values = sectionValues(ctx, a, body);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(assessments)
      .set({ ...values, updatedAt: ctx.now(), version: sql`${assessments.version} + 1` })
      .where(and(eq(assessments.passageId, a.passage.id), eq(assessments.version, body.version)))
      .returning({ id: assessments.passageId });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'assessment.update_sections',
      recordType: 'assessment',
      recordId: a.passage.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: { situationId, sections: Object.keys(values) },
    });
  });
  return getAssessment(ctx, situationId);
}
