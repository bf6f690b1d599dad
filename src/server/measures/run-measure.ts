import type { z } from 'zod';
import type { MeasuresFile, RunMeasureBodySchema } from '../../contracts/measures.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { DomainError, conflict, invalid } from '../../domain/errors.ts';
import { canRun } from '../../domain/measures/lifecycle.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { findMandate } from '../tandem/tandem-repository.ts';
import { getMeasuresFile } from './get-measures-file.ts';
import { loadMeasureFor } from './load-measure.ts';
import { updateMeasureIf } from './measure-repository.ts';

/**
 * An approved measure starts; a running one is interrupted (date and reason —
 * seed 000's measures interrupted for health) or completed. The dates decide
 * what the quarterly statements count.
 */
export async function runMeasure(
  ctx: AuthedContext,
  situationId: string,
  measureId: string,
  input: z.infer<typeof RunMeasureBodySchema>,
): Promise<MeasuresFile> {
  // While the mandate is open the tandem runs its measures; once closed, whoever holds the file records how they end.
  const mandate = await findMandate(ctx.db, situationId);
  const { row, measure } = await loadMeasureFor(
    ctx,
    situationId,
    measureId,
    mandate && !mandate.closedAt ? 'coach' : 'follow_up',
    `measure.${input.action}`,
  );
  if (!canRun(measure.status, input.action))
    throw invalid([{ path: 'action', messageKey: `measure.cannot_${input.action}` }]);
  // A closed file's approved measure does not start (issue 11): the closure withdraws it; one left from before is
  // refused here. A running one goes on after the closure (its follow-up) and is interrupted or completed.
  if (input.action === 'start' && (mandate?.closedAt || row.status === 'closed'))
    throw new DomainError('conflict', 'measure.startFileClosed');
  const today = swissDay(ctx.now());
  if (input.on > today) throw invalid([{ path: 'on', messageKey: 'measure.dateInFuture' }]);
  if (input.action !== 'start' && measure.startedOn && input.on < measure.startedOn)
    throw invalid([{ path: 'on', messageKey: 'measure.endBeforeStarted' }]);
  if (input.action === 'interrupt' && input.reason.length < 3)
    throw invalid([{ path: 'reason', messageKey: 'measure.interruptReasonRequired' }]);
  const now = ctx.now();
  const values =
    input.action === 'start'
      ? { status: 'running' as const, startedOn: input.on }
      : {
          status: input.action === 'interrupt' ? ('interrupted' as const) : ('completed' as const),
          endedOn: input.on,
          endReason: input.reason || null,
        };
  await ctx.db.transaction(async (tx) => {
    if (!(await updateMeasureIf(tx, measureId, input.version, { ...values, updatedAt: now }))) throw conflict();
    await recordAudit(tx, ctx, {
      action: `measure.${input.action}`,
      recordType: 'measure',
      recordId: measureId,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId, on: input.on },
    });
  });
  return getMeasuresFile(ctx, situationId);
}
