import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CloseBodySchema } from '../../contracts/tandem.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { DomainError, conflict, invalid } from '../../domain/errors.ts';
import { checkClosure, checkSettlement, followUpDates, unsettled } from '../../domain/tandem/closure.ts';
import { monthLabel } from '../../domain/tandem/monthly-report.ts';
import { holderAfterClosure } from '../../domain/tandem/file-holding.ts';
import type { Tx } from '../../db/open-db.ts';
import type { ClosurePreview } from '../../contracts/tandem.ts';
import type { Language } from '../../domain/access/roles.ts';
import { finalReports, insertionFollowUps, measures, monthlyReports, situations, tandems } from '../../db/schema.ts';
import { ensureAllowed } from '../http/access.ts';
import { translate } from '../i18n/messages.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { withdrawWaitingMeasures } from '../measures/withdraw-waiting-measures.ts';
import { currentPassage, endPassage } from '../care/passage-repository.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { closureLooseEnds } from './closure-loose-ends.ts';
import { loadMandateFor } from './load-mandate.ts';
import { updateMandateIf } from './tandem-repository.ts';

/**
 * Closes the mandate and the situation with its outcome (DOMAIN.md §4.5). The
 * bilan final must be finalised first. An insertion records employer, start,
 * contract and rate, and sets the 6- and 12-month follow-ups (seed 000: a
 * durable insertion). The file then goes to whoever holds it after the
 * mandate; a hand-back owed to the ORP counsellor stays to be done explicitly.
 *
 * Nothing is left open (issue 11): the measures still waiting for a decision are withdrawn (their deciders told) and
 * each month not reported is skipped with a reason, as the request says; a closure that leaves either open is refused
 * with a translated 409 that names what is left.
 */
export async function closeMandate(ctx: AuthedContext, situationId: string, body: z.infer<typeof CloseBodySchema>) {
  // Read first: a tandem member whose colleague closed the file a moment before learns so (409), not "not found".
  const { row, facts, mandate } = await loadMandateFor(ctx, situationId, 'read', 'mandate.close');
  if (mandate.closedAt && (await isTandemMember(ctx, mandate.tandemId)))
    throw new DomainError('conflict', 'closure.alreadyClosed');
  await ensureAllowed(
    ctx,
    'coach',
    { type: 'situation', ...facts },
    { action: 'mandate.close', recordId: situationId, subjectPersonId: row.personId ?? undefined },
  );
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
  const settlement = {
    withdrawMeasureIds: body.withdrawMeasureIds,
    withdrawReason: body.withdrawReason,
    skipReports: body.skipReports,
  };
  const looseEnds = await closureLooseEnds(ctx.db, mandate, body.outcomeOn, swissDay(ctx.now()));
  const all = [
    ...problems,
    ...checkSettlement(settlement),
    ...(await settlementTargets(ctx, mandate.id, body, looseEnds)),
  ];
  if (all.length)
    throw invalid(all.map((p) => ('problem' in p ? { path: p.path, messageKey: `closure.${p.problem}` } : p)));
  const now = ctx.now();
  const today = swissDay(now);
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
    // Read under the mandate's lock what is still open; anything the request does not settle refuses the closure.
    const open = await closureLooseEnds(tx, mandate, body.outcomeOn, today);
    const left = unsettled(
      {
        waitingMeasureIds: open.waitingMeasures.map((m) => m.id),
        unsentMonths: open.unsentReports.map((r) => r.month),
      },
      settlement,
    );
    if (left.waitingMeasureIds.length || left.unsentMonths.length)
      throw new DomainError('conflict', 'closure.unsettled', { params: { parts: unsettledParts(ctx.lang, left) } });
    const unsent = new Set(open.unsentReports.map((r) => r.month));
    if (body.skipReports.some((r) => !unsent.has(r.month))) throw conflict();
    await withdrawWaitingMeasures(tx, ctx, {
      situationId,
      number: row.number,
      personId: row.personId,
      ids: body.withdrawMeasureIds,
      reason: body.withdrawReason,
      now,
    });
    await skipReports(tx, ctx, { mandateId: mandate.id, situationId, personId: row.personId, now }, body.skipReports);
    const closed = await tx
      .update(situations)
      .set({ status: 'closed', updatedAt: now, version: sql`${situations.version} + 1` })
      .where(and(eq(situations.id, situationId), eq(situations.status, 'tandem')))
      .returning({ id: situations.id });
    if (!closed.length) throw conflict();
    // The tandem's passage ends with the mandate's outcome (issue 12: every kind of care is counted by outcome).
    const passage = await currentPassage(tx, situationId, 'tandem');
    if (passage) await endPassage(tx, ctx, passage, { outcome: body.outcome });
    const followUps = followUpDates(body.outcome, body.outcomeOn);
    if (followUps.length)
      await tx.insert(insertionFollowUps).values(followUps.map((f) => ({ ...f, mandateId: mandate.id, situationId })));
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'close',
      from: 'tandem',
      to: 'closed',
      details: {
        outcome: body.outcome,
        outcomeOn: body.outcomeOn,
        followUps: followUps.map((f) => f.dueOn),
        withdrawnMeasures: body.withdrawMeasureIds,
        skippedReports: body.skipReports.map((r) => r.month),
      },
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

/** What is left open, in words: only the parts with something left ("1 mesure …", "rapports non envoyés : …"). */
function unsettledParts(lang: Language, left: { waitingMeasureIds: string[]; unsentMonths: string[] }) {
  const parts = [
    left.waitingMeasureIds.length
      ? translate(lang, 'closure.unsettled.measures', { measures: left.waitingMeasureIds.length })
      : '',
    left.unsentMonths.length
      ? translate(lang, 'closure.unsettled.months', {
          months: left.unsentMonths.map((m) => monthLabel(m, lang)).join(', '),
        })
      : '',
  ];
  return parts.filter(Boolean).join(translate(lang, 'closure.unsettled.separator'));
}

async function isTandemMember(ctx: AuthedContext, tandemId: string) {
  const [t] = await ctx.db
    .select({ orp: tandems.orpUserId, cms: tandems.cmsUserId })
    .from(tandems)
    .where(eq(tandems.id, tandemId));
  return t?.orp === ctx.actor.userId || t?.cms === ctx.actor.userId;
}

/**
 * What the settlement names must be this mandate's (issue 11): a measure of another file, a measure or a month named
 * twice, a month outside the mandate or already sent or skipped is a 400 on its field, nothing changed. A measure
 * decided or a report sent since the preview is found in the transaction: 409 (decision 017).
 */
async function settlementTargets(
  ctx: AuthedContext,
  mandateId: string,
  body: z.infer<typeof CloseBodySchema>,
  open: ClosurePreview,
): Promise<{ path: string; messageKey: string }[]> {
  const own = new Set(
    (await ctx.db.select({ id: measures.id }).from(measures).where(eq(measures.mandateId, mandateId))).map((m) => m.id),
  );
  const unsent = new Set(open.unsentReports.map((r) => r.month));
  const problems: { path: string; messageKey: string }[] = [];
  body.withdrawMeasureIds.forEach((id, i) => {
    const path = `withdrawMeasureIds.${i}`;
    if (body.withdrawMeasureIds.indexOf(id) !== i) problems.push({ path, messageKey: 'closure.measureTwice' });
    else if (!own.has(id)) problems.push({ path, messageKey: 'closure.measureNotOfFile' });
  });
  body.skipReports.forEach((r, i) => {
    const path = `skipReports.${i}.month`;
    if (body.skipReports.findIndex((x) => x.month === r.month) !== i)
      problems.push({ path, messageKey: 'closure.monthTwice' });
    else if (!unsent.has(r.month)) problems.push({ path, messageKey: 'closure.monthNotOpen' });
  });
  return problems;
}

/** Months not reported, said so with the tandem's reason: the draft if there is one, else a row that says it. */
async function skipReports(
  tx: Tx,
  ctx: AuthedContext,
  c: { mandateId: string; situationId: string; personId: string | null; now: Date },
  skips: { month: string; reason: string }[],
) {
  for (const s of skips) {
    const skipped = { status: 'skipped', skipReason: s.reason, skippedAt: c.now, skippedByUserId: ctx.actor.userId };
    let rows = await tx
      .update(monthlyReports)
      .set({ ...skipped, updatedAt: c.now, version: sql`${monthlyReports.version} + 1` })
      .where(
        and(
          eq(monthlyReports.mandateId, c.mandateId),
          eq(monthlyReports.month, s.month),
          eq(monthlyReports.status, 'draft'),
        ),
      )
      .returning({ id: monthlyReports.id });
    if (!rows.length)
      rows = await tx
        .insert(monthlyReports)
        .values({
          mandateId: c.mandateId,
          situationId: c.situationId,
          month: s.month,
          ...skipped,
          draftedByUserId: ctx.actor.userId,
          draftedAt: c.now,
          updatedAt: c.now,
        })
        .onConflictDoNothing()
        .returning({ id: monthlyReports.id });
    const [report] = rows;
    if (!report) throw conflict();
    await recordAudit(tx, ctx, {
      action: 'monthly_report.skip',
      recordType: 'monthly_report',
      recordId: report.id,
      subjectPersonId: c.personId ?? undefined,
      allowed: true,
      details: { situationId: c.situationId, month: s.month },
    });
  }
}
