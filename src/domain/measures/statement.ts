import { type CostedMeasure, incurredIn, type QuarterBounds, shares } from './costs.ts';
import { csvCell } from '../text/csv-cell.ts';

/**
 * A commune's quarterly statement to the SAS (seeds 002/003, DOMAIN.md §5): the
 * LIAS measure costs and the MIP costs incurred in the quarter, each with the
 * canton's and the commune's share (each line split to the centime, so the shares add up to its amount).
 */
export interface StatementSource extends CostedMeasure {
  measureId: string;
  situationNumber: string;
  initials: string;
  kindNameFr: string;
  kindNameDe: string;
  mip: boolean;
}

export interface StatementLine {
  measureId: string;
  situationNumber: string;
  initials: string;
  kindNameFr: string;
  kindNameDe: string;
  mip: boolean;
  from: string;
  to: string;
  days: number;
  /** The months billed (a measure priced by month), or null (priced by day or lump sum: pro rata of the days). */
  months: number | null;
  cents: number;
  cantonCents: number;
  communeCents: number;
}

export interface Totals {
  cents: number;
  cantonCents: number;
  communeCents: number;
}

export interface Statement {
  quarter: QuarterBounds;
  lines: StatementLine[];
  measures: Totals;
  mip: Totals;
  total: Totals;
}

const sum = (lines: readonly StatementLine[]): Totals => ({
  cents: lines.reduce((s, l) => s + l.cents, 0),
  cantonCents: lines.reduce((s, l) => s + l.cantonCents, 0),
  communeCents: lines.reduce((s, l) => s + l.communeCents, 0),
});

export function composeStatement(quarter: QuarterBounds, sources: readonly StatementSource[]): Statement {
  const lines: StatementLine[] = [];
  for (const s of sources) {
    const inc = incurredIn(s, quarter.from, quarter.to);
    if (!inc || inc.cents === 0) continue;
    lines.push({
      measureId: s.measureId,
      situationNumber: s.situationNumber,
      initials: s.initials,
      kindNameFr: s.kindNameFr,
      kindNameDe: s.kindNameDe,
      mip: s.mip,
      from: inc.from,
      to: inc.to,
      days: inc.days,
      months: inc.months,
      cents: inc.cents,
      ...shares(inc.cents),
    });
  }
  // MIP lines after the measures, each group by case number then start.
  lines.sort(
    (a, b) =>
      Number(a.mip) - Number(b.mip) ||
      a.situationNumber.localeCompare(b.situationNumber) ||
      a.from.localeCompare(b.from),
  );
  return {
    quarter,
    lines,
    measures: sum(lines.filter((l) => !l.mip)),
    mip: sum(lines.filter((l) => l.mip)),
    total: sum(lines),
  };
}

/**
 * A table to export (CSV, XLSX): a header row, the rows, a totals row. Money cells carry cents, so that each format
 * writes them its own way (two decimals in the CSV, a number with a CHF format in the workbook).
 */
export type SheetCell = string | number | { cents: number };
export interface Sheet {
  head: string[];
  rows: SheetCell[][];
  total: SheetCell[];
}

const yesNo = (v: boolean, lang: 'fr' | 'de') => (v ? (lang === 'de' ? 'ja' : 'oui') : lang === 'de' ? 'nein' : 'non');

/** One commune's statement as a table, one line per measure: what the commune sends on to the SAS. */
export function statementSheet(s: Statement, lang: 'fr' | 'de', communeName: string): Sheet {
  const head =
    lang === 'de'
      ? [
          'Gemeinde',
          'Quartal',
          'Dossier',
          'Person',
          'Art',
          'MIP',
          'Von',
          'Bis',
          'Tage',
          'Monate',
          'Betrag CHF',
          'Kanton CHF',
          'Gemeinde CHF',
        ]
      : [
          'Commune',
          'Trimestre',
          'Dossier',
          'Personne',
          'Mesure',
          'MIP',
          'Du',
          'Au',
          'Jours',
          'Mois',
          'Montant CHF',
          'Canton CHF',
          'Commune CHF',
        ];
  const rows = s.lines.map((l) => [
    communeName,
    s.quarter.key,
    l.situationNumber,
    l.initials,
    lang === 'de' ? l.kindNameDe : l.kindNameFr,
    yesNo(l.mip, lang),
    l.from,
    l.to,
    l.days,
    l.months ?? '',
    { cents: l.cents },
    { cents: l.cantonCents },
    { cents: l.communeCents },
  ]);
  const total = [
    communeName,
    s.quarter.key,
    'Total',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    { cents: s.total.cents },
    { cents: s.total.cantonCents },
    { cents: s.total.communeCents },
  ];
  return { head, rows, total };
}

/** A sheet as CSV: amounts in francs with two decimals, `;`-separated for Swiss spreadsheets. */
export function sheetCsv(sheet: Sheet): string {
  // The exports' one cell: never a formula, quoted where a spreadsheet would split.
  const cell = (v: SheetCell) => (typeof v === 'object' ? (v.cents / 100).toFixed(2) : csvCell(v));
  return `${[sheet.head, ...sheet.rows, sheet.total].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** The CSV the commune sends on: one line per measure. */
export const statementCsv = (s: Statement, lang: 'fr' | 'de', communeName: string) =>
  sheetCsv(statementSheet(s, lang, communeName));

/**
 * The canton's view of a quarter (for the SAS): one row per commune, each the totals of that commune's own
 * statement — composed by `composeStatement`, never recomputed — so that the two can never disagree.
 */
export interface CantonRow {
  commune: { id: string; name: string };
  lines: number;
  measures: Totals;
  mip: Totals;
  total: Totals;
}
export interface CantonStatement {
  quarter: QuarterBounds;
  rows: CantonRow[];
  measures: Totals;
  mip: Totals;
  total: Totals;
}

const add = (a: Totals, b: Totals): Totals => ({
  cents: a.cents + b.cents,
  cantonCents: a.cantonCents + b.cantonCents,
  communeCents: a.communeCents + b.communeCents,
});
const ZERO: Totals = { cents: 0, cantonCents: 0, communeCents: 0 };

export function composeCantonStatement(
  quarter: QuarterBounds,
  communes: readonly { commune: { id: string; name: string }; statement: Statement }[],
): CantonStatement {
  const rows = communes.map(({ commune, statement }) => ({
    commune: { id: commune.id, name: commune.name },
    lines: statement.lines.length,
    measures: statement.measures,
    mip: statement.mip,
    total: statement.total,
  }));
  return {
    quarter,
    rows,
    measures: rows.reduce((t, r) => add(t, r.measures), ZERO),
    mip: rows.reduce((t, r) => add(t, r.mip), ZERO),
    total: rows.reduce((t, r) => add(t, r.total), ZERO),
  };
}

/** The canton view as a table: one row per commune, the measures, the MIP and the total with their shares. */
export function cantonSheet(c: CantonStatement, lang: 'fr' | 'de'): Sheet {
  const de = lang === 'de';
  const head = [
    de ? 'Quartal' : 'Trimestre',
    de ? 'Gemeinde' : 'Commune',
    de ? 'Zeilen' : 'Lignes',
    de ? 'Massnahmen CHF' : 'Mesures CHF',
    'MIP CHF',
    de ? 'Betrag CHF' : 'Montant CHF',
    de ? 'Kanton CHF' : 'Canton CHF',
    de ? 'Gemeinde CHF' : 'Commune CHF',
  ];
  const money = (t: Totals) => [{ cents: t.cents }, { cents: t.cantonCents }, { cents: t.communeCents }];
  const rows = c.rows.map((r) => [
    c.quarter.key,
    r.commune.name,
    r.lines,
    { cents: r.measures.cents },
    { cents: r.mip.cents },
    ...money(r.total),
  ]);
  const total = [
    c.quarter.key,
    de ? 'Total Kanton' : 'Total canton',
    c.rows.reduce((n, r) => n + r.lines, 0),
    { cents: c.measures.cents },
    { cents: c.mip.cents },
    ...money(c.total),
  ];
  return { head, rows, total };
}

/** Every quarter from the one of `fromDay` to the one of `toDay`, newest first (the statements' picker). */
export function quartersBetween(fromDay: string, toDay: string): string[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const keys: string[] = [];
  for (let i = index(toDay); i >= index(fromDay) && keys.length < 400; i--) {
    keys.push(`${String(Math.floor(i / 4)).padStart(4, '0')}-Q${(i % 4) + 1}`);
  }
  return keys;
}
