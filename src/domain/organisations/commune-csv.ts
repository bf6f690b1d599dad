import type { Language } from '../access/roles.ts';

/**
 * Parses a commune list (BFS number, name, canton, district, language) as
 * exported by a spreadsheet: comma or semicolon separated (Swiss Excel writes
 * semicolons), quoted fields, a header row whose names may be English, French
 * or German. Each bad row is rejected with every reason, the others kept.
 */
export interface CommuneRow {
  bfsNumber: number;
  name: string;
  canton: string;
  district: string;
  language: Language;
}
export interface Rejection {
  line: number;
  reasons: { messageKey: string; params?: Record<string, string | number> }[];
}
export interface ParsedCommunes {
  rows: (CommuneRow & { line: number })[];
  rejected: Rejection[];
}

const COLUMNS = ['bfsNumber', 'name', 'canton', 'district', 'language'] as const;
const ALIASES: Record<string, (typeof COLUMNS)[number]> = {
  bfs: 'bfsNumber',
  bfs_number: 'bfsNumber',
  bfsnumber: 'bfsNumber',
  bfs_nr: 'bfsNumber',
  ofs: 'bfsNumber',
  numero_ofs: 'bfsNumber',
  no_ofs: 'bfsNumber',
  gemeindenummer: 'bfsNumber',
  name: 'name',
  nom: 'name',
  commune: 'name',
  gemeinde: 'name',
  gemeindename: 'name',
  canton: 'canton',
  kanton: 'canton',
  district: 'district',
  bezirk: 'district',
  language: 'language',
  langue: 'language',
  sprache: 'language',
};

function normaliseHeader(h: string) {
  return h
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s.°-]+/g, '_');
}

/** RFC 4180 fields of one record; `text` may hold quoted line breaks, so records are split here too. */
export function parseCsvRecords(text: string, separator: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
  return records;
}

const LANGUAGE_WORDS: Record<string, Language> = {
  fr: 'fr',
  f: 'fr',
  francais: 'fr',
  french: 'fr',
  franzosisch: 'fr',
  de: 'de',
  d: 'de',
  allemand: 'de',
  deutsch: 'de',
  german: 'de',
};

export function parseCommuneCsv(
  text: string,
): ParsedCommunes | { error: { messageKey: string; params?: Record<string, string> } } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parseCsvRecords(text, separator);
  const header = records.shift();
  if (!header) return { error: { messageKey: 'csv.empty' } };
  const positions = new Map<(typeof COLUMNS)[number], number>();
  header.fields.forEach((h, i) => {
    const column = ALIASES[normaliseHeader(h)];
    if (column && !positions.has(column)) positions.set(column, i);
  });
  const missing = COLUMNS.filter((c) => !positions.has(c));
  if (missing.length) return { error: { messageKey: 'csv.missingColumns', params: { columns: missing.join(', ') } } };

  const seen = new Set<number>();
  const result: ParsedCommunes = { rows: [], rejected: [] };
  for (const record of records) {
    // Every column has a position: a missing one was refused above.
    const get = (c: (typeof COLUMNS)[number]) => (record.fields[positions.get(c) ?? -1] ?? '').trim();
    const reasons: Rejection['reasons'] = [];
    if (record.fields.length !== header.fields.length) {
      reasons.push({
        messageKey: 'csv.wrongColumnCount',
        params: { count: record.fields.length, expected: header.fields.length },
      });
    }
    const bfsText = get('bfsNumber');
    const bfsNumber = /^\d{1,4}$/.test(bfsText) ? Number(bfsText) : NaN;
    if (!(bfsNumber >= 1)) reasons.push({ messageKey: 'csv.badBfs', params: { value: bfsText } });
    else if (seen.has(bfsNumber)) reasons.push({ messageKey: 'csv.duplicateInFile', params: { value: bfsNumber } });
    const name = get('name');
    if (!name || name.length > 100) reasons.push({ messageKey: 'csv.missingName' });
    const canton = get('canton').toUpperCase();
    if (!/^[A-Z]{2}$/.test(canton)) reasons.push({ messageKey: 'csv.badCanton', params: { value: get('canton') } });
    const district = get('district');
    if (!district || district.length > 100) reasons.push({ messageKey: 'csv.missingDistrict' });
    const language = LANGUAGE_WORDS[normaliseHeader(get('language'))];
    if (!language) reasons.push({ messageKey: 'csv.badLanguage', params: { value: get('language') } });
    if (reasons.length || !language) {
      result.rejected.push({ line: record.line, reasons });
      continue;
    }
    seen.add(bfsNumber);
    result.rows.push({ line: record.line, bfsNumber, name, canton, district, language });
  }
  return result;
}
