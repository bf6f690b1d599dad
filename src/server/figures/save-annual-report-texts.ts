import { and, eq, sql } from 'drizzle-orm';
import type { AnnualReportBody, AnnualReportTexts } from '../../contracts/annual-report.ts';
import type { Language } from '../../domain/access/roles.ts';
import { conflict } from '../../domain/errors.ts';
import { annualReportTexts } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { findReportTexts } from './annual-report-repository.ts';

/**
 * The cantonal CII officer saves the annual report's texts of a year in one language (issue 13). The first save names
 * no version (null); later saves name the version they read, a stale one gets 409 and changes nothing. Audited.
 */
export async function saveAnnualReportTexts(
  ctx: AuthedContext,
  year: number,
  language: Language,
  body: AnnualReportBody,
): Promise<AnnualReportTexts> {
  await ensureAllowed(ctx, 'edit_report', { type: 'figures', regionId: null }, { action: 'annual_report.update' });
  const { version, ...texts } = body;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [row] =
      version === null
        ? await tx
            .insert(annualReportTexts)
            .values({ ...texts, year, language, updatedByUserId: ctx.actor.userId, createdAt: now, updatedAt: now })
            .onConflictDoNothing()
            .returning({ id: annualReportTexts.id })
        : await tx
            .update(annualReportTexts)
            .set({
              ...texts,
              updatedByUserId: ctx.actor.userId,
              updatedAt: now,
              version: sql`${annualReportTexts.version} + 1`,
            })
            .where(
              and(
                eq(annualReportTexts.year, year),
                eq(annualReportTexts.language, language),
                eq(annualReportTexts.version, version),
              ),
            )
            .returning({ id: annualReportTexts.id });
    if (!row) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'annual_report.update',
      recordType: 'annual_report',
      recordId: row.id,
      allowed: true,
      details: { year, language },
    });
    return findReportTexts(tx, year, language);
  });
}
