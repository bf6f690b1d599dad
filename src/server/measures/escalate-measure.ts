import type { z } from 'zod';
import type { EscalateBodySchema, MeasuresFile } from '../../contracts/measures.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import { canEscalate } from '../../domain/measures/lifecycle.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { getMeasuresFile } from './get-measures-file.ts';
import { loadMeasureFor } from './load-measure.ts';
import { updateMeasureIf } from './measure-repository.ts';

/** A refused measure goes to the Commission droit for an exception decision, once, with the tandem's reasons. */
export async function escalateMeasure(
  ctx: AuthedContext,
  situationId: string,
  measureId: string,
  input: z.infer<typeof EscalateBodySchema>,
): Promise<MeasuresFile> {
  const { row, measure } = await loadMeasureFor(ctx, situationId, measureId, 'coach', 'measure.escalate');
  if (!canEscalate(measure.status, measure.escalatedAt !== null))
    throw invalid([{ path: 'reason', messageKey: 'measure.cannotEscalate' }]);
  if (input.reason.length < 10) throw invalid([{ path: 'reason', messageKey: 'measure.escalationReasonRequired' }]);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (
      !(await updateMeasureIf(tx, measureId, input.version, {
        status: 'escalated',
        escalatedAt: now,
        escalationReason: input.reason,
        updatedAt: now,
      }))
    )
      throw conflict();
    await recordAudit(tx, ctx, {
      action: 'measure.escalate',
      recordType: 'measure',
      recordId: measureId,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId },
    });
  });
  return getMeasuresFile(ctx, situationId);
}
