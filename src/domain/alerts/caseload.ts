import { parseDay } from '../history/history-import.ts';
import { RISK_FACTORS, type RiskFactor } from '../situation/vocabulary.ts';
import { normaliseNavs13 } from './pseudonym.ts';

/**
 * An institution's caseload (issue 14): the persons its CII correspondent declares as followed now, one row each —
 * the NAVS13 (turned into a pseudonym by the server before anything is stored), the institution's own file
 * reference, the day followed since, and optionally the end of LACI rights and risk flags (the announcement's
 * risk factors). Pure: the columns, a row read and checked, the reasons a row is refused (message keys), today an
 * argument.
 */
export const CASELOAD_COLUMNS = ['navs13', 'reference', 'followed_since', 'laci_end', 'risk_flags'] as const;
export const CASELOAD_REQUIRED = ['navs13', 'reference', 'followed_since'] as const;
/** More than any partner's caseload (the ORP of the canton follows some thousands); the bench uses 50 000. */
export const CASELOAD_MAX_ROWS = 100_000;
export const REFERENCE_MAX = 40;
const FIRST_DAY = '1990-01-01';

export interface CaseloadRow {
  /** 13 digits, never stored. */
  navs13: string;
  reference: string;
  followedSince: string;
  laciEnd: string | null;
  riskFlags: RiskFactor[];
}

export interface CaseloadProblem {
  column: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ParsedCaseload {
  rows: { line: number; row: CaseloadRow }[];
  rejected: { line: number; reference: string; problems: CaseloadProblem[] }[];
  fileProblems: CaseloadProblem[];
}

const norm = (s: string | undefined) => (s ?? '').trim();
/** Control characters would survive into a CSV or a screen: refused in a reference. */
const hasControl = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || (c >= 127 && c < 160)) return true;
  }
  return false;
};

/**
 * Whether a text holds something like a NAVS13 (756 and ten more digits, dots, spaces or dashes between, any check
 * digit): such a text is never echoed back nor kept as a reference — a file with its columns in another order would
 * otherwise return or store the numbers in clear.
 */
export function looksLikeNavs13(text: string): boolean {
  return /756\d{10}/.test(text.replace(/[\s.\-\u2010-\u2015_/]/g, ''));
}

export function parseCaseloadRow(
  raw: Readonly<Record<string, string>>,
  today: string,
): { row: CaseloadRow | null; problems: CaseloadProblem[] } {
  const problems: CaseloadProblem[] = [];
  const say = (column: string, key: string, params?: Record<string, string | number>) =>
    problems.push({ column, key, ...(params ? { params } : {}) });
  const navsText = norm(raw.navs13);
  const navs13 = navsText ? normaliseNavs13(navsText) : null;
  if (!navsText) say('navs13', 'caseload.required');
  // The number itself is never repeated in a message: a dry run's report may be printed or mailed.
  else if (!navs13) say('navs13', 'caseload.navs13');
  const reference = norm(raw.reference);
  if (!reference) say('reference', 'caseload.required');
  else if (reference.length > REFERENCE_MAX || hasControl(reference))
    say('reference', 'caseload.reference', { max: REFERENCE_MAX });
  else if (looksLikeNavs13(reference)) say('reference', 'caseload.referenceNavs13');
  const sinceText = norm(raw.followed_since);
  const followedSince = sinceText ? parseDay(sinceText) : null;
  if (!sinceText) say('followed_since', 'caseload.required');
  // Values are not quoted back (a column in the wrong place could hold a NAVS13): the column and the reason say it.
  else if (!followedSince) say('followed_since', 'caseload.date');
  else if (followedSince < FIRST_DAY || followedSince > today) say('followed_since', 'caseload.dateRange');
  const laciText = norm(raw.laci_end);
  const laciEnd = laciText ? parseDay(laciText) : null;
  if (laciText && !laciEnd) say('laci_end', 'caseload.date');
  else if (laciEnd && followedSince && laciEnd < followedSince) say('laci_end', 'caseload.laciBeforeSince');
  const flagText = norm(raw.risk_flags);
  const flags = flagText
    ? flagText
        .split(/[,;|\s]+/)
        .map((f) => f.toLowerCase())
        .filter(Boolean)
    : [];
  const unknown = flags.filter((f) => !(RISK_FACTORS as readonly string[]).includes(f));
  if (unknown.length) say('risk_flags', 'caseload.riskFlag', { allowed: RISK_FACTORS.join(', ') });
  if (problems.length || !navs13 || !followedSince) return { row: null, problems };
  return {
    row: { navs13, reference, followedSince, laciEnd, riskFlags: [...new Set(flags)] as RiskFactor[] },
    problems,
  };
}

/** A whole file: its header (template names, any order and case), its rows; a number seen twice refuses the later. */
export function parseCaseloadTable(table: readonly (readonly string[])[], today: string): ParsedCaseload {
  const [header = [], ...lines] = table;
  const columns = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
  const fileProblems: CaseloadProblem[] = [];
  for (const c of CASELOAD_REQUIRED)
    if (!columns.includes(c)) fileProblems.push({ column: c, key: 'caseload.columnMissing' });
  for (const c of columns)
    if (c && !(CASELOAD_COLUMNS as readonly string[]).includes(c))
      fileProblems.push({ column: c, key: 'caseload.columnUnknown' });
  const filled = lines
    .map((cells, i) => ({ cells, line: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (filled.length > CASELOAD_MAX_ROWS)
    fileProblems.push({ column: '', key: 'caseload.tooManyRows', params: { max: CASELOAD_MAX_ROWS } });
  if (fileProblems.length) return { rows: [], rejected: [], fileProblems };
  const rows: ParsedCaseload['rows'] = [];
  const rejected: ParsedCaseload['rejected'] = [];
  const seen = new Map<string, number>();
  for (const { cells, line } of filled) {
    const raw: Record<string, string> = {};
    for (let j = 0; j < columns.length; j++) raw[columns[j] as string] = cells[j] ?? '';
    const { row, problems } = parseCaseloadRow(raw, today);
    const first = row ? seen.get(row.navs13) : undefined;
    if (row && first !== undefined)
      problems.push({ column: 'navs13', key: 'caseload.duplicate', params: { line: first } });
    else if (row) seen.set(row.navs13, line);
    if (row && problems.length === 0) rows.push({ line, row });
    else {
      const reference = norm(raw.reference).slice(0, REFERENCE_MAX);
      rejected.push({
        line,
        reference: looksLikeNavs13(reference) || hasControl(reference) ? '' : reference,
        problems,
      });
    }
  }
  // Every row refused: surely a wrong file (another column order, another export), not an empty caseload.
  if (rows.length === 0 && rejected.length > 0) fileProblems.push({ column: '', key: 'caseload.noneAccepted' });
  return { rows, rejected, fileProblems };
}

/** The template's example rows (valid check digits; fictitious numbers from the 756.9217 range of DOMAIN.md §3). */
export const CASELOAD_TEMPLATE_EXAMPLES: Readonly<Record<(typeof CASELOAD_COLUMNS)[number], string>>[] = [
  { navs13: '756.9217.0769.85', reference: 'DOS-2026-001', followed_since: '2026-01-15', laci_end: '', risk_flags: '' },
  {
    navs13: '7561234567897',
    reference: 'DOS-2026-002',
    followed_since: '01.03.2026',
    laci_end: '2026-12-31',
    risk_flags: 'health, debts',
  },
];
