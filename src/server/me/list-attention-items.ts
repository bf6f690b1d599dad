import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { AttentionItem } from '../../contracts/auth.ts';
import { can, situationListScope } from '../../domain/access/policy.ts';
import { DEFAULT_THROTTLE } from '../../domain/auth/login-throttle.ts';
import { queryRows } from '../../db/open-db.ts';
import { situations, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';

/**
 * What needs the user's attention on the home page. Each capability adds its
 * own items here (situations to triage, reports due…) as it arrives.
 */
export async function listAttentionItems(ctx: AuthedContext): Promise<AttentionItem[]> {
  const items: AttentionItem[] = [];
  const [me] = await ctx.db.select({ must: users.mustChangePassword }).from(users).where(eq(users.id, ctx.actor.userId));
  if (me?.must) items.push({ kind: 'change_password' });

  if (can(ctx.actor, 'reset_password', { type: 'user', id: '', institutionId: '' })) {
    const now = ctx.now().toISOString();
    const [locked] = await queryRows<{ n: number }>(ctx.db, sql`
      SELECT count(*)::int AS n FROM (
        SELECT la.username_key FROM login_attempts la
        JOIN users u ON u.username = la.username_key AND u.disabled_at IS NULL
        WHERE NOT la.succeeded
          AND la.at > ${now}::timestamptz - make_interval(mins => ${DEFAULT_THROTTLE.lockMinutes})
          AND la.at > COALESCE((SELECT max(s.at) FROM login_attempts s WHERE s.username_key = la.username_key AND s.succeeded), '-infinity')
        GROUP BY la.username_key
        HAVING count(*) >= ${DEFAULT_THROTTLE.accountMaxFailures}
      ) locked`);
    const n = Number(locked?.n ?? 0);
    if (n > 0) items.push({ kind: 'locked_accounts', count: n });
  }
  const scope = situationListScope(ctx.actor);
  if (scope.bureauRegions !== null) {
    const regionCondition =
      scope.bureauRegions === 'all' ? sql`true` : scope.bureauRegions.length ? inArray(situations.regionId, scope.bureauRegions) : sql`false`;
    const [queue] = await ctx.db.select({ n: count() }).from(situations).where(and(eq(situations.status, 'announced'), regionCondition));
    if (queue && queue.n > 0) items.push({ kind: 'triage_queue', count: queue.n });
  }
  const [drafts] = await ctx.db
    .select({ n: count() })
    .from(situations)
    .where(and(eq(situations.status, 'draft'), eq(situations.announcingUserId, ctx.actor.userId)));
  if (drafts && drafts.n > 0) items.push({ kind: 'drafts', count: drafts.n });
  return items;
}
