import type { Language } from '../access/roles.ts';
import { kindShort } from '../access/institution-kind-labels.ts';
import { describeMeasure, type MeasureLine } from '../measures/lifecycle.ts';
import type { DecisionStep } from '../measures/rule-sets.ts';
import { formatDate } from '../format/swiss-format.ts';
import { MIN_MEETINGS_PER_MONTH } from './intensity.ts';
import type { MeetingKind, ObjectiveStatus } from './journal.ts';

/**
 * The monthly report (seeds 002/003: "la transmission des éléments
 * significatifs … une fois par mois"). One per calendar month of the mandate;
 * a month's report may be written from its first day and is due once the
 * month is over. Pure: months are yyyy-mm, days yyyy-mm-dd.
 */
export const monthOf = (day: string) => day.slice(0, 7);

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The months a report may be written for: from the mandate's start month to today's (or the closure's) month. */
export function reportableMonths(mandate: { startOn: string; closedOn: string | null }, today: string): string[] {
  const last = monthOf(mandate.closedOn && mandate.closedOn < today ? mandate.closedOn : today);
  const months: string[] = [];
  for (let m = monthOf(mandate.startOn); m <= last && months.length < 36; m = nextMonth(m)) months.push(m);
  return months;
}

/** A month's report is due once the month is over. */
export const isReportDue = (month: string, today: string) => month < monthOf(today);

/** The months whose report is due and not sent: the tandem's reminders. */
export function overdueReports(
  mandate: { startOn: string; closedOn: string | null },
  sentMonths: ReadonlySet<string>,
  today: string,
): string[] {
  return reportableMonths(mandate, today).filter((m) => isReportDue(m, today) && !sentMonths.has(m));
}

const MONTH_NAMES: Record<Language, string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
};
export const monthLabel = (month: string, lang: Language) =>
  `${MONTH_NAMES[lang][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export const MEETING_KIND_LABELS: Record<Language, Record<MeetingKind, string>> = {
  fr: {
    with_person: 'Entretien avec la personne',
    phone: 'Téléphone',
    employer: 'Rencontre avec un employeur',
    network: 'Réunion de réseau',
    other: 'Autre',
  },
  de: {
    with_person: 'Gespräch mit der Person',
    phone: 'Telefon',
    employer: 'Treffen mit einem Arbeitgeber',
    network: 'Netzwerksitzung',
    other: 'Anderes',
  },
};
export const OBJECTIVE_STATUS_LABELS: Record<Language, Record<ObjectiveStatus, string>> = {
  fr: { planned: 'prévu', in_progress: 'en cours', achieved: 'atteint', abandoned: 'abandonné' },
  de: { planned: 'geplant', in_progress: 'in Arbeit', achieved: 'erreicht', abandoned: 'aufgegeben' },
};

const T = {
  fr: {
    subject: 'Rapport mensuel du tandem CII — {number} — {month}',
    hello: 'Bonjour {name},',
    intro:
      'Voici le rapport mensuel du tandem CII pour la situation {number} ({initials}), que vous avez annoncée ou ' +
      'suivie, pour {month}.',
    mandate: 'Mandat : du {start} au {end}.',
    tandem: 'Tandem : {orp} ({orpKind}) et {cms} ({cmsKind}).',
    meetings: 'Entretiens du mois',
    intensity: 'Entretiens avec la personne : {n} (au moins {min} par mois).',
    none: '— aucun',
    objectives: 'Objectifs de coaching',
    measures: 'Mesures',
    due: 'échéance',
    elements: 'Éléments significatifs (mise en œuvre et évolution de la mesure)',
    closing:
      'Le dossier complet est consultable dans Tandem. Ce message ne contient que les initiales de la personne : ' +
      'ne le transférez pas hors du cercle des professionnels autorisés par la procuration.',
    signature: 'Pour le tandem : {author}',
  },
  de: {
    subject: 'Monatsbericht des IIZ-Tandems — {number} — {month}',
    hello: 'Guten Tag {name}',
    intro:
      'Hier ist der Monatsbericht des IIZ-Tandems zur Situation {number} ({initials}), die Sie gemeldet oder ' +
      'begleitet haben, für {month}.',
    mandate: 'Mandat: vom {start} bis {end}.',
    tandem: 'Tandem: {orp} ({orpKind}) und {cms} ({cmsKind}).',
    meetings: 'Gespräche des Monats',
    intensity: 'Gespräche mit der Person: {n} (mindestens {min} pro Monat).',
    none: '— keine',
    objectives: 'Coaching-Ziele',
    measures: 'Massnahmen',
    due: 'Frist',
    elements: 'Wesentliche Elemente (Umsetzung und Entwicklung der Massnahme)',
    closing:
      'Das vollständige Dossier ist in Tandem einsehbar. Diese Nachricht enthält nur die Initialen der Person: ' +
      'Leiten Sie sie nicht ausserhalb des Kreises der durch die Vollmacht berechtigten Fachpersonen weiter.',
    signature: 'Für das Tandem: {author}',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

export interface MonthlyReportFacts {
  number: string;
  initials: string;
  month: string;
  mandate: { startOn: string; endOn: string };
  tandem: { orpName: string; cmsName: string };
  meetings: { heldOn: string; kind: MeetingKind; countsForIntensity: boolean; nextSteps: string }[];
  objectives: { title: string; status: ObjectiveStatus; targetOn: string | null }[];
  /** The measures proposed, decided or running during the month (issue 5). */
  measures?: MeasureLine[];
  significantElements: string;
  authorName: string;
}

/** The e-mail one recipient receives, in their language; the tandem's own words are sent as written. */
export function composeMonthlyReport(
  f: MonthlyReportFacts,
  recipientName: string,
  lang: Language,
): { subject: string; text: string } {
  const t = T[lang];
  const month = monthLabel(f.month, lang);
  const withPerson = f.meetings.filter((m) => m.countsForIntensity).length;
  const lines = [
    fill(t.hello, { name: recipientName }),
    '',
    fill(t.intro, { number: f.number, initials: f.initials, month }),
    fill(t.mandate, { start: formatDate(f.mandate.startOn, lang), end: formatDate(f.mandate.endOn, lang) }),
    fill(t.tandem, {
      orp: f.tandem.orpName,
      orpKind: kindShort('orp', lang),
      cms: f.tandem.cmsName,
      cmsKind: kindShort('cms', lang),
    }),
    '',
    `${t.meetings}`,
    fill(t.intensity, { n: withPerson, min: MIN_MEETINGS_PER_MONTH }),
    ...(f.meetings.length
      ? f.meetings.map((m) => `- ${formatDate(m.heldOn, lang)} · ${MEETING_KIND_LABELS[lang][m.kind]}`)
      : [t.none]),
    '',
    t.objectives,
    ...(f.objectives.length
      ? f.objectives.map(
          (o) =>
            `- ${o.title} (${OBJECTIVE_STATUS_LABELS[lang][o.status]}` +
            `${o.targetOn ? `, ${t.due} ${formatDate(o.targetOn, lang)}` : ''})`,
        )
      : [t.none]),
    '',
    t.measures,
    ...(f.measures?.length
      ? f.measures.map((m) => `- ${describeMeasure(m, lang, (d) => formatDate(d, lang))}`)
      : [t.none]),
    '',
    t.elements,
    f.significantElements.trim() || t.none,
    '',
    fill(t.signature, { author: f.authorName }),
    '',
    '--',
    t.closing,
  ];
  return { subject: fill(t.subject, { number: f.number, month }), text: lines.join('\n') };
}

/** What happened to a measure on one day of the month, for the draft (issue 11). */
export interface MeasureEvent {
  on: string; // yyyy-mm-dd
  nameFr: string;
  nameDe: string;
  event: 'proposed' | 'approved' | 'refused' | 'started' | 'interrupted' | 'completed' | 'withdrawn';
  /** Who decided, for a decision. */
  step?: DecisionStep | null;
  reason?: string | null;
}

const STEP_LABELS: Record<Language, Record<DecisionStep, string>> = {
  fr: {
    tandem: 'tandem',
    lmmt: 'LMMT',
    sas: 'préavis du SAS',
    commune: 'commune de domicile',
    commission: 'Commission droit',
  },
  de: {
    tandem: 'Tandem',
    lmmt: 'LAM',
    sas: 'Vormeinung der DSW',
    commune: 'Wohngemeinde',
    commission: 'Rechtskommission',
  },
};

const DRAFT = {
  fr: {
    meetings: 'Entretiens',
    measures: 'Mesures',
    objectives: 'Objectifs',
    due: 'échéance',
    sep: ' : ',
    events: {
      proposed: 'proposée',
      approved: 'approuvée',
      refused: 'refusée',
      started: 'commencée',
      interrupted: 'interrompue',
      completed: 'terminée',
      withdrawn: 'retirée',
    },
  },
  de: {
    meetings: 'Gespräche',
    measures: 'Massnahmen',
    objectives: 'Ziele',
    due: 'Frist',
    sep: ': ',
    events: {
      proposed: 'beantragt',
      approved: 'bewilligt',
      refused: 'abgelehnt',
      started: 'begonnen',
      interrupted: 'abgebrochen',
      completed: 'abgeschlossen',
      withdrawn: 'zurückgezogen',
    },
  },
} as const;

/**
 * The draft's starting text, for the author to rework: the month's next steps as the tandem wrote them, what happened
 * to the measures that month (proposed, decided, started, interrupted, completed), and the objectives as they stand.
 * Dates as everywhere else (dd.mm.yyyy); an empty section is left out.
 */
export function draftSignificantElements(
  f: Pick<MonthlyReportFacts, 'meetings' | 'objectives'> & { measureEvents: MeasureEvent[] },
  lang: Language,
): string {
  const d = DRAFT[lang];
  const day = (on: string) => formatDate(on, lang);
  const section = (title: string, lines: string[]) => (lines.length ? [`${title}${d.sep.trimEnd()}`, ...lines] : []);
  const meetings = f.meetings
    .filter((m) => m.nextSteps.trim())
    .map((m) => `- ${day(m.heldOn)}${d.sep}${m.nextSteps.trim()}`);
  const measures = [...f.measureEvents]
    .sort((a, b) => a.on.localeCompare(b.on))
    .map((e) => {
      const by = e.step && (e.event === 'approved' || e.event === 'refused') ? ` (${STEP_LABELS[lang][e.step]})` : '';
      const why = e.reason?.trim() ? `${d.sep}${e.reason.trim()}` : '';
      return `- ${day(e.on)}${d.sep}${lang === 'de' ? e.nameDe : e.nameFr} — ${d.events[e.event]}${by}${why}`;
    });
  const objectives = f.objectives.map(
    (o) =>
      `- ${o.title} (${OBJECTIVE_STATUS_LABELS[lang][o.status]}` +
      `${o.targetOn ? `, ${d.due} ${day(o.targetOn)}` : ''})`,
  );
  const blocks = [section(d.meetings, meetings), section(d.measures, measures), section(d.objectives, objectives)];
  return blocks
    .filter((b) => b.length)
    .map((b) => b.join('\n'))
    .join('\n\n');
}

/** Initials only leave the system by e-mail ("Léa Évéquoz" → "L. É."). */
export const initialsOf = (firstNames: string, officialName: string) =>
  [firstNames, officialName]
    .map((n) => n.trim().charAt(0).toUpperCase())
    .filter(Boolean)
    .map((c) => `${c}.`)
    .join(' ');
