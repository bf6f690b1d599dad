import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { swissDay } from '../../domain/consent/consent.ts';
import { countsForIntensity } from '../../domain/tandem/journal.ts';
import {
  type MeasureEvent,
  type MonthlyReportFacts,
  initialsOf,
  monthOf,
  nextMonth,
} from '../../domain/tandem/monthly-report.ts';
import type { Queryable } from '../../db/open-db.ts';
import { measureDecisions, measureKinds, measures, meetings, objectives, persons, tandems } from '../../db/schema.ts';
import { measureLines } from '../measures/measure-lines.ts';
import type { SituationRow } from '../situations/situation-repository.ts';
import { type MandateRow, namesOf } from './tandem-repository.ts';
import { oneRow } from '../../db/one-row.ts';

const lastDayOf = (month: string) =>
  `${month}-${new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()}`;

/**
 * What a month's report is made of: that month's meetings and measures, the objectives as they stand, the mandate and
 * the tandem.
 */
export async function monthlyReportFacts(
  q: Queryable,
  situation: SituationRow,
  mandate: MandateRow,
  month: string,
  significantElements: string,
  authorUserId: string,
): Promise<MonthlyReportFacts> {
  const monthMeetings = await q
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.mandateId, mandate.id),
        gte(meetings.heldOn, `${month}-01`),
        lt(meetings.heldOn, `${nextMonth(month)}-01`),
      ),
    )
    .orderBy(asc(meetings.heldOn), asc(meetings.createdAt));
  const goals = await q
    .select()
    .from(objectives)
    .where(eq(objectives.mandateId, mandate.id))
    .orderBy(asc(objectives.createdAt));
  const tandem = oneRow(await q.select().from(tandems).where(eq(tandems.id, mandate.tandemId)));
  const [person] = situation.personId ? await q.select().from(persons).where(eq(persons.id, situation.personId)) : [];
  const names = await namesOf(q, [tandem.orpUserId, tandem.cmsUserId, authorUserId]);
  return {
    number: situation.number,
    initials: person ? initialsOf(person.firstNames, person.officialName) : '—',
    month,
    mandate: { startOn: mandate.startOn, endOn: mandate.endOn },
    tandem: { orpName: names.get(tandem.orpUserId) ?? '', cmsName: names.get(tandem.cmsUserId) ?? '' },
    meetings: monthMeetings.map((m) => ({
      heldOn: m.heldOn,
      kind: m.kind,
      countsForIntensity: countsForIntensity(m),
      nextSteps: m.nextSteps,
    })),
    objectives: goals.map((o) => ({ title: o.title, status: o.status, targetOn: o.targetOn })),
    measures: await measureLines(q, mandate.id, { from: `${month}-01`, to: lastDayOf(month) }),
    significantElements,
    authorName: names.get(authorUserId) ?? '',
  };
}

/**
 * What happened to the mandate's measures in `month` (Swiss days), for the draft: proposed, decided at each step,
 * started, interrupted or completed (issue 11).
 */
export async function monthMeasureEvents(q: Queryable, mandateId: string, month: string): Promise<MeasureEvent[]> {
  const rows = await q
    .select({ m: measures, nameFr: measureKinds.nameFr, nameDe: measureKinds.nameDe })
    .from(measures)
    .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
    .where(eq(measures.mandateId, mandateId));
  if (!rows.length) return [];
  const decisions = await q
    .select()
    .from(measureDecisions)
    .where(
      inArray(
        measureDecisions.measureId,
        rows.map((r) => r.m.id),
      ),
    );
  const inMonth = (day: string | null): day is string => day !== null && monthOf(day) === month;
  const events: MeasureEvent[] = [];
  for (const { m, nameFr, nameDe } of rows) {
    const name = { nameFr, nameDe };
    const proposedOn = swissDay(m.proposedAt);
    if (inMonth(proposedOn)) events.push({ on: proposedOn, ...name, event: 'proposed' });
    for (const d of decisions.filter((x) => x.measureId === m.id)) {
      const on = swissDay(d.decidedAt);
      if (inMonth(on))
        events.push({
          on,
          ...name,
          event: d.decision === 'refuse' ? 'refused' : 'approved',
          step: d.step,
          reason: d.reason,
        });
    }
    if (inMonth(m.startedOn)) events.push({ on: m.startedOn, ...name, event: 'started' });
    if (inMonth(m.endedOn) && (m.status === 'interrupted' || m.status === 'completed'))
      events.push({ on: m.endedOn, ...name, event: m.status, reason: m.endReason });
  }
  return events;
}
