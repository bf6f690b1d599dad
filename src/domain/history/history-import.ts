import { INSTITUTION_KINDS, type InstitutionKind } from '../access/roles.ts';
import { CARE_KINDS, type CareKind, PASSAGE_OUTCOMES, type PassageOutcome } from '../care/passage.ts';

/**
 * The CII's earlier records (issue 13; seed 004: the shared database "ASGAL", seed 000: tandems since 2011) imported
 * into the figures from a CSV or XLSX file in a documented template, one situation per row. Imported situations are
 * anonymous — no person, no name, never matched to a person — and count in the figures like the others: a situation
 * announced on a day, in a region, by a kind of institution, decided (taken into coordinated care or refused), passing
 * through up to three kinds of care, each with its dates and outcome, and the 6- and 12-month follow-ups of an
 * insertion. The history is what has ended (decision 025): a situation still undecided or in care at the switch to
 * Tandem is entered live. A row is known by its external key: importing the same file again changes nothing.
 *
 * Pure: the columns, the reading of a row, and why a row is refused (message keys with parameters, translated by the
 * server). No I/O, no clock (today is an argument).
 */
export const MAX_PASSAGES = 3;
const PASSAGE_COLUMNS = (n: number) => [
  `care${n}_kind`,
  `care${n}_started_on`,
  `care${n}_ended_on`,
  `care${n}_outcome`,
];
export const HISTORY_COLUMNS = [
  'external_key',
  'announced_on',
  'decided_on',
  'region',
  'institution_kind',
  'decision',
  ...Array.from({ length: MAX_PASSAGES }, (_, i) => PASSAGE_COLUMNS(i + 1)).flat(),
  'follow_up_6_months',
  'follow_up_12_months',
] as const;
export const REQUIRED_COLUMNS = [
  'external_key',
  'announced_on',
  'decided_on',
  'region',
  'institution_kind',
  'decision',
] as const;
export const DECISIONS = ['taken_into_care', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];
export const FOLLOW_UP_VALUES = ['in_work', 'not_in_work'] as const;
/** The most rows one file may hold (a history of some thousand situations fits many times). */
export const MAX_ROWS = 20_000;
export const EXTERNAL_KEY_MAX = 64;
const FIRST_DAY = '2000-01-01';

export interface ImportedPassage {
  kind: CareKind;
  startedOn: string;
  endedOn: string;
  outcome: PassageOutcome;
}

export interface HistoryRow {
  externalKey: string;
  announcedOn: string;
  decidedOn: string;
  regionCode: string;
  institutionKind: InstitutionKind;
  decision: Decision;
  passages: ImportedPassage[];
  /** Still in work at the follow-up: true, false, or null (not done / not known). */
  followUp6: boolean | null;
  followUp12: boolean | null;
}

/** Why a row is refused: a message key of the server's dictionaries, the column, and the message's parameters. */
export interface RowProblem {
  column: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface RejectedRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  externalKey: string;
  problems: RowProblem[];
}

export interface ParsedFile {
  rows: { line: number; row: HistoryRow }[];
  rejected: RejectedRow[];
  /** Problems of the file itself (a missing column, no row): nothing is imported. */
  fileProblems: RowProblem[];
}

export interface ImportContext {
  /** The region codes of the directory (upper case). */
  regionCodes: readonly string[];
  /** The institution kinds the directory has an institution of. */
  institutionKinds: readonly InstitutionKind[];
  /** Today (yyyy-mm-dd): nothing happens after it. */
  today: string;
}

/** A date as yyyy-mm-dd or dd.mm.yyyy (a spreadsheet date arrives already as yyyy-mm-dd), a real calendar day. */
export function parseDay(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const swiss = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : swiss
      ? [Number(swiss[3]), Number(swiss[2]), Number(swiss[1])]
      : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const norm = (s: string | undefined) => (s ?? '').trim();
const code = (s: string | undefined) => norm(s).toLowerCase();

/** One row of the file, read and checked; the problems say why it is refused (none: it is imported). */
export function parseHistoryRow(
  raw: Readonly<Record<string, string>>,
  ctx: ImportContext,
): { row: HistoryRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (column: string, key: string, params?: Record<string, string | number>) => {
    problems.push({ column, key, ...(params ? { params } : {}) });
  };
  const day = (column: string, required: boolean): string | null => {
    const v = norm(raw[column]);
    if (!v) {
      if (required) problem(column, 'history.required');
      return null;
    }
    const parsed = parseDay(v);
    if (!parsed) problem(column, 'history.date', { value: v });
    else if (parsed < FIRST_DAY || parsed > ctx.today) problem(column, 'history.dateRange', { value: v });
    else return parsed;
    return null;
  };
  const externalKey = norm(raw.external_key);
  if (!externalKey) problem('external_key', 'history.required');
  else if (externalKey.length > EXTERNAL_KEY_MAX || !/^[\p{L}\p{N}._\-/]+$/u.test(externalKey))
    problem('external_key', 'history.externalKey', { max: EXTERNAL_KEY_MAX });
  const announcedOn = day('announced_on', true);
  const decidedOn = day('decided_on', false);
  const regionCode = norm(raw.region).toUpperCase();
  if (!regionCode) problem('region', 'history.required');
  else if (!ctx.regionCodes.includes(regionCode))
    problem('region', 'history.region', { value: norm(raw.region), allowed: ctx.regionCodes.join(', ') });
  const kind = code(raw.institution_kind);
  if (!kind) problem('institution_kind', 'history.required');
  else if (!(INSTITUTION_KINDS as readonly string[]).includes(kind))
    problem('institution_kind', 'history.institutionKind', { value: kind, allowed: INSTITUTION_KINDS.join(', ') });
  else if (!ctx.institutionKinds.includes(kind as InstitutionKind))
    problem('institution_kind', 'history.noInstitution', { value: kind });
  const decisionText = code(raw.decision);
  const decision = (DECISIONS as readonly string[]).includes(decisionText) ? (decisionText as Decision) : null;
  if (!decisionText) problem('decision', 'history.required');
  else if (!decision) problem('decision', 'history.decision', { value: decisionText });
  if (announcedOn && decidedOn && decidedOn < announcedOn) problem('decided_on', 'history.decidedBeforeAnnounced');
  if (decision && !decidedOn && !problems.some((p) => p.column === 'decided_on'))
    problem('decided_on', 'history.decidedOnMissing');

  const passages: ImportedPassage[] = [];
  for (let n = 1; n <= MAX_PASSAGES; n++) {
    const [kindCol, startCol, endCol, outcomeCol] = PASSAGE_COLUMNS(n) as [string, string, string, string];
    const careKind = code(raw[kindCol]);
    const anything = [kindCol, startCol, endCol, outcomeCol].some((c) => norm(raw[c]));
    if (!anything) continue;
    if (!careKind) {
      problem(kindCol, 'history.required');
      continue;
    }
    if (!(CARE_KINDS as readonly string[]).includes(careKind)) {
      problem(kindCol, 'history.careKind', { value: careKind, allowed: CARE_KINDS.join(', ') });
      continue;
    }
    const startedOn = day(startCol, true);
    const endedOn = day(endCol, false);
    const outcomeText = code(raw[outcomeCol]);
    const outcome = (PASSAGE_OUTCOMES as readonly string[]).includes(outcomeText)
      ? (outcomeText as PassageOutcome)
      : null;
    if (outcomeText && !outcome)
      problem(outcomeCol, 'history.outcome', { value: outcomeText, allowed: PASSAGE_OUTCOMES.join(', ') });
    if (endedOn && !outcomeText) problem(outcomeCol, 'history.outcomeMissing');
    // The history is what has ended: a care still going on at the switch to Tandem is entered there, live.
    if (!endedOn && !problems.some((p) => p.column === endCol)) problem(endCol, 'history.stillOpen');
    if (startedOn && endedOn && endedOn < startedOn) problem(endCol, 'history.endedBeforeStarted');
    if (startedOn && decidedOn && startedOn < decidedOn) problem(startCol, 'history.startedBeforeDecided');
    const before = passages.at(-1);
    if (before?.endedOn && startedOn && startedOn < before.endedOn)
      problem(startCol, 'history.startedBeforePrevious', { n: n - 1 });
    if (startedOn && endedOn && outcome) passages.push({ kind: careKind as CareKind, startedOn, endedOn, outcome });
  }
  if (decision === 'taken_into_care' && passages.length === 0 && !problems.some((p) => p.column.startsWith('care')))
    problem('care1_kind', 'history.careMissing');
  if (decision === 'refused' && passages.length > 0) problem('decision', 'history.careWithoutDecision');

  const inserted = passages.some((p) => p.outcome === 'inserted');
  const followUp = (column: string): boolean | null => {
    const v = code(raw[column]);
    if (!v) return null;
    if (!(FOLLOW_UP_VALUES as readonly string[]).includes(v)) {
      problem(column, 'history.followUp', { value: v });
      return null;
    }
    if (!inserted) problem(column, 'history.followUpWithoutInsertion');
    return v === 'in_work';
  };
  const followUp6 = followUp('follow_up_6_months');
  const followUp12 = followUp('follow_up_12_months');
  if (problems.length > 0 || !announcedOn || !decidedOn || !decision) return { row: null, problems };
  return {
    row: {
      externalKey,
      announcedOn,
      decidedOn,
      regionCode,
      institutionKind: kind as InstitutionKind,
      decision,
      passages,
      followUp6,
      followUp12,
    },
    problems,
  };
}

/**
 * A whole file: its header (the template's column names, in any order, case and surrounding spaces ignored; unknown
 * columns refused so that a misspelt one is not silently dropped) and its rows; a key seen twice refuses the later
 * rows. Empty lines are skipped.
 */
export function parseHistoryTable(table: readonly (readonly string[])[], ctx: ImportContext): ParsedFile {
  const [header = [], ...lines] = table;
  const columns = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
  const fileProblems: RowProblem[] = [];
  for (const c of REQUIRED_COLUMNS)
    if (!columns.includes(c)) fileProblems.push({ column: c, key: 'history.columnMissing' });
  for (const c of columns)
    if (c && !(HISTORY_COLUMNS as readonly string[]).includes(c))
      fileProblems.push({ column: c, key: 'history.columnUnknown' });
  const filled = lines
    .map((cells, i) => ({ cells, line: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) fileProblems.push({ column: '', key: 'history.noRows' });
  if (filled.length > MAX_ROWS)
    fileProblems.push({ column: '', key: 'history.tooManyRows', params: { max: MAX_ROWS } });
  if (fileProblems.length > 0) return { rows: [], rejected: [], fileProblems };
  const rows: ParsedFile['rows'] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const { cells, line } of filled) {
    const raw = Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? '']));
    const { row, problems } = parseHistoryRow(raw, ctx);
    const key = norm(raw.external_key);
    const first = seen.get(key);
    if (key && first !== undefined)
      problems.push({ column: 'external_key', key: 'history.duplicate', params: { line: first } });
    else if (key) seen.set(key, line);
    if (row && problems.length === 0) rows.push({ line, row });
    else rejected.push({ line, externalKey: key, problems });
  }
  return { rows, rejected, fileProblems };
}

/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by the header line's separator — a semicolon (Swiss
 * Excel), a comma or a tab —, quoted with double quotes when they hold one, a separator or a line break.
 */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length] as const);
  const separator = counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ';';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The template's example rows (the import screen offers it as CSV and XLSX): a tandem, a round table, a refusal. */
export const TEMPLATE_EXAMPLES: Readonly<Record<string, string>>[] = [
  {
    external_key: 'ASGAL-2012-001',
    announced_on: '2012-02-01',
    decided_on: '2012-02-15',
    region: 'SION',
    institution_kind: 'orp',
    decision: 'taken_into_care',
    care1_kind: 'tandem',
    care1_started_on: '2012-03-01',
    care1_ended_on: '2012-09-14',
    care1_outcome: 'inserted',
    follow_up_6_months: 'in_work',
    follow_up_12_months: 'in_work',
  },
  {
    external_key: 'ASGAL-2012-002',
    announced_on: '12.03.2012',
    decided_on: '26.03.2012',
    region: 'MONTHEY',
    institution_kind: 'cms',
    decision: 'taken_into_care',
    care1_kind: 'round_table',
    care1_started_on: '02.04.2012',
    care1_ended_on: '10.05.2012',
    care1_outcome: 'oriented_network_follow_up',
    care2_kind: 'network_follow_up',
    care2_started_on: '10.05.2012',
    care2_ended_on: '30.11.2012',
    care2_outcome: 'followed_by_institution',
  },
  {
    external_key: 'ASGAL-2012-003',
    announced_on: '2012-05-07',
    decided_on: '2012-05-21',
    region: 'SION',
    institution_kind: 'cms',
    decision: 'refused',
  },
];

/**
 * A row imported before and the same key in a new file (decision 025, correcting the history): the columns whose
 * value differs — none: the row is unchanged. The region is compared by its code, the passages as a whole.
 */
export function historyRowChanges(stored: HistoryRow, row: HistoryRow): string[] {
  const passages = (r: HistoryRow) =>
    JSON.stringify(r.passages.map((p) => [p.kind, p.startedOn, p.endedOn, p.outcome]));
  const changed: [string, boolean][] = [
    ['announced_on', stored.announcedOn !== row.announcedOn],
    ['decided_on', stored.decidedOn !== row.decidedOn],
    ['region', stored.regionCode.toUpperCase() !== row.regionCode.toUpperCase()],
    ['institution_kind', stored.institutionKind !== row.institutionKind],
    ['decision', stored.decision !== row.decision],
    ['care', passages(stored) !== passages(row)],
    ['follow_up_6_months', stored.followUp6 !== row.followUp6],
    ['follow_up_12_months', stored.followUp12 !== row.followUp12],
  ];
  return changed.filter(([, differs]) => differs).map(([column]) => column);
}
