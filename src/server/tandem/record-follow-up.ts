import { and, eq, sql } from 'drizzle-orm';
import { swissDay } from '../../domain/consent/consent.ts';
import { DomainError, conflict, notFound } from '../../domain/errors.ts';
import { insertionFollowUps } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { loadMandateFor } from './load-mandate.ts';

/** The holder records, once a follow-up is due, whether the person is still in work (seed 000: durable insertion). */
export async function recordFollowUp(
  ctx: AuthedContext,
  situationId: string,
  followUpId: string,
  body: { stillInWork: boolean; note: string; version: number },
) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'follow_up', 'insertion_follow_up.record');
  const [f] = await ctx.db
    .select()
    .from(insertionFollowUps)
    .where(and(eq(insertionFollowUps.id, followUpId), eq(insertionFollowUps.mandateId, mandate.id)));
  if (!f) throw notFound();
  if (f.dueOn > swissDay(ctx.now()))
    throw new DomainError('conflict', 'followUp.notDue', { params: { date: f.dueOn.split('-').reverse().join('.') } });
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(insertionFollowUps)
      .set({
        stillInWork: body.stillInWork,
        note: body.note,
        recordedByUserId: ctx.actor.userId,
        recordedAt: now,
        version: sql`${insertionFollowUps.version} + 1`,
      })
      .where(and(eq(insertionFollowUps.id, followUpId), eq(insertionFollowUps.version, body.version)))
      .returning({ id: insertionFollowUps.id });
    if (!updated.length) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'insertion_follow_up',
      details: { months: f.months, stillInWork: body.stillInWork },
    });
  });
}
