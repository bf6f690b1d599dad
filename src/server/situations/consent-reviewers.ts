import { eq } from 'drizzle-orm';
import { can } from '../../domain/access/policy.ts';
import type { SituationFacts } from '../../domain/access/situation-access.ts';
import type { Tx } from '../../db/open-db.ts';
import { users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { actorOf, bureauOfRegion } from '../notifications/notify.ts';

/**
 * Who is asked to check a procuration recorded by someone else than the
 * announcer: the announcer and the Bureau of the region, each only if the
 * policy lets them review it (they see who the person is), never the recorder.
 */
export async function consentReviewers(tx: Tx, ctx: AuthedContext, facts: SituationFacts): Promise<string[]> {
  const candidates = [facts.announcingUserId, ...(await bureauOfRegion(tx, facts.regionId))].filter(
    (id) => id !== ctx.actor.userId,
  );
  const reviewers: string[] = [];
  for (const id of new Set(candidates)) {
    const [u] = await tx.select().from(users).where(eq(users.id, id));
    if (u && !u.disabledAt && can(actorOf(u), 'review_consent', { type: 'situation', ...facts })) reviewers.push(id);
  }
  return reviewers;
}
