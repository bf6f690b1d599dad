import { eq, sql } from 'drizzle-orm';
import type { CaseloadSummary } from '../../contracts/alerts.ts';
import { caseloadEntries, caseloadUploads, institutions } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';

/** The caller's institution's caseload as a count and its upload time (its rows are pseudonyms: never listed). */
export async function getCaseload(ctx: AuthedContext): Promise<CaseloadSummary> {
  const institutionId = ctx.actor.institutionId;
  await ensureAllowed(ctx, 'read', { type: 'caseload', institutionId }, { action: 'caseload.read' });
  const [institution] = await ctx.db
    .select({ id: institutions.id, nameFr: institutions.nameFr, nameDe: institutions.nameDe })
    .from(institutions)
    .where(eq(institutions.id, institutionId));
  const [summary] = await ctx.db
    .select({ rows: sql<number>`count(*)::int` })
    .from(caseloadEntries)
    .where(eq(caseloadEntries.institutionId, institutionId));
  const [last] = await ctx.db
    .select({ uploadedAt: caseloadUploads.uploadedAt })
    .from(caseloadUploads)
    .where(eq(caseloadUploads.institutionId, institutionId));
  await recordAudit(ctx.db, ctx, {
    action: 'caseload.read',
    recordType: 'caseload',
    recordId: institutionId,
    allowed: true,
  });
  return {
    institution: institution ?? { id: institutionId, nameFr: '', nameDe: '' },
    rows: summary?.rows ?? 0,
    uploadedAt: last?.uploadedAt.toISOString() ?? null,
  };
}
