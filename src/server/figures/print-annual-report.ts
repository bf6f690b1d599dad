import type { Language } from '../../domain/access/roles.ts';
import { annualReport } from '../../domain/statistics/annual-report.ts';
import { formatDate } from '../../domain/format/swiss-format.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import type { AuthedContext } from '../http/context.ts';
import { annualReportPdf } from './annual-report-pdf.ts';
import { findReportTexts } from './annual-report-repository.ts';
import { getFigures } from './get-figures.ts';

/**
 * The annual report of a year as a PDF in French or German (issue 13): the officer's texts of that year and language,
 * the figures of the canton from the published (suppressed) cube — the same computation as the screen and the files.
 * Whoever reads the canton's figures may print it; the print is audited (`annual_report.print`).
 */
export async function printAnnualReport(ctx: AuthedContext, year: number, lang: Language) {
  const figures = await getFigures(ctx, { year, publication: 'public' }, 'annual_report.print');
  const texts = await findReportTexts(ctx.db, year, lang);
  const report = annualReport(figures, texts, lang, year, formatDate(swissDay(ctx.now()), lang));
  const pdf = await annualReportPdf(report, lang);
  return { pdf, filename: `${lang === 'de' ? 'jahresbericht' : 'rapport-annuel'}-cii-${year}.pdf` };
}
