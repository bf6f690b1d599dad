import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import { parseCsv } from '../../domain/history/history-import.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet cell as the template's text: a date as yyyy-mm-dd, a number as written, a formula's result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/**
 * The file's rows as text: an XLSX workbook's first sheet (exceljs), or CSV (UTF-8, or Windows-1252 as older Excel
 * writes it). Anything else is refused with a translated message.
 */
export async function readTable(content: Buffer, type: string): Promise<string[][]> {
  const bad = () => new DomainError('validation', 'history.badFile');
  const isZip = content.subarray(0, 2).toString('latin1') === 'PK';
  if (type === XLSX_TYPE || isZip) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw bad();
    }
    const sheet = book.worksheets[0];
    if (!sheet) throw bad();
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  if (content.includes(0)) throw bad();
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(content);
  const text = utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(content) : utf8;
  return parseCsv(text);
}
