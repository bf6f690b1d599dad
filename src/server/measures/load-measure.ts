import { and, eq } from 'drizzle-orm';
import { notFound } from '../../domain/errors.ts';
import type { Action } from '../../domain/access/policy.ts';
import { measures } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadMandateFor } from '../tandem/load-mandate.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';

/** A measure of a situation the caller may `action` (through the situation's one access check); 404 otherwise. */
export async function loadMeasureFor(
  ctx: AuthedContext,
  situationId: string,
  measureId: string,
  action: Action,
  auditAction: AuditAction,
) {
  const found = await loadMandateFor(ctx, situationId, action, auditAction);
  const [measure] = await ctx.db
    .select()
    .from(measures)
    .where(and(eq(measures.id, measureId), eq(measures.situationId, situationId)));
  if (!measure) throw notFound();
  return { ...found, measure };
}
