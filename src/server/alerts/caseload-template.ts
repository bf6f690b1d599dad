import ExcelJS from 'exceljs';
import type { Language } from '../../domain/access/roles.ts';
import { CASELOAD_COLUMNS, CASELOAD_TEMPLATE_EXAMPLES, REFERENCE_MAX } from '../../domain/alerts/caseload.ts';
import { RISK_FACTORS } from '../../domain/situation/vocabulary.ts';
import { csvCell } from '../../domain/text/csv-cell.ts';

/** What each column holds, in the reader's language (the XLSX template's second sheet; README, "Caseloads"). */
const NOTES: Record<Language, Record<string, string>> = {
  fr: {
    navs13:
      'Obligatoire. Numéro AVS (756.XXXX.XXXX.XX, avec ou sans points). Tandem ne le garde jamais : ' +
      'seul un pseudonyme à clé est enregistré.',
    reference:
      `Obligatoire. Votre propre référence de dossier (au plus ${REFERENCE_MAX} caractères) : ` +
      'elle n’est montrée qu’à votre institution.',
    followed_since: 'Obligatoire. Date du début du suivi (aaaa-mm-jj ou jj.mm.aaaa).',
    laci_end: 'Facultatif. Fin du droit aux indemnités LACI.',
    risk_flags: 'Facultatif. Facteurs de risque, séparés par des virgules.',
    replace: 'Chaque dépôt remplace toute la liste précédente de votre institution.',
  },
  de: {
    navs13:
      'Pflicht. AHV-Nummer (756.XXXX.XXXX.XX, mit oder ohne Punkte). Tandem speichert sie nie: ' +
      'gespeichert wird nur ein Pseudonym mit geheimem Schlüssel.',
    reference: `Pflicht. Eigene Dossierreferenz (höchstens ${REFERENCE_MAX} Zeichen), nur Ihre Institution sieht sie.`,
    followed_since: 'Pflicht. Beginn der Betreuung (JJJJ-MM-TT oder TT.MM.JJJJ).',
    laci_end: 'Freiwillig. Ende des Anspruchs auf AVIG-Taggelder.',
    risk_flags: 'Freiwillig. Risikofaktoren, durch Kommas getrennt.',
    replace: 'Jedes Hochladen ersetzt die ganze bisherige Liste Ihrer Institution.',
  },
};

const exampleRows = () => CASELOAD_TEMPLATE_EXAMPLES.map((e) => CASELOAD_COLUMNS.map((c) => e[c] ?? ''));

/** The template as CSV (semicolons, as Swiss Excel reads it): the header and two example rows. */
export function caseloadTemplateCsv(): string {
  const lines = [CASELOAD_COLUMNS, ...exampleRows()].map((r) => r.map((c) => csvCell(c)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The template as a workbook: the sheet to fill (all text), then what each column holds and the flags' values. */
export async function caseloadTemplateXlsx(lang: Language): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tandem CII';
  const sheet = book.addWorksheet(lang === 'de' ? 'Fallliste' : 'Suivis', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...CASELOAD_COLUMNS]).font = { bold: true };
  for (const row of exampleRows()) sheet.addRow(row);
  CASELOAD_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(18, c.length + 2);
    column.numFmt = '@';
  });
  const notes = book.addWorksheet(lang === 'de' ? 'Erläuterungen' : 'Explications');
  notes.getColumn(1).width = 18;
  notes.getColumn(2).width = 110;
  for (const [k, v] of Object.entries(NOTES[lang])) notes.addRow([k, v]);
  notes.addRow([]);
  notes.addRow(['risk_flags', RISK_FACTORS.join(', ')]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
