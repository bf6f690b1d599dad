import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { AttentionItem } from '../../contracts/auth.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { intensityByMonth, intensityWarnings } from '../../domain/tandem/intensity.ts';
import { countsForIntensity } from '../../domain/tandem/journal.ts';
import { addMonths } from '../../domain/tandem/mandate.ts';
import { overdueReports } from '../../domain/tandem/monthly-report.ts';
import { insertionFollowUps, mandates, meetings, monthlyReports, situations, tandems } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';

/**
 * The tandem's reminders on the home page, per situation: the current month
 * behind the two-meetings rule, months missed, monthly reports due and not
 * sent, a mandate ending within a month; for whoever holds a file, the
 * insertion follow-ups due and the files handed back in the last 30 days.
 * Each item is about a mandate the user works on, so nothing here reveals
 * a situation they could not open.
 */
export async function tandemAttentionItems(ctx: AuthedContext): Promise<AttentionItem[]> {
  const me = ctx.actor.userId;
  const today = swissDay(ctx.now());
  const items: AttentionItem[] = [];
  const open = await ctx.db
    .select({ mandate: mandates, number: situations.number })
    .from(mandates)
    .innerJoin(tandems, eq(tandems.id, mandates.tandemId))
    .innerJoin(situations, eq(situations.id, mandates.situationId))
    .where(and(isNull(mandates.closedAt), or(eq(tandems.orpUserId, me), eq(tandems.cmsUserId, me))))
    .orderBy(situations.number);
  if (open.length) {
    const ids = open.map((o) => o.mandate.id);
    const journal = await ctx.db
      .select({
        mandateId: meetings.mandateId,
        heldOn: meetings.heldOn,
        kind: meetings.kind,
        personPresent: meetings.personPresent,
      })
      .from(meetings)
      .where(inArray(meetings.mandateId, ids));
    const sent = await ctx.db
      .select({ mandateId: monthlyReports.mandateId, month: monthlyReports.month })
      .from(monthlyReports)
      .where(and(inArray(monthlyReports.mandateId, ids), inArray(monthlyReports.status, ['sent', 'skipped'])));
    for (const { mandate: m, number } of open) {
      const about = { situationId: m.situationId, situationNumber: number };
      const days = journal.filter((j) => j.mandateId === m.id && countsForIntensity(j)).map((j) => j.heldOn);
      const warnings = intensityWarnings(intensityByMonth({ start: m.startOn, end: m.endOn }, days, today));
      if (warnings.currentBehind) items.push({ kind: 'intensity_behind', ...about, months: [today.slice(0, 7)] });
      if (warnings.missedMonths.length) items.push({ kind: 'months_missed', ...about, months: warnings.missedMonths });
      const due = overdueReports(
        { startOn: m.startOn, closedOn: null },
        new Set(sent.filter((s) => s.mandateId === m.id).map((s) => s.month)),
        today,
      );
      if (due.length) items.push({ kind: 'report_due', ...about, months: due });
      if (m.endOn <= addMonths(today, 1)) items.push({ kind: 'mandate_ending', ...about, date: m.endOn });
    }
  }
  const followUps = await ctx.db
    .select({ situationId: insertionFollowUps.situationId, dueOn: insertionFollowUps.dueOn, number: situations.number })
    .from(insertionFollowUps)
    .innerJoin(mandates, eq(mandates.id, insertionFollowUps.mandateId))
    .innerJoin(situations, eq(situations.id, insertionFollowUps.situationId))
    .where(
      and(eq(mandates.holderUserId, me), isNull(insertionFollowUps.recordedAt), lte(insertionFollowUps.dueOn, today)),
    );
  for (const f of followUps)
    items.push({ kind: 'follow_up_due', situationId: f.situationId, situationNumber: f.number, date: f.dueOn });
  // A closed mandate whose file is still to be handed back to the ORP counsellor: the tandem's to-do (issue 11).
  const owed = await ctx.db
    .select({ situationId: mandates.situationId, number: situations.number })
    .from(mandates)
    .innerJoin(tandems, eq(tandems.id, mandates.tandemId))
    .innerJoin(situations, eq(situations.id, mandates.situationId))
    .where(
      and(
        isNotNull(mandates.closedAt),
        isNotNull(mandates.handBackToUserId),
        isNull(mandates.handedBackAt),
        or(eq(tandems.orpUserId, me), eq(tandems.cmsUserId, me)),
      ),
    )
    .orderBy(situations.number);
  for (const o of owed) items.push({ kind: 'hand_back_due', situationId: o.situationId, situationNumber: o.number });
  const handedBack = await ctx.db
    .select({ situationId: mandates.situationId, at: mandates.handedBackAt, number: situations.number })
    .from(mandates)
    .innerJoin(situations, eq(situations.id, mandates.situationId))
    .where(
      and(
        eq(mandates.handBackToUserId, me),
        isNotNull(mandates.handedBackAt),
        gte(mandates.handedBackAt, sql`${ctx.now().toISOString()}::timestamptz - interval '30 days'`),
      ),
    );
  for (const h of handedBack) {
    if (!h.at) continue; // not so: the query asks for a hand-back date
    items.push({
      kind: 'handed_back',
      situationId: h.situationId,
      situationNumber: h.number,
      date: h.at.toISOString(),
    });
  }
  return items;
}
