import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { countsForIntensity } from '../../domain/tandem/journal.ts';
import { type MonthlyReportFacts, initialsOf, nextMonth } from '../../domain/tandem/monthly-report.ts';
import type { Queryable } from '../../db/open-db.ts';
import { meetings, objectives, persons, tandems } from '../../db/schema.ts';
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
