import { and, isNull, sql } from 'drizzle-orm';
import { bureauRegions } from '../../domain/access/situation-access.ts';
import type { Actor } from '../../domain/access/roles.ts';
import type { Tx } from '../../db/open-db.ts';
import { notifications, users } from '../../db/schema.ts';

/** In-app notifications, written in the transaction of what they announce. */
export async function notifyUsers(
  tx: Tx,
  userIds: string[],
  n: { kind: string; situationId: string; at: Date; details?: Record<string, unknown> },
) {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await tx.insert(notifications).values(
    unique.map((userId) => ({
      userId,
      kind: n.kind,
      situationId: n.situationId,
      createdAt: n.at,
      details: n.details ?? {},
    })),
  );
}

/** A user row as the policy sees it. */
export const actorOf = (u: Pick<typeof users.$inferSelect, 'id' | 'institutionId' | 'regionId' | 'roles'>): Actor => ({
  userId: u.id,
  institutionId: u.institutionId,
  regionId: u.regionId,
  roles: u.roles,
});

/** The Bureau of a region: whoever the policy's `bureauRegions` gives that region (coordinators, the cantonal Bureau). */
export async function bureauOfRegion(tx: Tx, regionId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id, institutionId: users.institutionId, regionId: users.regionId, roles: users.roles })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        sql`('bureau_member' = ANY(${users.roles}) OR 'regional_coordinator' = ANY(${users.roles}))`,
      ),
    );
  return rows
    .filter((u) => {
      const regions = bureauRegions(actorOf(u));
      return regions === 'all' || (regions?.includes(regionId) ?? false);
    })
    .map((u) => u.id);
}
