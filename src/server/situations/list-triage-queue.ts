import { DomainError } from '../../domain/errors.ts';
import { isBureau } from '../../domain/access/policy.ts';
import type { AuthedContext } from '../http/context.ts';
import { listSituations } from './list-situations.ts';

/**
 * The Bureau's queue: situations announced or under review in its regions,
 * oldest first, with how long each has waited (the region scope is the policy's).
 */
export async function listTriageQueue(ctx: AuthedContext, regionId?: string) {
  if (!isBureau(ctx.actor)) throw new DomainError('forbidden', 'error.forbidden');
  const [announced, underReview] = await Promise.all([
    listSituations(ctx, { status: 'announced', regionId, sort: 'oldest', page: 1, pageSize: 200 }),
    listSituations(ctx, { status: 'under_review', regionId, sort: 'oldest', page: 1, pageSize: 200 }),
  ]);
  // Sorted in SQL by announcement date, oldest first ('oldest').
  return { announced: announced.items, underReview: underReview.items };
}
