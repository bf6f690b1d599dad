import type { z } from 'zod';
import type { NetworkReviewBodySchema } from '../../../contracts/round-tables.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { checkReview } from '../../../domain/care/network-follow-up.ts';
import { networkReviews } from '../../../db/schema.ts';
import { notFoundAudited } from '../../http/access.ts';
import type { AuthedContext } from '../../http/context.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { ensureVersion, loadPassageFor } from '../round-tables/round-table-repository.ts';
import { ensureNetworkAllows } from '../round-tables/round-table-problems.ts';
import { managesNetwork } from './network-repository.ts';

/** A review of the network follow-up: when, what was found, and the next review date (the Bureau or the reference). */
export async function recordNetworkReview(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof NetworkReviewBodySchema>,
) {
  const found = await loadPassageFor(ctx, situationId, 'network_follow_up', 'read', 'network.review', { open: true });
  const { row, passage } = found;
  if (!passage) return;
  if (!managesNetwork(ctx, found.facts, passage))
    throw await notFoundAudited(ctx, {
      action: 'network.review',
      recordType: 'care_passage',
      recordId: passage.id,
      subjectPersonId: row.personId ?? undefined,
    });
  ensureVersion(passage, body.version);
  ensureNetworkAllows(checkReview('active', body, swissDay(ctx.now()), swissDay(passage.startedAt)));
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(networkReviews).values({
      passageId: passage.id,
      situationId,
      heldOn: body.heldOn,
      note: body.note,
      nextReviewOn: body.nextReviewOn,
      recordedByUserId: ctx.actor.userId,
      recordedAt: now,
    });
    await updatePassageIf(tx, passage.id, body.version, { reviewOn: body.nextReviewOn, updatedAt: now });
    // The note stays on the network follow-up; the timeline says when it was reviewed.
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'network_review',
      details: { heldOn: body.heldOn, nextReviewOn: body.nextReviewOn },
    });
  });
}
