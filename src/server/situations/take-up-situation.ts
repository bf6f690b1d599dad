import { conflict } from '../../domain/errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { nextStatus } from '../../domain/situation/situation-lifecycle.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { recordSituationEvent } from './record-event.ts';
import { updateSituationIf } from './situation-repository.ts';

/** announced → under_review: a Bureau member of the region takes the situation up and becomes its handler. */
export async function takeUpSituation(ctx: AuthedContext, id: string, version: number) {
  const { row } = await loadSituationFor(ctx, id, 'triage', 'situation.take_up');
  const to = nextStatus(row.status, { type: 'take_up' });
  if (!to) throw new DomainError('conflict', 'situation.transitionNotAllowed');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const ok = await updateSituationIf(
      tx,
      id,
      { version, status: row.status },
      { status: to, handledByUserId: ctx.actor.userId, takenUpAt: now, updatedAt: now },
    );
    if (!ok) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId: id,
      personId: row.personId,
      type: 'take_up',
      from: row.status,
      to,
    });
  });
}
