import type { z } from 'zod';
import type { CloseNetworkBodySchema } from '../../../contracts/round-tables.ts';
import { checkNetworkClosure } from '../../../domain/care/network-follow-up.ts';
import { conflict } from '../../../domain/errors.ts';
import { notFoundAudited } from '../../http/access.ts';
import type { AuthedContext } from '../../http/context.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updateSituationIf } from '../../situations/situation-repository.ts';
import { endPassage } from '../passage-repository.ts';
import { ensureVersion, loadPassageFor } from '../round-tables/round-table-repository.ts';
import { ensureNetworkAllows } from '../round-tables/round-table-problems.ts';
import { managesNetwork } from './network-repository.ts';

/**
 * Closes the network follow-up with its outcome (DOMAIN.md §4.5), who, when and why: the passage ends and the
 * situation is closed.
 */
export async function closeNetworkFollowUp(
  ctx: AuthedContext,
  situationId: string,
  body: z.infer<typeof CloseNetworkBodySchema>,
) {
  const found = await loadPassageFor(ctx, situationId, 'network_follow_up', 'read', 'network.close', { open: true });
  const { row, passage } = found;
  if (!passage) return;
  if (!managesNetwork(ctx, found.facts, passage))
    throw await notFoundAudited(ctx, {
      action: 'network.close',
      recordType: 'care_passage',
      recordId: passage.id,
      subjectPersonId: row.personId ?? undefined,
    });
  ensureVersion(passage, body.version);
  ensureNetworkAllows(checkNetworkClosure('active', body.reason));
  await ctx.db.transaction(async (tx) => {
    await endPassage(
      tx,
      ctx,
      { id: passage.id, version: body.version },
      { outcome: body.outcome, reason: body.reason },
    );
    const closed = await updateSituationIf(
      tx,
      situationId,
      { version: row.version, status: 'network_follow_up' },
      { status: 'closed', updatedAt: ctx.now() },
    );
    if (!closed) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'close',
      from: 'network_follow_up',
      to: 'closed',
      reason: body.reason,
      details: { careKind: 'network_follow_up', outcome: body.outcome },
    });
  });
}
