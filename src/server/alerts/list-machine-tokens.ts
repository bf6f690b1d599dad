import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { listMachineTokenRows } from './machine-token-repository.ts';

/** The machine tokens of every institution (never their secret): administrators. Audited. */
export async function listMachineTokens(ctx: AuthedContext) {
  await ensureAllowed(ctx, 'manage', { type: 'machine_token' }, { action: 'machine_token.list' });
  const tokens = await listMachineTokenRows(ctx.db);
  await recordAudit(ctx.db, ctx, { action: 'machine_token.list', recordType: 'machine_token', allowed: true });
  return { tokens };
}
