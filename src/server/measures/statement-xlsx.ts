import ExcelJS from 'exceljs';
import type { Sheet } from '../../domain/measures/statement.ts';

/**
 * A statement table as an Excel workbook: a bold header row frozen at the top, one row per line, a bold totals row;
 * amounts as numbers in francs with two decimals (so that the SAS can add them), nothing as a formula.
 */
export async function sheetXlsx(sheet: Sheet, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tandem CII';
  const ws = book.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const value = (c: Sheet['rows'][number][number]) => (typeof c === 'object' ? c.cents / 100 : c);
  ws.addRow(sheet.head).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row.map(value));
  ws.addRow(sheet.total.map(value)).font = { bold: true };
  const money = new Set(sheet.total.flatMap((c, i) => (typeof c === 'object' ? [i + 1] : [])));
  sheet.head.forEach((h, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(10, h.length + 2);
    if (money.has(i + 1)) column.numFmt = '#,##0.00';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
