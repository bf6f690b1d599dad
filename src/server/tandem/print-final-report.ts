import { eq } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { PART_CATEGORY } from '../../domain/consent/data-categories.ts';
import { notFound } from '../../domain/errors.ts';
import { finalReports } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from '../situations/load-situation.ts';
import { categoryFilter } from '../situations/present-situation.ts';
import { finalReportData } from './final-report-data.ts';
import { finalReportPdf } from './final-report-pdf.ts';
import { findMandate } from './tandem-repository.ts';

/**
 * The bilan final as a PDF in either language, for whoever reads the
 * situation and whose procuration grants the coaching's and the measures'
 * categories (the PDF holds both); anyone else gets 404, as for a file
 * without one. The read is audited.
 */
export async function printFinalReport(ctx: AuthedContext, situationId: string, lang: Language) {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'read', 'final_report.print');
  const { shows } = categoryFilter(ctx.actor, facts);
  const mandate = await findMandate(ctx.db, situationId);
  const [report] = mandate
    ? await ctx.db.select().from(finalReports).where(eq(finalReports.mandateId, mandate.id))
    : [];
  if (!mandate || !report || !shows(PART_CATEGORY.coaching) || !shows(PART_CATEGORY.measures)) throw notFound();
  const pdf = await finalReportPdf(await finalReportData(ctx.db, row, mandate, report, lang, ctx.now()));
  await recordAudit(ctx.db, ctx, {
    action: 'final_report.print',
    recordType: 'final_report',
    recordId: report.id,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
    details: { situationId, lang, on: swissDay(ctx.now()) },
  });
  return { pdf, filename: `${lang === 'de' ? 'schlussbericht' : 'bilan-final'}-${row.number}.pdf` };
}
