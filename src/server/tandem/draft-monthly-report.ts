import { and, eq, sql } from 'drizzle-orm';
import { swissDay } from '../../domain/consent/consent.ts';
import { DomainError, conflict, invalid } from '../../domain/errors.ts';
import { draftSignificantElements, reportableMonths } from '../../domain/tandem/monthly-report.ts';
import { monthlyReports } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { notFoundAudited } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from './load-mandate.ts';
import { monthMeasureEvents, monthlyReportFacts } from './monthly-report-facts.ts';
import { oneRow } from '../../db/one-row.ts';

/**
 * The system drafts a month's report from that month's meetings (their next
 * steps), what happened to its measures and the objectives as they stand, as a
 * starting text; a tandem member then edits it. Drafting a month
 * that already has a report returns that report.
 */
export async function draftMonthlyReport(ctx: AuthedContext, situationId: string, month: string): Promise<string> {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'monthly_report.create');
  if (
    !reportableMonths({ startOn: mandate.startOn, closedOn: mandate.outcomeOn }, swissDay(ctx.now())).includes(month)
  ) {
    throw invalid([{ path: 'month', messageKey: 'report.monthOutsideMandate' }]);
  }
  const facts = await monthlyReportFacts(ctx.db, row, mandate, month, '', ctx.actor.userId);
  const measureEvents = await monthMeasureEvents(ctx.db, mandate.id, month);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(monthlyReports)
      .values({
        mandateId: mandate.id,
        situationId,
        month,
        significantElements: draftSignificantElements({ ...facts, measureEvents }, ctx.lang),
        draftedByUserId: ctx.actor.userId,
        draftedAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: monthlyReports.id });
    if (created) {
      await recordAudit(tx, ctx, {
        action: 'monthly_report.create',
        recordType: 'monthly_report',
        recordId: created.id,
        subjectPersonId: row.personId ?? undefined,
        allowed: true,
        details: { situationId, month },
      });
      return created.id;
    }
    const existing = oneRow(
      await tx
        .select({ id: monthlyReports.id })
        .from(monthlyReports)
        .where(and(eq(monthlyReports.mandateId, mandate.id), eq(monthlyReports.month, month))),
    );
    return existing.id;
  });
}

/** The tandem member's words, before sending; a sent report is what was sent and stays so. */
export async function updateMonthlyReport(
  ctx: AuthedContext,
  situationId: string,
  reportId: string,
  body: { significantElements: string; version: number },
) {
  const { row } = await loadMandateFor(ctx, situationId, 'coach', 'monthly_report.update');
  const [report] = await ctx.db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.id, reportId), eq(monthlyReports.situationId, situationId)));
  if (!report)
    throw await notFoundAudited(ctx, {
      action: 'monthly_report.update',
      recordType: 'monthly_report',
      recordId: reportId,
      subjectPersonId: row.personId ?? undefined,
    });
  if (report.status !== 'draft') throw new DomainError('conflict', 'report.alreadySent');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(monthlyReports)
      .set({
        significantElements: body.significantElements,
        updatedAt: ctx.now(),
        version: sql`${monthlyReports.version} + 1`,
      })
      .where(
        and(
          eq(monthlyReports.id, reportId),
          eq(monthlyReports.version, body.version),
          eq(monthlyReports.status, 'draft'),
        ),
      )
      .returning({ id: monthlyReports.id });
    if (!updated.length) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'monthly_report.update',
      recordType: 'monthly_report',
      recordId: reportId,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId },
    });
  });
}
