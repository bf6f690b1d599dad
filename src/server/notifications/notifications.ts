import { and, desc, eq, isNull } from 'drizzle-orm';
import { notifications, situations } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';

/** One's own notifications, newest first (a notification names a situation, never a person). */
export async function listNotifications(ctx: AuthedContext) {
  const rows = await ctx.db
    .select({ n: notifications, number: situations.number })
    .from(notifications)
    .leftJoin(situations, eq(situations.id, notifications.situationId))
    .where(eq(notifications.userId, ctx.actor.userId))
    .orderBy(desc(notifications.createdAt))
    .limit(50);
  return rows.map(({ n, number }) => ({
    id: n.id,
    kind: n.kind,
    situationId: n.situationId,
    situationNumber: number,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
    details: (n.details ?? {}) as Record<string, unknown>,
  }));
}

export async function markNotificationRead(ctx: AuthedContext, id: string) {
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt)));
}
