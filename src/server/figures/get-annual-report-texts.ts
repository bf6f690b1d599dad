import type { AnnualReportTexts } from '../../contracts/annual-report.ts';
import type { Language } from '../../domain/access/roles.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { findReportTexts } from './annual-report-repository.ts';

/** The annual report's texts of a year in one language, for whoever reads the canton's figures; the read is audited. */
export async function getAnnualReportTexts(
  ctx: AuthedContext,
  year: number,
  language: Language,
): Promise<AnnualReportTexts> {
  await ensureAllowed(ctx, 'read', { type: 'figures', regionId: null }, { action: 'annual_report.read' });
  const texts = await findReportTexts(ctx.db, year, language);
  await recordAudit(ctx.db, ctx, {
    action: 'annual_report.read',
    recordType: 'annual_report',
    allowed: true,
    details: { year, language },
  });
  return texts;
}
