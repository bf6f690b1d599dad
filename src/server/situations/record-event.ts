import type { Tx } from '../../db/open-db.ts';
import { situationEvents } from '../../db/schema.ts';
import type { SituationEventType } from '../../domain/audit/actions.ts';
import type { SituationStatus } from '../../domain/situation/situation-lifecycle.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';

/** One timeline entry and its audit row, inside the transaction of the change. */
export async function recordSituationEvent(
  tx: Tx,
  ctx: AuthedContext,
  e: {
    situationId: string;
    personId: string | null;
    type: SituationEventType;
    from?: SituationStatus | null;
    to?: SituationStatus | null;
    reason?: string;
    details?: Record<string, unknown>;
  },
) {
  await tx.insert(situationEvents).values({
    situationId: e.situationId,
    at: ctx.now(),
    actorUserId: ctx.actor.userId,
    type: e.type,
    fromStatus: e.from ?? null,
    toStatus: e.to ?? null,
    reason: e.reason ?? '',
    details: e.details ?? {},
  });
  await recordAudit(tx, ctx, {
    action: `situation.${e.type}`,
    recordType: 'situation',
    recordId: e.situationId,
    subjectPersonId: e.personId ?? undefined,
    allowed: true,
    details: { from: e.from ?? null, to: e.to ?? null },
  });
}
