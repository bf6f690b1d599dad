import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateMachineTokenBodySchema } from '../../contracts/alerts.ts';
import { addMonths } from '../../domain/alerts/alert-rules.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { invalid } from '../../domain/errors.ts';
import { oneRow } from '../../db/one-row.ts';
import { institutions, machineTokens } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { listMachineTokenRows, newTokenSecret, tokenHash } from './machine-token-repository.ts';

/**
 * An administrator creates a machine token for one institution's system (issue 14): it may only replace that
 * institution's caseload, until the end of its last day (Zurich), unless revoked. The secret is returned once; only
 * its SHA-256 is kept. Audited.
 */
export async function createMachineToken(ctx: AuthedContext, body: z.infer<typeof CreateMachineTokenBodySchema>) {
  await ensureAllowed(ctx, 'manage', { type: 'machine_token' }, { action: 'machine_token.create' });
  const today = swissDay(ctx.now());
  if (body.expiresOn <= today || body.expiresOn > addMonths(today, 24))
    throw invalid([{ path: 'expiresOn', messageKey: 'token.expiry' }]);
  const [institution] = await ctx.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, body.institutionId));
  if (!institution) throw invalid([{ path: 'institutionId', messageKey: 'token.institution' }]);
  const secret = newTokenSecret();
  // The end of the last day in Zurich: 23:59:59 there is at most 22:59:59 UTC (summer time), never later.
  const expiresAt = new Date(`${body.expiresOn}T21:59:59Z`);
  const id = await ctx.db.transaction(async (tx) => {
    const row = oneRow(
      await tx
        .insert(machineTokens)
        .values({
          institutionId: body.institutionId,
          label: body.label,
          tokenHash: tokenHash(secret),
          createdByUserId: ctx.actor.userId,
          expiresAt,
          createdAt: ctx.now(),
        })
        .returning({ id: machineTokens.id }),
    );
    await recordAudit(tx, ctx, {
      action: 'machine_token.create',
      recordType: 'machine_token',
      recordId: row.id,
      allowed: true,
      details: { institutionId: body.institutionId, expiresOn: body.expiresOn },
    });
    return row.id;
  });
  const [token] = await listMachineTokenRows(ctx.db, id);
  if (!token) throw new Error('machine token vanished');
  return { token, secret };
}
