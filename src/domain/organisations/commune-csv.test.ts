import { describe, expect, it } from 'vitest';
import { parseCommuneCsv, parseCsvRecords } from './commune-csv.ts';

describe('commune CSV', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsvRecords('a,"b ""c""","d\ne"\n1,2,3', ',')).toEqual([
      { line: 1, fields: ['a', 'b "c"', 'd\ne'] },
      { line: 3, fields: ['1', '2', '3'] },
    ]);
  });

  it('accepts French headers, semicolons and a BOM, and keeps good rows beside bad ones', () => {
    const result = parseCommuneCsv(
      '\uFEFFNuméro OFS;Nom;Canton;District;Langue\n6266;Sion;VS;Sion;français\n;Vide;VS;Sion;fr\n',
    );
    if ('error' in result) throw new Error('unexpected');
    expect(result.rows).toEqual([
      { line: 2, bfsNumber: 6266, name: 'Sion', canton: 'VS', district: 'Sion', language: 'fr' },
    ]);
    expect(result.rejected).toEqual([{ line: 3, reasons: [{ messageKey: 'csv.badBfs', params: { value: '' } }] }]);
  });

  it('names the missing columns', () => {
    expect(parseCommuneCsv('bfs,name\n1,x')).toEqual({
      error: { messageKey: 'csv.missingColumns', params: { columns: 'canton, district, language' } },
    });
    expect(parseCommuneCsv('')).toEqual({ error: { messageKey: 'csv.empty' } });
  });
});
