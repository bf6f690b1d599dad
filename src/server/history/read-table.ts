import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import { parseCsv } from '../../domain/history/history-import.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** No template has more columns than this; a sheet wider than it is refused before any cell is read. */
export const MAX_COLUMNS = 50;

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
 * writes it). Anything else is refused with a translated message. A sheet whose last row is past `maxRows` data rows
 * (plus the header) or whose last column is past MAX_COLUMNS is refused from its dimensions, read once, before any
 * cell: a few KB can declare a million rows by 16 384 columns, and reading them would hold the server.
 */
export async function readTable(content: Buffer, type: string, maxRows: number): Promise<string[][]> {
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
    const rowCount = sheet.rowCount;
    if (rowCount > maxRows + 1) throw new DomainError('validation', 'table.tooManyRows', { params: { max: maxRows } });
    const columnCount = sheet.columnCount;
    if (columnCount > MAX_COLUMNS)
      throw new DomainError('validation', 'table.tooManyColumns', { params: { max: MAX_COLUMNS } });
    const rows: string[][] = Array.from({ length: rowCount }, () => []);
    // Only the rows that exist, and in each only its cells that hold something.
    sheet.eachRow((row, n) => {
      const cells: string[] = Array.from({ length: columnCount }, () => '');
      row.eachCell((cell, c) => {
        if (c <= columnCount) cells[c - 1] = cellText(cell.value);
      });
      rows[n - 1] = cells;
    });
    return rows;
  }
  if (content.includes(0)) throw bad();
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(content);
  const text = utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(content) : utf8;
  return parseCsv(text);
}
