import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import { type FieldError, conflict, invalid } from '../../domain/errors.ts';
import { hasVisibleText } from '../../domain/text/visible-text.ts';
import { attachments, finalReports } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { finalReportData } from './final-report-data.ts';
import { finalReportPdf } from './final-report-pdf.ts';
import { loadMandateFor } from './load-mandate.ts';
import { oneRow } from '../../db/one-row.ts';

const SECTIONS = ['workDone', 'obstacles', 'strengths', 'stepsTaken', 'stepsToTake'] as const;

/** Finalises the bilan final: every section written; its PDF, in the chosen language, is kept on the situation. */
export async function finaliseFinalReport(
  ctx: AuthedContext,
  situationId: string,
  body: { language: Language; version: number },
) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'final_report.finalise');
  const [report] = await ctx.db.select().from(finalReports).where(eq(finalReports.mandateId, mandate.id));
  if (!report) throw invalid([{ path: 'finalReport', messageKey: 'finalReport.notWritten' }]);
  const fields: FieldError[] = SECTIONS.filter((k) => !hasVisibleText(report[k])).map((k) => ({
    path: k,
    messageKey: 'field.required',
  }));
  if (fields.length) throw invalid(fields);
  const now = ctx.now();
  const pdf = await finalReportPdf(
    await finalReportData(
      ctx.db,
      row,
      mandate,
      { ...report, finalisedByUserId: ctx.actor.userId, finalisedAt: now },
      body.language,
      now,
    ),
  );
  const filename = `${body.language === 'de' ? 'schlussbericht' : 'bilan-final'}-${row.number}.pdf`;
  await ctx.db.transaction(async (tx) => {
    const file = oneRow(
      await tx
        .insert(attachments)
        .values({
          situationId,
          filename,
          mimeType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          content: pdf,
          uploadedByUserId: ctx.actor.userId,
          uploadedAt: now,
        })
        .returning({ id: attachments.id }),
    );
    const updated = await tx
      .update(finalReports)
      .set({
        status: 'final',
        language: body.language,
        pdfAttachmentId: file.id,
        finalisedByUserId: ctx.actor.userId,
        finalisedAt: now,
        updatedAt: now,
        version: sql`${finalReports.version} + 1`,
      })
      .where(and(eq(finalReports.id, report.id), eq(finalReports.version, body.version)))
      .returning({ id: finalReports.id });
    if (!updated.length) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'finalise_final_report',
      details: { attachmentId: file.id, language: body.language },
    });
  });
}
