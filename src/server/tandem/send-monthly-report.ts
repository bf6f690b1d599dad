import { and, eq, inArray, sql } from 'drizzle-orm';
import { DomainError, conflict, invalid } from '../../domain/errors.ts';
import { hasVisibleText } from '../../domain/text/visible-text.ts';
import { notFoundAudited } from '../http/access.ts';
import { composeMonthlyReport } from '../../domain/tandem/monthly-report.ts';
import { monthlyReports, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { loadMandateFor } from './load-mandate.ts';
import { monthlyReportFacts } from './monthly-report-facts.ts';
import { fullName } from '../situations/present-situation.ts';

export interface SentRecipient {
  userId: string;
  name: string;
  email: string;
  language: 'fr' | 'de';
  messageId: string;
  outboxId: string;
}

/**
 * Sends a month's report to the professionals initially in charge, each in
 * their own language (seeds 002/003). The e-mails are written to the outbox in
 * the transaction that marks the report sent: a mail server that is down
 * delays them, never loses or doubles them (docs/decisions/007). The request carries the text the user sees and
 * the version it was read at: the report is sent only if that is what is stored.
 */
export async function sendMonthlyReport(
  ctx: AuthedContext,
  situationId: string,
  reportId: string,
  shown: { significantElements: string; version: number },
) {
  const { version } = shown;
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'monthly_report.send');
  const [report] = await ctx.db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.id, reportId), eq(monthlyReports.situationId, situationId)));
  if (!report)
    throw await notFoundAudited(ctx, {
      action: 'monthly_report.send',
      recordType: 'monthly_report',
      recordId: reportId,
      subjectPersonId: row.personId ?? undefined,
    });
  if (report.status !== 'draft') throw new DomainError('conflict', 'report.alreadySent');
  // Only what the user sees goes (issue 11): a text not saved, or saved since by someone else, is refused.
  if (report.version !== version || report.significantElements.trim() !== shown.significantElements.trim())
    throw new DomainError('conflict', 'report.notAsShown');
  if (!hasVisibleText(report.significantElements))
    throw invalid([{ path: 'significantElements', messageKey: 'report.elementsRequired' }]);
  const people = await ctx.db
    .select({
      id: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      language: users.language,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(inArray(users.id, mandate.reportRecipientIds));
  const recipients = people.filter((p) => !p.disabledAt && p.email);
  if (!recipients.length) throw invalid([{ path: 'recipients', messageKey: 'report.noRecipient' }]);
  const facts = await monthlyReportFacts(
    ctx.db,
    row,
    mandate,
    report.month,
    report.significantElements,
    ctx.actor.userId,
  );
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const sent: SentRecipient[] = [];
    for (const r of recipients) {
      const mail = composeMonthlyReport(facts, fullName(r), r.language);
      const queued = await enqueueEmail(tx, {
        idempotencyKey: `monthly-report:${report.id}:${r.id}`,
        to: [r.email],
        subject: mail.subject,
        text: mail.text,
        language: r.language,
        situationId,
        now,
      });
      if (!queued) throw conflict();
      sent.push({
        userId: r.id,
        name: fullName(r),
        email: r.email,
        language: r.language,
        messageId: queued.messageId,
        outboxId: queued.id,
      });
    }
    const updated = await tx
      .update(monthlyReports)
      .set({
        status: 'sent',
        sentAt: now,
        sentByUserId: ctx.actor.userId,
        recipients: sent,
        updatedAt: now,
        version: sql`${monthlyReports.version} + 1`,
      })
      .where(
        and(eq(monthlyReports.id, reportId), eq(monthlyReports.version, version), eq(monthlyReports.status, 'draft')),
      )
      .returning({ id: monthlyReports.id });
    if (!updated.length) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'send_monthly_report',
      details: {
        month: report.month,
        recipients: sent.map((s) => ({ userId: s.userId, language: s.language, messageId: s.messageId })),
      },
    });
  });
}
