import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { presentRoundTable } from './present-round-table.ts';
import { loadPassageFor } from './round-table-repository.ts';

/** The situation's round table (the open one, else the last), for whoever may read the situation; audited. */
export async function getRoundTable(ctx: AuthedContext, situationId: string) {
  const found = await loadPassageFor(ctx, situationId, 'round_table', 'read', 'round_table.read');
  if (!found.passage) return { roundTable: null };
  const roundTable = await presentRoundTable(ctx, ctx.db, found, found.passage);
  await recordAudit(ctx.db, ctx, {
    action: 'round_table.read',
    recordType: 'care_passage',
    recordId: found.passage.id,
    subjectPersonId: found.row.personId ?? undefined,
    allowed: true,
    details: { situationId },
  });
  return { roundTable };
}
