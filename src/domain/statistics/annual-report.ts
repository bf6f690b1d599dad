import type { Language } from '../access/roles.ts';
import type { FigureTable, Figures } from './figures.ts';
import { HIDDEN_MARK } from './figures-sheet.ts';

/**
 * The annual report of the CII (issue 13) in the structure of the 2012 report (seed 004 §2–§7): key achievements,
 * the activity of the bodies (COPIL, CDC, Commission droit), the Bureau's activity by kind of care with its figures,
 * conclusions. The texts are the cantonal CII officer's, per year and language; the figures are sentences and tables
 * drawn from the published (suppressed) figures only — the report leaves the CII — so that it can never disagree with
 * the published tables nor reveal a count they hide.
 */
export const REPORT_TEXT_KEYS = ['achievements', 'copil', 'cdc', 'commission', 'bureau', 'conclusions'] as const;
export type ReportTextKey = (typeof REPORT_TEXT_KEYS)[number];
export type ReportTexts = Record<ReportTextKey, string>;

export const emptyReportTexts = (): ReportTexts => ({
  achievements: '',
  copil: '',
  cdc: '',
  commission: '',
  bureau: '',
  conclusions: '',
});

/** The longest text of a section (characters): a report of some pages, not a book. */
export const REPORT_TEXT_MAX = 20_000;

export interface ReportPart {
  /** A kind of care's heading inside §6, or null. */
  heading: string | null;
  sentences: string[];
  table: FigureTable | null;
}

export interface ReportSection {
  number: number;
  key: ReportTextKey;
  title: string;
  /** The officer's text (paragraphs separated by blank lines). */
  text: string;
  /** The figures of the section, after the text. */
  parts: ReportPart[];
}

export interface AnnualReport {
  title: string;
  subtitle: string;
  note: string;
  sections: ReportSection[];
}

const T = {
  fr: {
    title: 'Rapport annuel {year}',
    subtitle: 'Collaboration interinstitutionnelle (CII) du canton du Valais',
    note:
      'Chiffres publiés : les nombres inférieurs à {threshold} sont masqués ({x}), avec ceux qui permettraient de ' +
      'les retrouver. Chiffres calculés le {computed}.',
    titles: {
      achievements: 'Réalisations clés pour l’année {year}',
      copil: 'Activités du COPIL',
      cdc: 'Activités du Comité de développement et de coordination (CDC)',
      commission: 'Activités de la Commission droit',
      bureau: 'Activités du Bureau CII',
      conclusions: 'Conclusion et recommandations',
    },
    announced: [
      [
        '{announced} situations ont été annoncées en {year} au Bureau CII pour l’ensemble du canton du Valais.',
        'Le nombre de situations annoncées en {year} au Bureau CII n’est pas publié (protection des petits nombres).',
      ],
      [
        '{share} d’entre elles ont fait l’objet d’une prise en charge coordonnée.',
        'La part prise en charge de manière coordonnée n’est pas publiée (protection des petits nombres).',
      ],
      [
        '{refused} ont été refusées, avec des suggestions de prise en charge.',
        'Le nombre de situations refusées n’est pas publié (protection des petits nombres).',
      ],
    ],
    assessment: 'L’assessment de type MAMAC',
    assessmentText: [
      [
        '{organised} assessments ont été organisés en {year} sous la responsabilité d’un membre du Bureau CII, ' +
          '{waiting} sont en attente d’organisation.',
        'Le nombre d’assessments organisés en {year} et de ceux en attente n’est pas publié ' +
          '(protection des petits nombres).',
      ],
      [
        '{closed} dossiers ont été fermés.',
        'Le nombre de dossiers fermés n’est pas publié (protection des petits nombres).',
      ],
    ],
    round_table: 'La table ronde (TRO)',
    roundTableText: [
      [
        '{held} TRO ont eu lieu sous le pilotage des coordinateurs régionaux, {prep} sont en cours d’organisation.',
        'Le nombre de TRO tenues et en cours d’organisation n’est pas publié (protection des petits nombres).',
      ],
      [
        '{pending} situations sont toujours en suspens.',
        'Le nombre de situations en suspens n’est pas publié (protection des petits nombres).',
      ],
    ],
    tandem: 'Le coaching tandem (mesure décloisonnement LIAS-LEMC)',
    tandemText: [
      [
        '{n} situations ont bénéficié du coaching intensif en tandem.',
        'Le nombre de situations en coaching tandem n’est pas publié (protection des petits nombres).',
      ],
      [
        '{inserted} personnes ont trouvé un emploi : {rateAll} de toutes les situations, {rateClosed} des ' +
          'situations closes (celles encore en cours exclues).',
        'Le nombre de personnes ayant trouvé un emploi et les taux d’insertion ne sont pas publiés ' +
          '(protection des petits nombres).',
      ],
      [
        '{open} sont encore en cours de suivi.',
        'Le nombre de situations encore en cours de suivi n’est pas publié (protection des petits nombres).',
      ],
    ],
    sinceStart: [
      [
        'Depuis le début de la CII : {n} situations en tandem, {inserted} insertions ({rateClosed} des ' +
          'situations closes).',
        'Les chiffres depuis le début de la CII ne sont pas publiés (protection des petits nombres).',
      ],
    ],
    network_follow_up: 'Le suivi réseau',
    networkText: [
      [
        '{n} situations ont été orientées vers un suivi réseau.',
        'Le nombre de situations orientées vers un suivi réseau n’est pas publié (protection des petits nombres).',
      ],
    ],
    suggested: 'Les refus ont été retournés avec des suggestions d’institutions : {list}.',
    suggestedHidden: '{label} (nombre non publié)',
    notComputable: 'non calculable',
  },
  de: {
    title: 'Jahresbericht {year}',
    subtitle: 'Interinstitutionelle Zusammenarbeit (IIZ) des Kantons Wallis',
    note:
      'Veröffentlichte Zahlen: Zahlen unter {threshold} sind unterdrückt ({x}), mit denen, aus denen sie sich ' +
      'errechnen liessen. Berechnet am {computed}.',
    titles: {
      achievements: 'Wichtigste Ergebnisse des Jahres {year}',
      copil: 'Tätigkeit des Steuerungsausschusses (COPIL)',
      cdc: 'Tätigkeit des Entwicklungs- und Koordinationsausschusses (CDC)',
      commission: 'Tätigkeit der Rechtskommission',
      bureau: 'Tätigkeit des IIZ-Büros',
      conclusions: 'Schlussfolgerungen und Empfehlungen',
    },
    announced: [
      [
        '{announced} Situationen wurden {year} dem IIZ-Büro für den ganzen Kanton Wallis gemeldet.',
        'Die Zahl der {year} dem IIZ-Büro gemeldeten Situationen wird nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
      [
        '{share} davon wurden in eine koordinierte Begleitung aufgenommen.',
        'Der Anteil in koordinierter Begleitung wird nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
      [
        '{refused} wurden abgelehnt, mit Vorschlägen zur Begleitung.',
        'Die Zahl der abgelehnten Situationen wird nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
    ],
    assessment: 'Das MAMAC-Assessment',
    assessmentText: [
      [
        '{organised} Assessments wurden {year} unter der Verantwortung eines Mitglieds des IIZ-Büros ' +
          'durchgeführt, {waiting} warten auf ihre Organisation.',
        'Die Zahl der {year} durchgeführten und der wartenden Assessments wird nicht veröffentlicht ' +
          '(Schutz kleiner Zahlen).',
      ],
      [
        '{closed} Dossiers wurden abgeschlossen.',
        'Die Zahl der abgeschlossenen Dossiers wird nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
    ],
    round_table: 'Der runde Tisch',
    roundTableText: [
      [
        '{held} runde Tische fanden unter der Leitung der regionalen Koordinatoren statt, {prep} sind in ' +
          'Vorbereitung.',
        'Die Zahl der durchgeführten und der geplanten runden Tische wird nicht veröffentlicht ' +
          '(Schutz kleiner Zahlen).',
      ],
      [
        '{pending} Situationen sind noch offen.',
        'Die Zahl der noch offenen Situationen wird nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
    ],
    tandem: 'Das Tandem-Coaching (Massnahme LIAS-LEMC)',
    tandemText: [
      [
        '{n} Situationen erhielten ein intensives Tandem-Coaching.',
        'Die Zahl der Situationen im Tandem-Coaching wird nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
      [
        '{inserted} Personen fanden eine Stelle: {rateAll} aller Situationen, {rateClosed} der abgeschlossenen ' +
          'Situationen (laufende ausgenommen).',
        'Die Zahl der Personen, die eine Stelle fanden, und die Eingliederungsquoten werden nicht ' +
          'veröffentlicht (Schutz kleiner Zahlen).',
      ],
      [
        '{open} werden noch begleitet.',
        'Die Zahl der noch begleiteten Situationen wird nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
    ],
    sinceStart: [
      [
        'Seit Beginn der IIZ: {n} Tandem-Situationen, {inserted} Eingliederungen ({rateClosed} der ' +
          'abgeschlossenen Situationen).',
        'Die Zahlen seit Beginn der IIZ werden nicht veröffentlicht (Schutz kleiner Zahlen).',
      ],
    ],
    network_follow_up: 'Die Netzwerkbegleitung',
    networkText: [
      [
        '{n} Situationen wurden an eine Netzwerkbegleitung weitergeleitet.',
        'Die Zahl der an eine Netzwerkbegleitung weitergeleiteten Situationen wird nicht veröffentlicht ' +
          '(Schutz kleiner Zahlen).',
      ],
    ],
    suggested: 'Die Ablehnungen gingen mit Vorschlägen von Institutionen zurück: {list}.',
    suggestedHidden: '{label} (Zahl nicht veröffentlicht)',
    notComputable: 'nicht berechenbar',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

/**
 * A sentence of clauses, each with its form for when one of its figures is hidden: "x d'entre elles" reads badly, so
 * a clause resting on a hidden figure says instead that it is not published (issue 13); the tables keep their "x".
 */
const say = (clauses: readonly (readonly [string, string])[], p: Record<string, string | number>) =>
  clauses
    .map(([shown, hidden]) => {
      const used = [...shown.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
      return fill(used.some((k) => p[k] === HIDDEN_MARK) ? hidden : shown, p);
    })
    .join(' ');

type ReportFigures = Pick<Figures, 'keyFigures' | 'tables' | 'threshold'>;

/** The report of a year from its published figures and the officer's texts in one language. */
export function annualReport(
  f: ReportFigures,
  texts: ReportTexts,
  lang: Language,
  year: number,
  computed: string,
): AnnualReport {
  const t = T[lang];
  const locale = lang === 'de' ? 'de-CH' : 'fr-CH';
  const value = (key: string) => {
    const k = f.keyFigures.find((x) => x.key === key);
    if (!k) return t.notComputable;
    // Hidden (published) or, for a share, nothing to divide by.
    if (k.value === null) return k.unit === 'share' && f.threshold === null ? t.notComputable : HIDDEN_MARK;
    return k.unit === 'share'
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(k.value)
      : String(k.value);
  };
  const table = (key: string) => f.tables.find((x) => x.key === key) ?? null;
  const refusals = table('refused_by_suggested_institution');
  const part = (heading: string | null, sentence: string, tableKey: string | null): ReportPart => ({
    heading,
    sentences: [sentence],
    table: tableKey ? table(tableKey) : null,
  });
  const parts: Record<ReportTextKey, ReportPart[]> = {
    achievements: [
      part(
        null,
        say(t.announced, {
          year,
          announced: value('situations_announced'),
          share: value('taken_into_care_share'),
          refused: value('refused'),
        }),
        'situations_by_region',
      ),
      // The institutions the refusals suggested (seed 004 §6, issue 13), when there were refusals.
      ...(refusals?.columns.length
        ? [
            part(
              null,
              fill(t.suggested, {
                list: refusals.columns
                  .map((c, j) => {
                    const n = refusals.columnTotals[j] ?? null;
                    return n === null ? fill(t.suggestedHidden, { label: c.label[lang] }) : `${c.label[lang]} ${n}`;
                  })
                  .join(', '),
              }),
              'refused_by_suggested_institution',
            ),
          ]
        : []),
    ],
    copil: [],
    cdc: [],
    commission: [],
    bureau: [
      part(
        t.assessment,
        say(t.assessmentText, {
          year,
          organised: value('assessment_organised'),
          waiting: value('assessment_waiting'),
          closed: value('assessment_closed'),
        }),
        'assessment_by_region',
      ),
      part(
        t.round_table,
        say(t.roundTableText, {
          held: value('round_table_held'),
          prep: value('round_table_in_preparation'),
          pending: value('round_table_pending'),
        }),
        'round_table_by_region',
      ),
      {
        heading: t.tandem,
        sentences: [
          say(t.tandemText, {
            n: value('tandem_situations'),
            inserted: value('tandem_inserted'),
            rateAll: value('insertion_rate_of_all'),
            rateClosed: value('insertion_rate_of_closed'),
            open: value('tandem_open'),
          }),
          say(t.sinceStart, {
            n: value('since_start_tandem_situations'),
            inserted: value('since_start_insertions'),
            rateClosed: value('since_start_rate_of_closed'),
          }),
        ],
        table: table('tandem_by_region'),
      },
      part(
        t.network_follow_up,
        say(t.networkText, { n: value('network_follow_up_situations') }),
        'network_follow_up_by_region',
      ),
    ],
    conclusions: [],
  };
  return {
    title: fill(t.title, { year }),
    subtitle: t.subtitle,
    note: fill(t.note, { threshold: f.threshold ?? 0, x: HIDDEN_MARK, computed }),
    sections: REPORT_TEXT_KEYS.map((key, i) => ({
      number: i + 2,
      key,
      title: fill(t.titles[key], { year }),
      text: texts[key],
      parts: parts[key],
    })),
  };
}

/** Under a table of the report: how it is counted and the documents it follows, named as a reader knows them. */
export function reportTableNote(table: FigureTable, lang: Language): string {
  return `${table.counted[lang]} ${lang === 'fr' ? 'Source :' : 'Quelle:'} ${table.source[lang]}.`;
}

/**
 * A table as the report prints it: the columns nothing counts in left out (a published column total of 0 says all its
 * cells are 0), a hidden count written `x`, the totals last.
 */
export function reportTableRows(table: FigureTable, lang: Language, totalLabel: string): string[][] {
  const keep = table.columns.map((_, j) => table.columnTotals[j] !== 0);
  const cell = (v: number | null) => (v === null ? HIDDEN_MARK : String(v));
  const head = [
    table.rowHeading[lang],
    ...table.columns.filter((_, j) => keep[j]).map((c) => c.label[lang]),
    totalLabel,
  ];
  const body = table.rows.map((r, i) => [
    r.label[lang],
    ...(table.cells[i] ?? []).filter((_, j) => keep[j]).map(cell),
    cell(table.rowTotals[i] ?? null),
  ]);
  const totals = [totalLabel, ...table.columnTotals.filter((_, j) => keep[j]).map(cell), cell(table.total)];
  return table.totalsRow ? [head, ...body, totals] : [head, ...body];
}
