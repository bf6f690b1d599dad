import { DomainError } from '../../domain/errors.ts';
import { isBureau } from '../../domain/access/policy.ts';
import type { AuthedContext } from '../http/context.ts';
import { listQueueRows } from './list-situations.ts';

/** More than this many waiting in one queue would be a crisis to handle elsewhere than in one screen. */
const QUEUE_LIMIT = 400;

/**
 * The Bureau's queue: situations announced or under review in its regions,
 * oldest first, with how long each has waited (the region scope is the policy's),
 * read in one query.
 */
export async function listTriageQueue(ctx: AuthedContext, regionId?: string) {
  if (!isBureau(ctx.actor)) throw new DomainError('forbidden', 'error.forbidden');
  const rows = await listQueueRows(ctx, regionId, QUEUE_LIMIT);
  return {
    announced: rows.filter((r) => r.status === 'announced'),
    underReview: rows.filter((r) => r.status === 'under_review'),
  };
}
