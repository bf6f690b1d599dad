import { describe, expect, it } from 'vitest';
import { sheetCsv } from '../measures/statement.ts';
import { csvCell } from './csv-cell.ts';

describe('one CSV cell for every export (issue 11)', () => {
  it('neutralises formulas and quotes what a spreadsheet would split', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell(12)).toBe('12');
  });

  it('is the one the statement CSV uses: a tab or a carriage return is no way around it', () => {
    const csv = sheetCsv({
      head: ['Prestataire', 'Note'],
      rows: [['\t=HYPERLINK("http://x")', 'ligne\rcoupée']],
      total: ['Total', { cents: 12_345 }],
    });
    expect(csv.split('\r\n')[1]).toBe(`"'\t=HYPERLINK(""http://x"")";"ligne\rcoupée"`);
  });
});
