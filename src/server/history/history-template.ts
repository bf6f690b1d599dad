import ExcelJS from 'exceljs';
import { INSTITUTION_KINDS, type Language } from '../../domain/access/roles.ts';
import { CARE_KINDS, PASSAGE_OUTCOMES } from '../../domain/care/passage.ts';
import {
  DECISIONS,
  FOLLOW_UP_VALUES,
  HISTORY_COLUMNS,
  MAX_PASSAGES,
  TEMPLATE_EXAMPLES,
} from '../../domain/history/history-import.ts';
import { csvCell } from '../../domain/text/csv-cell.ts';

/** What each column holds, in the reader's language (the XLSX template's second sheet; README, "History import"). */
const NOTES: Record<Language, Record<string, string>> = {
  fr: {
    external_key:
      'Obligatoire. Clé unique de la ligne dans l’ancien système (ex. ASGAL-2012-001) : ' +
      'réimporter ne double rien.',
    announced_on: 'Obligatoire. Date de l’annonce au Bureau CII (aaaa-mm-jj ou jj.mm.aaaa).',
    decided_on: 'Obligatoire. Date de la décision du Bureau.',
    region: 'Obligatoire. Code de la région (voir Organisation).',
    institution_kind: 'Obligatoire. Type de l’institution qui annonce.',
    decision: 'Obligatoire. taken_into_care (prise en charge coordonnée) ou refused.',
    care:
      `careN_kind, careN_started_on, careN_ended_on, careN_outcome (N = 1 à ${MAX_PASSAGES}) : ` +
      'les prises en charge, dans l’ordre, terminées, avec leur issue.',
    follow_up: 'follow_up_6_months, follow_up_12_months : après une insertion, in_work, not_in_work ou vide.',
    anonymous: 'Aucune donnée personnelle : les situations importées sont anonymes et comptent dans les chiffres.',
  },
  de: {
    external_key:
      'Pflicht. Eindeutiger Schlüssel der Zeile im alten System (z. B. ASGAL-2012-001): ' +
      'erneutes Importieren verdoppelt nichts.',
    announced_on: 'Pflicht. Datum der Meldung an das IIZ-Büro (JJJJ-MM-TT oder TT.MM.JJJJ).',
    decided_on: 'Pflicht. Datum des Entscheids des Büros.',
    region: 'Pflicht. Code der Region (siehe Organisation).',
    institution_kind: 'Pflicht. Art der meldenden Institution.',
    decision: 'Pflicht. taken_into_care (koordinierte Begleitung) oder refused.',
    care:
      `careN_kind, careN_started_on, careN_ended_on, careN_outcome (N = 1 bis ${MAX_PASSAGES}): ` +
      'die Begleitungen, der Reihe nach, beendet, mit ihrem Ergebnis.',
    follow_up: 'follow_up_6_months, follow_up_12_months: nach einer Eingliederung in_work, not_in_work oder leer.',
    anonymous: 'Keine Personendaten: importierte Situationen sind anonym und zählen in den Kennzahlen.',
  },
};

const VALUES: [string, readonly string[]][] = [
  ['institution_kind', INSTITUTION_KINDS],
  ['decision', DECISIONS],
  ['careN_kind', CARE_KINDS],
  ['careN_outcome', PASSAGE_OUTCOMES],
  ['follow_up_*', FOLLOW_UP_VALUES],
];

const exampleRows = () => TEMPLATE_EXAMPLES.map((e) => HISTORY_COLUMNS.map((c) => e[c] ?? ''));

/** The template as CSV (semicolons, as Swiss Excel reads it): the header and three example rows. */
export function historyTemplateCsv(): string {
  return `\uFEFF${[HISTORY_COLUMNS, ...exampleRows()].map((r) => r.map((c) => csvCell(c)).join(';')).join('\r\n')}\r\n`;
}

/** The template as a workbook: the sheet to fill (header and examples, all text), then what each column holds. */
export async function historyTemplateXlsx(lang: Language): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tandem CII';
  const sheet = book.addWorksheet(lang === 'de' ? 'Historie' : 'Historique', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow([...HISTORY_COLUMNS]).font = { bold: true };
  for (const row of exampleRows()) sheet.addRow(row);
  HISTORY_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(14, c.length + 2);
    column.numFmt = '@';
  });
  const notes = book.addWorksheet(lang === 'de' ? 'Erläuterungen' : 'Explications');
  notes.getColumn(1).width = 22;
  notes.getColumn(2).width = 110;
  for (const [k, v] of Object.entries(NOTES[lang])) notes.addRow([k, v]);
  notes.addRow([]);
  for (const [k, values] of VALUES) notes.addRow([k, values.join(', ')]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
