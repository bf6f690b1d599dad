import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { loadPassageFor } from '../round-tables/round-table-repository.ts';
import { presentNetwork } from './network-repository.ts';

/** The situation's network follow-up (the open one, else the last), for whoever may read the situation; audited. */
export async function getNetworkFollowUp(ctx: AuthedContext, situationId: string) {
  const found = await loadPassageFor(ctx, situationId, 'network_follow_up', 'read', 'network.read');
  if (!found.passage) return { networkFollowUp: null };
  const networkFollowUp = await presentNetwork(ctx, ctx.db, found, found.passage);
  await recordAudit(ctx.db, ctx, {
    action: 'network.read',
    recordType: 'care_passage',
    recordId: found.passage.id,
    subjectPersonId: found.row.personId ?? undefined,
    allowed: true,
    details: { situationId },
  });
  return { networkFollowUp };
}
