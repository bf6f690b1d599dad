import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { AttentionItem } from '../../contracts/auth.ts';
import { bureauRegions, can } from '../../domain/access/policy.ts';
import { situations, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { countInbox } from '../measures/list-inbox.ts';
import { bureauOfRegionSql } from '../situations/situation-access-sql.ts';
import { tandemAttentionItems } from '../tandem/tandem-attention.ts';
import { lockedUntil } from '../users/user-repository.ts';
import { alertAttentionItems } from '../alerts/alert-attention.ts';

/**
 * What needs the user's attention on the home page. Each capability adds its
 * own items here (situations to triage, reports due…) as it arrives.
 */
export async function listAttentionItems(ctx: AuthedContext): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  const [me] = await ctx.db
    .select({ must: users.mustChangePassword })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  if (me?.must) items.push({ kind: 'change_password' });

  if (can(ctx.actor, 'reset_password', { type: 'user', id: '', institutionId: '' })) {
    const now = ctx.now();
    const [locked] = await ctx.db
      .select({ n: count() })
      .from(users)
      .where(and(isNull(users.disabledAt), sql`${lockedUntil(now)} > ${now.toISOString()}::timestamptz`));
    const n = locked?.n ?? 0;
    if (n > 0) items.push({ kind: 'locked_accounts', count: n });
  }
  if (bureauRegions(ctx.actor) !== null) {
    const regionCondition = bureauOfRegionSql(ctx.actor);
    const [queue] = await ctx.db
      .select({ n: count() })
      .from(situations)
      .where(and(eq(situations.status, 'announced'), regionCondition));
    if (queue && queue.n > 0) items.push({ kind: 'triage_queue', count: queue.n });
    // Oriented to a tandem and not yet assigned to one.
    const [toAssign] = await ctx.db
      .select({ n: count() })
      .from(situations)
      .where(
        and(
          eq(situations.status, 'tandem'),
          regionCondition,
          sql`NOT EXISTS (SELECT 1 FROM mandates m WHERE m.situation_id = ${situations.id})`,
        ),
      );
    if (toAssign && toAssign.n > 0) items.push({ kind: 'tandem_to_assign', count: toAssign.n });
  }
  const [drafts] = await ctx.db
    .select({ n: count() })
    .from(situations)
    .where(and(eq(situations.status, 'draft'), eq(situations.announcingUserId, ctx.actor.userId)));
  if (drafts && drafts.n > 0) items.push({ kind: 'drafts', count: drafts.n });
  items.push(...(await tandemAttentionItems(ctx)));
  const toDecide = await countInbox(ctx);
  if (toDecide > 0) items.push({ kind: 'measures_to_decide', count: toDecide });
  items.push(...(await alertAttentionItems(ctx)));
  return items;
}
