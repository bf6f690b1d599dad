import { and, count, eq } from 'drizzle-orm';
import type { AttentionItem } from '../../contracts/auth.ts';
import { can } from '../../domain/access/policy.ts';
import { alerts } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';

/** The home page's item of a CII correspondent: the open alerts of their institution (a count, nothing of a person). */
export async function alertAttentionItems(ctx: AuthedContext): Promise<AttentionItem[]> {
  const institutionId = ctx.actor.institutionId;
  if (!can(ctx.actor, 'read', { type: 'alert', institutionId })) return [];
  const [open] = await ctx.db
    .select({ n: count() })
    .from(alerts)
    .where(and(eq(alerts.institutionId, institutionId), eq(alerts.state, 'open')));
  return open && open.n > 0 ? [{ kind: 'alerts', count: open.n }] : [];
}
