import type { ClosurePreview } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { closureLooseEnds } from './closure-loose-ends.ts';
import { loadMandateFor } from './load-mandate.ts';

/**
 * What closing the mandate on `outcomeOn` (today by default) leaves open, for the tandem to settle in the closure:
 * measures waiting for a decision and months not reported (issue 11). Nothing is written but the audit of the read.
 */
export async function previewClosure(
  ctx: AuthedContext,
  situationId: string,
  outcomeOn: string | undefined,
): Promise<ClosurePreview> {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'mandate.close_preview');
  const today = swissDay(ctx.now());
  const preview = await closureLooseEnds(ctx.db, mandate, outcomeOn ?? today, today);
  await recordAudit(ctx.db, ctx, {
    action: 'mandate.close_preview',
    recordType: 'situation',
    recordId: situationId,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
    details: { waiting: preview.waitingMeasures.length, unsent: preview.unsentReports.map((r) => r.month) },
  });
  return preview;
}
