import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { loadAssessmentFor } from './load-assessment.ts';
import { presentAssessment } from './present-assessment.ts';

/** The situation's MAMAC assessment as the caller may see it; the read is audited (it may hold health data). */
export async function getAssessment(ctx: AuthedContext, situationId: string) {
  const a = await loadAssessmentFor(ctx, situationId, 'assessment.read');
  const shown = await presentAssessment(ctx, a);
  await recordAudit(ctx.db, ctx, {
    action: 'assessment.read',
    recordType: 'assessment',
    recordId: a.passage.id,
    subjectPersonId: a.row.personId ?? undefined,
    allowed: true,
    details: { situationId, sections: Object.keys(shown.sections).filter((k) => k !== 'heldAt' && k !== 'version') },
  });
  return shown;
}
