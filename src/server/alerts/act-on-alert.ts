import { and, eq } from 'drizzle-orm';
import type { AlertActionBody } from '../../contracts/alerts.ts';
import { nextAlertState } from '../../domain/alerts/alert-rules.ts';
import { DomainError, conflict } from '../../domain/errors.ts';
import { alerts } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadAlertFor } from './load-alert.ts';

/**
 * A correspondent marks an open alert of their institution not relevant (with a reason) or lets it lapse. It keeps
 * standing — the same pair is not raised again — until the person leaves a caseload. Names the version read.
 */
export async function actOnAlert(ctx: AuthedContext, id: string, body: AlertActionBody) {
  const alert = await loadAlertFor(ctx, id);
  const next = nextAlertState(alert.state, body.action);
  if (!next.ok) throw new DomainError('conflict', 'alert.notOpen');
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(alerts)
      .set({
        state: next.state,
        stateReason: body.action === 'not_relevant' ? body.reason : '',
        stateChangedAt: ctx.now(),
        stateByUserId: ctx.actor.userId,
        version: body.version + 1,
      })
      .where(and(eq(alerts.id, id), eq(alerts.version, body.version), eq(alerts.state, 'open')))
      .returning({ id: alerts.id });
    if (!updated.length) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'alert.update',
      recordType: 'alert',
      recordId: id,
      allowed: true,
      details: { state: next.state },
    });
  });
}
