import { and, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/open-db.ts';
import { notifications, users } from '../../db/schema.ts';

/** In-app notifications, written in the transaction of what they announce. */
export async function notifyUsers(tx: Tx, userIds: string[], n: { kind: string; situationId: string; at: Date; details?: Record<string, unknown> }) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await tx.insert(notifications).values(unique.map((userId) => ({ userId, kind: n.kind, situationId: n.situationId, createdAt: n.at, details: n.details ?? {} })));
}

/** The Bureau of a region: its coordinators, and the cantonal Bureau members without a region. */
export async function bureauOfRegion(tx: Tx, regionId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        sql`(('regional_coordinator' = ANY(${users.roles}) AND ${users.regionId} = ${regionId}::uuid)
          OR ('bureau_member' = ANY(${users.roles}) AND NOT ('regional_coordinator' = ANY(${users.roles}))))`,
      ),
    );
  return rows.map((r) => r.id);
}
