import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FinalReportBodySchema } from '../../contracts/tandem.ts';
import { conflict } from '../../domain/errors.ts';
import { finalReports } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from './load-mandate.ts';

/**
 * Writes the bilan final's five sections. The first save creates it
 * (version null); later saves name the version they read. Saving a finalised
 * report reopens it as a draft: its earlier PDF stays on the situation, and
 * closing needs it finalised again.
 */
export async function saveFinalReport(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof FinalReportBodySchema>,
) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'final_report.update');
  const { version, ...sections } = body;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    let id: string;
    if (version === null) {
      const [created] = await tx
        .insert(finalReports)
        .values({
          ...sections,
          mandateId: mandate.id,
          situationId,
          updatedByUserId: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: finalReports.id });
      if (!created) throw conflict();
      id = created.id;
    } else {
      const [updated] = await tx
        .update(finalReports)
        .set({
          ...sections,
          status: 'draft',
          updatedByUserId: ctx.actor.userId,
          updatedAt: now,
          version: sql`${finalReports.version} + 1`,
        })
        .where(and(eq(finalReports.mandateId, mandate.id), eq(finalReports.version, version)))
        .returning({ id: finalReports.id });
      if (!updated) throw conflict();
      id = updated.id;
    }
    await recordAudit(tx, ctx, {
      action: 'final_report.update',
      recordType: 'final_report',
      recordId: id,
      subjectPersonId: row.personId ?? undefined,
      allowed: true,
      details: { situationId },
    });
  });
}
