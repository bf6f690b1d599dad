import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CloseBodySchema } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import { checkClosure, followUpDates } from '../../domain/tandem/closure.ts';
import { holderAfterClosure } from '../../domain/tandem/file-holding.ts';
import { finalReports, insertionFollowUps, situations } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { loadMandateFor } from './load-mandate.ts';
import { updateMandateIf } from './tandem-repository.ts';

/**
 * Closes the mandate and the situation with its outcome (DOMAIN.md §4.5). The
 * bilan final must be finalised first. An insertion records employer, start,
 * contract and rate, and sets the 6- and 12-month follow-ups (seed 000: a
 * durable insertion). The file then goes to whoever holds it after the
 * mandate; a hand-back owed to the ORP counsellor stays to be done explicitly.
 */
export async function closeMandate(ctx: AuthedContext, situationId: string, body: z.infer<typeof CloseBodySchema>) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'mandate.close');
  const [report] = await ctx.db
    .select({ status: finalReports.status })
    .from(finalReports)
    .where(eq(finalReports.mandateId, mandate.id));
  const insertion = body.outcome === 'inserted' ? body.insertion : null;
  const problems = checkClosure(
    { outcome: body.outcome, outcomeOn: body.outcomeOn, insertion },
    { startOn: mandate.startOn, finalReportDone: report?.status === 'final' },
    swissDay(ctx.now()),
  );
  if (problems.length) throw invalid(problems.map((p) => ({ path: p.path, messageKey: `closure.${p.problem}` })));
  const now = ctx.now();
  const holder = holderAfterClosure(mandate, false);
  await ctx.db.transaction(async (tx) => {
    const ok = await updateMandateIf(tx, mandate.id, body.version, {
      closedAt: now,
      outcome: body.outcome,
      outcomeOn: body.outcomeOn,
      insertionEmployer: insertion?.employer ?? null,
      insertionStartOn: insertion?.startOn ?? null,
      insertionContractType: insertion?.contractType ?? null,
      insertionRatePercent: insertion?.ratePercent ?? null,
      holderUserId: holder,
      updatedAt: now,
    });
    if (!ok) throw conflict();
    const closed = await tx
      .update(situations)
      .set({ status: 'closed', updatedAt: now, version: sql`${situations.version} + 1` })
      .where(and(eq(situations.id, situationId), eq(situations.status, 'tandem')))
      .returning({ id: situations.id });
    if (!closed.length) throw conflict();
    const followUps = followUpDates(body.outcome, body.outcomeOn);
    if (followUps.length)
      await tx.insert(insertionFollowUps).values(followUps.map((f) => ({ ...f, mandateId: mandate.id, situationId })));
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'close',
      from: 'tandem',
      to: 'closed',
      details: { outcome: body.outcome, outcomeOn: body.outcomeOn, followUps: followUps.map((f) => f.dueOn) },
    });
    await notifyUsers(
      tx,
      [row.announcingUserId, holder, ...(mandate.handBackToUserId ? [mandate.handBackToUserId] : [])],
      {
        kind: 'mandate_closed',
        situationId,
        at: now,
        details: { outcome: body.outcome },
      },
    );
  });
}
