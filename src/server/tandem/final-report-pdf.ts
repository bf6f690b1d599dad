import type { Language } from '../../domain/access/roles.ts';
import { kindShort } from '../../domain/access/institution-kind-labels.ts';
import { withColon } from '../../domain/format/message.ts';
import { describeMeasure, type MeasureLine } from '../../domain/measures/lifecycle.ts';
import { formatDate } from '../../domain/format/swiss-format.ts';
import type { MeetingKind, ObjectiveStatus } from '../../domain/tandem/journal.ts';
import { MEETING_KIND_LABELS, OBJECTIVE_STATUS_LABELS, monthLabel } from '../../domain/tandem/monthly-report.ts';
import { renderPdf } from '../pdf/render-pdf.ts';

/**
 * The bilan final (seeds 002/003): work done, obstacles, strengths, steps
 * taken, steps still to take, with a summary of the meetings and objectives.
 * Kept on the situation, which readers without a basis for the identity also
 * see: the PDF names the person by initials only.
 */
const TEXT = {
  fr: {
    title: 'Bilan final',
    subtitle: 'Coaching tandem {orp}–{cms} — collaboration interinstitutionnelle (CII) du canton du Valais',
    reference: 'Dossier',
    person: 'Personne (initiales)',
    mandate: 'Mandat',
    mandateValue: 'du {start} au {end} (prévu jusqu’au {planned})',
    tandem: 'Tandem',
    summary: 'Résumé des entretiens',
    meetingsTotal: 'Entretiens et rencontres : {n}, dont {p} avec la personne.',
    months: 'Mois où le minimum de deux entretiens avec la personne a été atteint : {met} sur {total}.',
    missed: 'Mois en dessous du minimum : {list}.',
    objectives: 'Objectifs de coaching',
    measures: 'Mesures',
    none: 'aucun',
    sections: {
      workDone: 'Travail effectué',
      obstacles: 'Freins observés',
      strengths: 'Forces observées',
      stepsTaken: 'Démarches entreprises',
      stepsToTake: 'Démarches encore à entreprendre',
    },
    signed: 'Établi par {name} le {date}',
  },
  de: {
    title: 'Schlussbericht',
    subtitle: 'Tandem-Coaching {orp}–{cms} — Interinstitutionelle Zusammenarbeit (IIZ) des Kantons Wallis',
    reference: 'Dossier',
    person: 'Person (Initialen)',
    mandate: 'Mandat',
    mandateValue: 'vom {start} bis {end} (geplant bis {planned})',
    tandem: 'Tandem',
    summary: 'Übersicht der Gespräche',
    meetingsTotal: 'Gespräche und Treffen: {n}, davon {p} mit der Person.',
    months: 'Monate mit mindestens zwei Gesprächen mit der Person: {met} von {total}.',
    missed: 'Monate unter dem Minimum: {list}.',
    objectives: 'Coaching-Ziele',
    measures: 'Massnahmen',
    none: 'keine',
    sections: {
      workDone: 'Geleistete Arbeit',
      obstacles: 'Festgestellte Hindernisse',
      strengths: 'Festgestellte Stärken',
      stepsTaken: 'Unternommene Schritte',
      stepsToTake: 'Noch zu unternehmende Schritte',
    },
    signed: 'Erstellt von {name} am {date}',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

export interface FinalReportData {
  lang: Language;
  number: string;
  initials: string;
  mandate: { startOn: string; endOn: string; plannedEndOn: string };
  tandem: string;
  meetings: { kind: MeetingKind; countsForIntensity: boolean }[];
  months: { month: string; met: boolean }[];
  objectives: { title: string; status: ObjectiveStatus; doneOn: string | null }[];
  measures: MeasureLine[];
  sections: Record<keyof (typeof TEXT)['fr']['sections'], string>;
  author: string;
  on: string;
}

export function finalReportPdf(d: FinalReportData): Promise<Buffer> {
  const t = TEXT[d.lang];
  const counts = new Map<string, number>();
  for (const m of d.meetings) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const byKind = [...counts].map(
    ([kind, n]) => `${withColon(MEETING_KIND_LABELS[d.lang][kind as MeetingKind], d.lang)} ${n}`,
  );
  const missed = d.months.filter((m) => !m.met).map((m) => monthLabel(m.month, d.lang));
  const heading = (text: string) => ({ text, bold: true, fontSize: 12, color: '#087f5b', margin: [0, 12, 0, 4] });
  return renderPdf({
    info: { title: `${t.title} – ${d.number}` },
    content: [
      { text: t.title, fontSize: 20, bold: true, color: '#087f5b' },
      {
        text: fill(t.subtitle, { orp: kindShort('orp', d.lang), cms: kindShort('cms', d.lang) }),
        fontSize: 10,
        margin: [0, 2, 0, 10],
      },
      {
        table: {
          widths: [140, '*'],
          body: [
            [t.reference, d.number],
            [t.person, d.initials],
            [
              t.mandate,
              fill(t.mandateValue, {
                start: formatDate(d.mandate.startOn, d.lang),
                end: formatDate(d.mandate.endOn, d.lang),
                planned: formatDate(d.mandate.plannedEndOn, d.lang),
              }),
            ],
            [t.tandem, d.tandem],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      heading(t.summary),
      {
        text: fill(t.meetingsTotal, { n: d.meetings.length, p: d.meetings.filter((m) => m.countsForIntensity).length }),
      },
      ...(byKind.length ? [{ ul: byKind, margin: [12, 2, 0, 2] }] : []),
      { text: fill(t.months, { met: d.months.filter((m) => m.met).length, total: d.months.length }) },
      ...(missed.length ? [{ text: fill(t.missed, { list: missed.join(', ') }) }] : []),
      heading(t.objectives),
      d.objectives.length
        ? {
            ul: d.objectives.map(
              (o) =>
                `${o.title} — ${OBJECTIVE_STATUS_LABELS[d.lang][o.status]}` +
                `${o.doneOn ? ` (${formatDate(o.doneOn, d.lang)})` : ''}`,
            ),
            margin: [12, 0, 0, 0],
          }
        : { text: t.none },
      heading(t.measures),
      d.measures.length
        ? {
            ul: d.measures.map((m) => describeMeasure(m, d.lang, (day) => formatDate(day, d.lang))),
            margin: [12, 0, 0, 0],
          }
        : { text: t.none },
      ...(Object.keys(t.sections) as (keyof typeof t.sections)[]).flatMap((k) => [
        heading(t.sections[k]),
        { text: d.sections[k] || '—' },
      ]),
      {
        text: fill(t.signed, { name: d.author, date: formatDate(d.on, d.lang) }),
        fontSize: 9,
        color: '#444',
        margin: [0, 24, 0, 0],
      },
    ],
  });
}
