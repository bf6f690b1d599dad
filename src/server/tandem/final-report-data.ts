import { asc, eq } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import { tandemMembers } from '../../domain/access/institution-kind-labels.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { intensityByMonth } from '../../domain/tandem/intensity.ts';
import { countsForIntensity } from '../../domain/tandem/journal.ts';
import { initialsOf } from '../../domain/tandem/monthly-report.ts';
import type { Queryable } from '../../db/open-db.ts';
import { type finalReports, meetings, objectives, persons, tandems } from '../../db/schema.ts';
import type { SituationRow } from '../situations/situation-repository.ts';
import { measureLines } from '../measures/measure-lines.ts';
import type { FinalReportData } from './final-report-pdf.ts';
import { type MandateRow, namesOf } from './tandem-repository.ts';
import { oneRow } from '../../db/one-row.ts';

/** Everything the bilan final's PDF shows, gathered from the mandate's journal. */
export async function finalReportData(
  q: Queryable,
  situation: SituationRow,
  mandate: MandateRow,
  report: typeof finalReports.$inferSelect,
  lang: Language,
  now: Date,
): Promise<FinalReportData> {
  const journal = await q
    .select()
    .from(meetings)
    .where(eq(meetings.mandateId, mandate.id))
    .orderBy(asc(meetings.heldOn));
  const goals = await q
    .select()
    .from(objectives)
    .where(eq(objectives.mandateId, mandate.id))
    .orderBy(asc(objectives.createdAt));
  const tandem = oneRow(await q.select().from(tandems).where(eq(tandems.id, mandate.tandemId)));
  const [person] = situation.personId ? await q.select().from(persons).where(eq(persons.id, situation.personId)) : [];
  const author = report.finalisedByUserId ?? report.updatedByUserId;
  const names = await namesOf(q, [tandem.orpUserId, tandem.cmsUserId, author]);
  const today = swissDay(now);
  // biome-ignore lint/complexity/useMathMinMax: ISO day strings, not numbers (Math.min would give NaN)
  const end = mandate.outcomeOn ?? (today < mandate.endOn ? today : mandate.endOn);
  const months = intensityByMonth(
    { start: mandate.startOn, end },
    journal.filter(countsForIntensity).map((m) => m.heldOn),
    today,
  )
    .filter((m) => m.period !== 'future')
    .map((m) => ({ month: m.month, met: m.meetingsWithPerson >= m.required }));
  return {
    lang,
    number: situation.number,
    initials: person ? initialsOf(person.firstNames, person.officialName) : '—',
    mandate: { startOn: mandate.startOn, endOn: mandate.endOn, plannedEndOn: mandate.plannedEndOn },
    tandem: tandemMembers(names.get(tandem.orpUserId) ?? '', names.get(tandem.cmsUserId) ?? '', lang),
    meetings: journal.map((m) => ({ kind: m.kind, countsForIntensity: countsForIntensity(m) })),
    months,
    objectives: goals.map((o) => ({ title: o.title, status: o.status, doneOn: o.doneOn })),
    measures: await measureLines(q, mandate.id),
    sections: {
      workDone: report.workDone,
      obstacles: report.obstacles,
      strengths: report.strengths,
      stepsTaken: report.stepsTaken,
      stepsToTake: report.stepsToTake,
    },
    author: names.get(author) ?? '',
    on: report.finalisedAt ? swissDay(report.finalisedAt) : today,
  };
}
