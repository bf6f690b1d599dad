import { type CostedMeasure, incurredIn, type QuarterBounds, shares } from './costs.ts';

/**
 * A commune's quarterly statement to the SAS (seeds 002/003, DOMAIN.md §5): the
 * LIAS measure costs and the MIP costs incurred in the quarter, each with the
 * canton's and the commune's share.
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
 * The CSV the commune sends on: one line per measure, amounts in francs with two decimals, `;`-separated for Swiss
 * spreadsheets.
 */
export function statementCsv(s: Statement, lang: 'fr' | 'de', communeName: string): string {
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
          'Montant CHF',
          'Canton CHF',
          'Commune CHF',
        ];
  const chf = (c: number) => (c / 100).toFixed(2);
  const cell = (v: string | number) => {
    // A leading = + - @ would run as a formula in a spreadsheet.
    const text = typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v);
    return /[";\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const rows = s.lines.map((l) => [
    communeName,
    s.quarter.key,
    l.situationNumber,
    l.initials,
    lang === 'de' ? l.kindNameDe : l.kindNameFr,
    l.mip ? (lang === 'de' ? 'ja' : 'oui') : lang === 'de' ? 'nein' : 'non',
    l.from,
    l.to,
    l.days,
    chf(l.cents),
    chf(l.cantonCents),
    chf(l.communeCents),
  ]);
  const total = [
    communeName,
    s.quarter.key,
    lang === 'de' ? 'Total' : 'Total',
    '',
    '',
    '',
    '',
    '',
    '',
    chf(s.total.cents),
    chf(s.total.cantonCents),
    chf(s.total.communeCents),
  ];
  return `${[head, ...rows, total].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
