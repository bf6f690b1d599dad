import ExcelJS from 'exceljs';
import type { FigureSheet } from '../../domain/statistics/figures-sheet.ts';

/**
 * The figures as an Excel workbook (issue 13): one worksheet per table, its notes on top (what, how counted,
 * internal or published), a bold header frozen below them; numbers as numbers (shares as percentages, "(%)" in
 * their label, as in the CSV), a hidden count as the text `x`,
 * nothing as a formula (a text that looks like one is written as text by exceljs, never evaluated).
 */
export async function figuresXlsx(sheets: readonly FigureSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tandem CII';
  const used = new Set<string>();
  for (const s of sheets) {
    // Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique.
    let name = s.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
    for (let i = 2; used.has(name); i++) name = `${s.title.slice(0, 26)} ${i}`;
    used.add(name);
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: s.notes.length + 2 }] });
    ws.addRow([s.title]).font = { bold: true, size: 13 };
    for (const n of s.notes) ws.addRow([n]).font = { italic: true };
    ws.addRow(s.head).font = { bold: true };
    for (const row of s.rows) ws.addRow(row.map((c) => c ?? ''));
    s.head.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 2));
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
