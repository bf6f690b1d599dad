import type { Language } from '../access/roles.ts';
import { formatDate } from '../format/swiss-format.ts';
import { csvCell } from '../text/csv-cell.ts';
import type { FigureTable, Figures, KeyFigure } from './figures.ts';
import { DEFINITIONS } from './vocabulary.ts';

/**
 * The figures as files (CSV, XLSX): the same tables as the screen, a sheet each, after the key figures and the
 * indicators. A hidden count is written `x` (the usual mark of a statistics office), never a number; every sheet
 * says whether it is internal (exact counts) or published (small counts hidden).
 */
export type SheetValue = string | number | null;
export interface FigureSheet {
  title: string;
  /** Lines above the table: what it is, how it is counted, internal or published. */
  notes: string[];
  head: string[];
  rows: SheetValue[][];
}

export const HIDDEN_MARK = 'x';
const T = {
  fr: {
    figure: 'Chiffre',
    value: 'Valeur',
    previous: 'Période précédente',
    counted: 'Comment c’est compté',
    source: 'Source',
    total: 'Total',
    key: 'Chiffres clés',
    internal: 'Usage interne CII : nombres exacts, ne pas publier.',
    public: (n: number) =>
      `Publication : les nombres inférieurs à ${n} sont masqués (${HIDDEN_MARK}), ` +
      'avec ceux qui permettraient de les retrouver.',
    period: 'Période',
    region: 'Région',
    canton: 'Canton',
    durations: 'Durées (jours)',
    n: 'Situations',
    median: 'Médiane',
    mean: 'Moyenne',
    curve: 'Délai jusqu’à l’insertion',
    months: 'Mois',
    inserted: 'Part insérée (%)',
    atRisk: 'Encore suivies',
    costs: 'Coûts (CHF)',
    payer: 'Payeur',
    amount: 'Montant',
  },
  de: {
    figure: 'Kennzahl',
    value: 'Wert',
    previous: 'Vorperiode',
    counted: 'Wie gezählt wird',
    source: 'Quelle',
    total: 'Total',
    key: 'Kennzahlen',
    internal: 'Intern IIZ: exakte Zahlen, nicht veröffentlichen.',
    public: (n: number) =>
      `Veröffentlichung: Zahlen unter ${n} sind unterdrückt (${HIDDEN_MARK}), ` +
      'mit denen, aus denen sie sich errechnen liessen.',
    period: 'Zeitraum',
    region: 'Region',
    canton: 'Kanton',
    durations: 'Dauern (Tage)',
    n: 'Situationen',
    median: 'Median',
    mean: 'Mittelwert',
    curve: 'Zeit bis zur Eingliederung',
    months: 'Monate',
    inserted: 'Anteil eingegliedert (%)',
    atRisk: 'Noch begleitet',
    costs: 'Kosten (CHF)',
    payer: 'Kostenträger',
    amount: 'Betrag',
  },
};

const PAYERS: Record<string, Record<Language, string>> = {
  laciCents: { fr: 'LACI', de: 'AVIG' },
  lemcCents: { fr: 'LEMC', de: 'BMAG' },
  liasCantonCents: { fr: 'LIAS — canton (70 %)', de: 'GES — Kanton (70 %)' },
  liasCommuneCents: { fr: 'LIAS — communes (30 %)', de: 'GES — Gemeinden (30 %)' },
  mipCantonCents: { fr: 'MIP — canton (70 %)', de: 'MIP — Kanton (70 %)' },
  mipCommuneCents: { fr: 'MIP — communes (30 %)', de: 'MIP — Gemeinden (30 %)' },
  tandemOrpCents: { fr: 'Temps des tandems — ORP', de: 'Zeit der Tandems — RAV' },
  tandemCmsCents: { fr: 'Temps des tandems — CMS', de: 'Zeit der Tandems — SMZ' },
  totalCents: { fr: 'Total', de: 'Total' },
  perInsertionCents: { fr: 'Coût par insertion', de: 'Kosten pro Eingliederung' },
};

const mark = (v: number | null): SheetValue => (v === null ? HIDDEN_MARK : v);
/** A share as the screen shows it: a percentage (one decimal), its label saying so — the same in CSV and XLSX. */
const asPercent = (share: number) => Math.round(share * 1000) / 10;
const keyValue = (k: KeyFigure, v: number | null): SheetValue =>
  v === null ? HIDDEN_MARK : k.unit === 'share' ? asPercent(v) : v;

/**
 * The line that says what a file covers, as a person reads it: Swiss dates (dd.mm.yyyy) and each language's colon —
 * a space before it in French ("Période : …"), none in German ("Zeitraum: …").
 */
export function sheetScope(period: { from: string; to: string }, where: string, lang: Language): string {
  const t = T[lang];
  const colon = lang === 'fr' ? ' :' : ':';
  const days = `${formatDate(period.from, lang)} – ${formatDate(period.to, lang)}`;
  return `${t.period}${colon} ${days} · ${t.region}${colon} ${where}`;
}

export function figureSheets(
  f: Figures & { period: { from: string; to: string }; region: { name: Record<Language, string> } | null },
  lang: Language,
): FigureSheet[] {
  const t = T[lang];
  const scope = sheetScope(f.period, f.region ? f.region.name[lang] : t.canton, lang);
  const status = f.publication === 'internal' ? t.internal : t.public(f.threshold ?? 0);
  const keySheet: FigureSheet = {
    title: t.key,
    notes: [scope, status],
    head: [t.figure, t.value, t.previous, t.counted, t.source],
    rows: f.keyFigures.map((k) => [
      k.unit === 'share' ? `${k.label[lang]} (%)` : k.label[lang],
      keyValue(k, k.value),
      k.key.startsWith('since_start') ? null : keyValue(k, k.previous),
      k.counted[lang],
      k.source[lang],
    ]),
  };
  const tableSheet = (tb: FigureTable): FigureSheet => ({
    title: tb.label[lang],
    notes: [scope, status, tb.counted[lang]],
    head: [tb.rowHeading[lang], ...tb.columns.map((c) => c.label[lang]), t.total],
    rows: [
      ...tb.rows.map((r, i) => [r.label[lang], ...(tb.cells[i] ?? []).map(mark), mark(tb.rowTotals[i] ?? null)]),
      ...(tb.totalsRow ? [[t.total, ...tb.columnTotals.map(mark), mark(tb.total)]] : []),
    ],
  });
  const durations: FigureSheet = {
    title: t.durations,
    notes: [scope, status],
    head: [t.figure, t.n, t.median, t.mean],
    rows: f.durations.map((d) => [d.label[lang], d.n, mark(d.median), mark(d.mean)]),
  };
  const curve: FigureSheet = {
    title: t.curve,
    notes: [scope, status, DEFINITIONS.time_to_insertion.counted[lang]],
    head: [t.months, t.inserted, t.atRisk],
    rows: f.timeToInsertion.points.map((p) => [p.months, asPercent(p.inserted), p.atRisk]),
  };
  const costs: FigureSheet = {
    title: t.costs,
    notes: [scope, status, DEFINITIONS.costs.counted[lang], DEFINITIONS.tandem_time.counted[lang]],
    head: [t.payer, t.amount],
    rows: Object.entries(f.costs)
      .filter((e): e is [string, number | null] => typeof e[1] !== 'boolean')
      .map(([k, v]) => [PAYERS[k]?.[lang] ?? k, v === null ? HIDDEN_MARK : Math.round(v) / 100]),
  };
  return [keySheet, ...f.tables.map(tableSheet), durations, curve, costs];
}

/** All sheets in one CSV (`;`, for Swiss spreadsheets), a blank line between them; never a formula (csvCell). */
export function figuresCsv(sheets: readonly FigureSheet[]): string {
  const line = (cells: readonly SheetValue[]) => cells.map((c) => csvCell(c)).join(';');
  return sheets
    .map((s) => [line([s.title]), ...s.notes.map((n) => line([n])), line(s.head), ...s.rows.map(line)].join('\r\n'))
    .join('\r\n\r\n');
}
