import { and, eq, inArray, sql } from 'drizzle-orm';
import { swissDay } from '../../domain/consent/consent.ts';
import { conflict } from '../../domain/errors.ts';
import { isWaiting, pendingStep } from '../../domain/measures/lifecycle.ts';
import { composeWithdrawal } from '../../domain/measures/withdrawal.ts';
import type { Tx } from '../../db/open-db.ts';
import { measureKinds, measures } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { fullName } from '../situations/present-situation.ts';
import { decidersOf } from './measure-deciders.ts';
import { routeOf } from './measure-repository.ts';

/**
 * Part of a closure (issue 11), in its transaction: the measures still waiting for a decision, and those approved but
 * not started (nothing starts on a closed file), are withdrawn; whoever would have decided a waiting one is told, in
 * the app and by e-mail in their language, so that nobody decides a measure of a closed file. A measure decided
 * meanwhile is no longer waiting: 409, the caller reads again.
 */
export async function withdrawWaitingMeasures(
  tx: Tx,
  ctx: AuthedContext,
  w: { situationId: string; number: string; personId: string | null; ids: string[]; reason: string; now: Date },
) {
  if (!w.ids.length) return;
  const rows = await tx
    .select({ m: measures, nameFr: measureKinds.nameFr, nameDe: measureKinds.nameDe })
    .from(measures)
    .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
    .where(and(inArray(measures.id, w.ids), eq(measures.situationId, w.situationId)))
    .for('update', { of: measures });
  if (rows.length !== w.ids.length || rows.some((r) => !isWaiting(r.m.status) && r.m.status !== 'approved'))
    throw conflict();
  const day = swissDay(w.now);
  for (const { m, nameFr, nameDe } of rows) {
    const step = pendingStep({ status: m.status, route: routeOf(m), stepIndex: m.stepIndex });
    const updated = await tx
      .update(measures)
      .set({
        status: 'withdrawn',
        endReason: w.reason,
        updatedAt: w.now,
        version: sql`${measures.version} + 1`,
      })
      .where(and(eq(measures.id, m.id), eq(measures.version, m.version)))
      .returning({ id: measures.id });
    if (!updated.length) throw conflict();
    const deciders = step && step !== 'tandem' ? await decidersOf(tx, step, m.communeId) : [];
    await notifyUsers(
      tx,
      deciders.map((d) => d.id),
      {
        kind: 'measure_withdrawn',
        situationId: w.situationId,
        at: w.now,
        details: { measureId: m.id, step, nameFr, nameDe, reason: w.reason },
      },
    );
    for (const d of deciders.filter((x) => x.email)) {
      const mail = composeWithdrawal(
        { number: w.number, nameFr, nameDe, startOn: m.startOn, reason: w.reason },
        fullName(d),
        d.language,
      );
      await enqueueEmail(tx, {
        idempotencyKey: `measure-withdrawn:${m.id}:${d.id}`,
        to: [d.email],
        subject: mail.subject,
        text: mail.text,
        language: d.language,
        situationId: w.situationId,
        now: w.now,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'measure.withdraw',
      recordType: 'measure',
      recordId: m.id,
      subjectPersonId: w.personId ?? undefined,
      allowed: true,
      details: { situationId: w.situationId, step, on: day, told: deciders.map((d) => d.id) },
    });
  }
}
