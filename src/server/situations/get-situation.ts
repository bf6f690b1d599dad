import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { presentSituation } from './present-situation.ts';

/** One situation as the caller may see it; the read is audited with the person concerned. */
export async function getSituation(ctx: AuthedContext, id: string) {
  const found = await loadSituationFor(ctx, id, 'read', 'situation.read', ctx.db, { withPage: true });
  const row = found.row;
  const situation = await presentSituation(ctx, found);
  await recordAudit(ctx.db, ctx, {
    action: 'situation.read',
    recordType: 'situation',
    recordId: id,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
    details: { identityShown: situation.person !== null },
  });
  return situation;
}
