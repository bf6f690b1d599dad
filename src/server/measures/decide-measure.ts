import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DecisionBodySchema, Measure } from '../../contracts/measures.ts';
import { DomainError, conflict, invalid, notFound } from '../../domain/errors.ts';
import { afterDecision, pendingStep } from '../../domain/measures/lifecycle.ts';
import { decidesStep } from '../../domain/access/policy.ts';
import type { Queryable } from '../../db/open-db.ts';
import { mandates, measureDecisions, measures, situations } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed, notFoundAudited } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { communeOfInstitution, findMeasure, presentMeasures, routeOf, updateMeasureIf } from './measure-repository.ts';
import { oneRow } from '../../db/one-row.ts';

/**
 * A decider approves or refuses the step waiting for them (LMMT, SAS, the
 * person's commune, or the Commission droit for an escalated measure). The
 * measure row is locked and its version compared; the decision's unique key
 * (measure, step) is the last guard: two deciders at once, one wins, the other
 * gets 409. The proposer is notified in the same transaction.
 */
export async function decideMeasure(
  ctx: AuthedContext,
  measureId: string,
  input: z.infer<typeof DecisionBodySchema>,
): Promise<Measure> {
  if (input.decision === 'refuse' && input.reason.length < 3)
    throw invalid([{ path: 'reason', messageKey: 'measure.reasonRequired' }]);
  const actorCommuneId = await communeOfInstitution(ctx.db, ctx.actor.institutionId);
  const now = ctx.now();
  // The access check reads outside the transaction (its refusal is audited on its own); the transaction re-reads under
  // lock.
  const m = await findMeasure(ctx.db, measureId);
  if (!m) throw notFound();
  const state = { status: m.status, route: routeOf(m), stepIndex: m.stepIndex };
  const step = pendingStep(state);
  const facts = { communeId: m.communeId, actorCommuneId };
  const [situation] = await ctx.db
    .select({ personId: situations.personId, status: situations.status })
    .from(situations)
    .where(eq(situations.id, m.situationId));
  const audit = {
    action: 'measure.decide' as const,
    recordId: measureId,
    subjectPersonId: situation?.personId ?? undefined,
  };
  if (m.status === 'withdrawn') {
    // Withdrawn at the file's closure (issue 11): whoever could decide the step it waited at learns why (409); anyone
    // else, that it does not exist, the refusal audited (ensureAllowed).
    const decided = await ctx.db
      .select({ step: measureDecisions.step })
      .from(measureDecisions)
      .where(eq(measureDecisions.measureId, measureId));
    const at = routeOf(m)[m.stepIndex];
    const waitedAt = at && !decided.some((d) => d.step === at) ? at : 'commission';
    await ensureAllowed(ctx, 'decide', { type: 'measure_step', step: waitedAt, ...facts }, audit);
    await recordAudit(ctx.db, ctx, { ...audit, recordType: 'measure', allowed: false, details: { withdrawn: true } });
    throw new DomainError('conflict', 'measure.fileClosed');
  }
  if (step === null || step === 'tandem') {
    // Already decided: whoever decided one of its steps (or could have, since it waited at their step) learns
    // that it changed; anyone else, that it does not exist — as for a measure that never reached them.
    const decided = await ctx.db
      .select({ step: measureDecisions.step })
      .from(measureDecisions)
      .where(eq(measureDecisions.measureId, measureId));
    if (decided.some((d) => d.step !== 'tandem' && decidesStep(ctx.actor, d.step, facts))) throw conflict();
    throw await notFoundAudited(ctx, { ...audit, recordType: 'measure' });
  }
  await ensureAllowed(ctx, 'decide', { type: 'measure_step', step, ...facts }, audit);
  // A closed file's measure is not decided (issue 11): a closure withdraws the waiting ones; any left from before is
  // refused here, with a message that says why.
  if (situation?.status === 'closed' || (await mandateClosed(ctx.db, m.mandateId)))
    throw new DomainError('conflict', 'measure.fileClosed');
  if (m.version !== input.version) throw conflict();
  const decided = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ version: measures.version })
      .from(measures)
      .where(eq(measures.id, measureId))
      .for('update');
    if (locked?.version !== input.version) throw conflict();
    const next = afterDecision(state, input.decision);
    const inserted = await tx
      .insert(measureDecisions)
      .values({
        measureId,
        step,
        decision: input.decision,
        reason: input.reason,
        decidedByUserId: ctx.actor.userId,
        decidedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: measureDecisions.id });
    if (!inserted.length) throw conflict();
    const exception = step === 'commission' && input.decision === 'approve';
    if (
      !(await updateMeasureIf(tx, measureId, input.version, {
        status: next.status,
        stepIndex: next.stepIndex,
        exception: exception || m.exception,
        updatedAt: now,
      }))
    )
      throw conflict();
    await recordAudit(tx, ctx, {
      action: 'measure.decide',
      recordType: 'measure',
      recordId: measureId,
      subjectPersonId: situation?.personId ?? undefined,
      allowed: true,
      details: { situationId: m.situationId, step, decision: input.decision, status: next.status },
    });
    const kind =
      next.status === 'approved'
        ? 'measure_approved'
        : next.status === 'refused'
          ? 'measure_refused'
          : 'measure_step_approved';
    await notifyUsers(tx, [m.proposedByUserId], {
      kind,
      situationId: m.situationId,
      at: now,
      details: { measureId, step },
    });
    return oneRow(await tx.select().from(measures).where(eq(measures.id, measureId)));
  });
  return oneRow(await presentMeasures(ctx.db, [decided]));
}

async function mandateClosed(q: Queryable, mandateId: string): Promise<boolean> {
  const [row] = await q.select({ closedAt: mandates.closedAt }).from(mandates).where(eq(mandates.id, mandateId));
  return Boolean(row?.closedAt);
}
