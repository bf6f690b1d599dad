import { describe, expect, it } from 'vitest';
import { CASELOAD_TEMPLATE_EXAMPLES, looksLikeNavs13, parseCaseloadTable } from './caseload.ts';

/** Issue 14: a caseload file, checked row by row (seed 004 §2: the alert system's partner lists). */
const TODAY = '2026-11-30';
const header = ['navs13', 'reference', 'followed_since', 'laci_end', 'risk_flags'];

describe('caseload file', () => {
  it('accepts the template examples', () => {
    const table = [header, ...CASELOAD_TEMPLATE_EXAMPLES.map((e) => header.map((h) => e[h as keyof typeof e]))];
    const parsed = parseCaseloadTable(table, TODAY);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.map((r) => r.row)).toEqual([
      { navs13: '7569217076985', reference: 'DOS-2026-001', followedSince: '2026-01-15', laciEnd: null, riskFlags: [] },
      {
        navs13: '7561234567897',
        reference: 'DOS-2026-002',
        followedSince: '2026-03-01',
        laciEnd: '2026-12-31',
        riskFlags: ['health', 'debts'],
      },
    ]);
  });
  it('rejects a wrong check digit, bad dates, unknown flags and a repeated number, without quoting the number', () => {
    const parsed = parseCaseloadTable(
      [
        header,
        ['756.9217.0769.84', 'A', '2026-01-01', '', ''],
        ['756.9217.0769.85', 'B', '31.02.2026', '', ''],
        ['756.1234.5678.97', 'C', '2027-01-01', '', ''],
        ['756.1111.2222.39', 'D', '2026-01-01', '2025-01-01', 'health, luck'],
        ['7569217076985', 'E', '2026-01-01', '', ''],
        ['756.9217.0769.85', 'F', '2026-01-01', '', ''],
      ],
      TODAY,
    );
    expect(parsed.rows.map((r) => r.row.reference)).toEqual(['E']);
    const keys = Object.fromEntries(parsed.rejected.map((r) => [r.reference, r.problems.map((p) => p.key)]));
    expect(keys).toEqual({
      A: ['caseload.navs13'],
      B: ['caseload.date'],
      C: ['caseload.dateRange'],
      D: ['caseload.laciBeforeSince', 'caseload.riskFlag'],
      F: ['caseload.duplicate'],
    });
    expect(JSON.stringify(parsed.rejected)).not.toContain('0769');
  });
  it('quotes no value in a reason and never echoes a reference that looks like a NAVS13', () => {
    // Columns in the wrong order: the number lands in reference, the date in navs13, the flags' column gets a day.
    const parsed = parseCaseloadTable(
      [
        ['reference', 'navs13', 'followed_since', 'laci_end', 'risk_flags'],
        ['756.9217.0769.85', 'DOS-1', '2026-01-01', '', ''],
        ['DOS-2', '7561234567897', '756.1111.2222.39', '7564444555562', '756.9217.0769.84'],
        ['756 1234 5678 97', '756.1111.2222.39', '2026-01-01', '', ''],
      ],
      TODAY,
    );
    expect(parsed.rows).toEqual([]);
    const text = JSON.stringify(parsed);
    for (const digits of ['0769', '5678', '2222', '5555']) expect(text).not.toContain(digits);
    expect(parsed.rejected.map((r) => r.reference)).toEqual(['', 'DOS-2', '']);
    expect(parsed.rejected[2]?.problems.map((p) => p.key)).toEqual(['caseload.referenceNavs13']);
    expect(looksLikeNavs13('DOS-2026-001')).toBe(false);
    expect(looksLikeNavs13('756-9217-0769-85')).toBe(true);
  });
  it('refuses a file whose every row is refused: it would empty the list', () => {
    const parsed = parseCaseloadTable([header, ['756.9217.0769.84', 'A', '2026-01-01', '', '']], TODAY);
    expect(parsed.fileProblems.map((p) => p.key)).toEqual(['caseload.noneAccepted']);
    expect(parseCaseloadTable([header], TODAY).fileProblems).toEqual([]);
  });
  it('refuses a file without the required columns or with an unknown one', () => {
    const parsed = parseCaseloadTable([['navs', 'reference']], TODAY);
    expect(parsed.fileProblems.map((p) => `${p.key}:${p.column}`)).toEqual([
      'caseload.columnMissing:navs13',
      'caseload.columnMissing:followed_since',
      'caseload.columnUnknown:navs',
    ]);
  });
});
