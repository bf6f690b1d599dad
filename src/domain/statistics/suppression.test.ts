import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPRESSION_THRESHOLD, suppressTable, withTotals } from './suppression.ts';

/** Issue 13, decision 024: a published table hides small counts so that no cell can be recovered from the others. */
const hiddenIn = (line: (number | null)[]) => line.filter((x) => x === null).length;

describe('small-count suppression', () => {
  it('hides counts below the threshold (default fewer than 3), never a zero', () => {
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(3);
    const s = suppressTable([[24, 0, 2, 1]], 3);
    expect(s.cells[0]?.[0]).toBe(24);
    expect(s.cells[0]?.[1]).toBe(0);
    expect(s.cells[0]?.[2]).toBeNull();
    expect(s.cells[0]?.[3]).toBeNull();
    // The two small cells, and their column totals (the same 2 and 1 in a one-row table).
    expect(s.primary).toBe(4);
  });

  it('hides a second cell when a row would show all but one cell and its total (secondary suppression)', () => {
    // Seed 004, 2012: the tandems by region — Sion 24, Monthey 2 — by outcome: inserted, open.
    const s = suppressTable(
      [
        [12, 12],
        [1, 1],
      ],
      3,
    );
    // Monthey's two cells are small; Monthey's total 2 is small too.
    expect(s.cells[1]).toEqual([null, null]);
    expect(s.rowTotals[1]).toBeNull();
    // The columns: each lost one hidden cell against a published total, so Sion's cells are hidden too.
    expect(s.cells[0]).toEqual([null, null]);
    for (const row of [...s.cells.map((r, i) => [...r, s.rowTotals[i] ?? null])]) expect(hiddenIn(row)).not.toBe(1);
  });

  it('leaves no line (row, column, totals) with exactly one hidden member', () => {
    const exact = [
      [10, 2, 7, 5],
      [8, 9, 6, 11],
      [4, 12, 0, 9],
    ];
    const s = suppressTable(exact, 3);
    const rows = s.cells.map((r, i) => [...r, s.rowTotals[i] ?? null]);
    const totalsRow = [...s.columnTotals, s.total];
    for (const line of [...rows, totalsRow]) expect(hiddenIn(line)).not.toBe(1);
    for (let j = 0; j < 4; j++)
      expect(hiddenIn([...s.cells.map((r) => r[j] ?? null), s.columnTotals[j] ?? null])).not.toBe(1);
    // The 2 cannot be recovered from its row: 24 − 10 − 7 − 5 needs the 7 or the 5, so another is hidden with it.
    expect(s.cells[0]?.[1]).toBeNull();
    expect(s.secondary).toBeGreaterThan(0);
    // And what is shown is exact.
    const { rowTotals } = withTotals(exact);
    for (const [i, t] of s.rowTotals.entries()) if (t !== null) expect(t).toBe(rowTotals[i]);
  });

  it('a configurable threshold: 5 hides 3 and 4', () => {
    const s = suppressTable([[3, 4, 20, 30]], 5);
    expect(s.cells[0]).toEqual([null, null, 20, 30]);
  });

  it('a table without small counts is published whole', () => {
    const s = suppressTable(
      [
        [13, 6],
        [5, 7],
      ],
      3,
    );
    expect(s.primary + s.secondary).toBe(0);
    expect(s.total).toBe(31);
  });

  it('hides more of a line whose published total forces every hidden cell to 1 (interval protection)', () => {
    // The tandems since the start, Monthey by outcome: [0, 1, 9, 1, 1, 1, 1] = 14 published would read
    // [0, x, 9, x, x, x, x], five hidden cells summing to 5, each at least 1 since zeros are published: all are 1.
    const exact = [
      [30, 12, 25, 8, 6, 4, 10],
      [0, 1, 9, 1, 1, 1, 1],
      [5, 6, 7, 3, 4, 8, 9],
    ];
    const s = suppressTable(exact, 3);
    const totals = withTotals(exact);
    const lines: { cells: (number | null)[]; exact: number[]; total: number | null }[] = [
      ...s.cells.map((r, i) => ({ cells: r, exact: exact[i] ?? [], total: s.rowTotals[i] ?? null })),
      ...s.columnTotals.map((t, j) => ({
        cells: s.cells.map((r) => r[j] ?? null),
        exact: exact.map((r) => r[j] ?? 0),
        total: t,
      })),
    ];
    for (const line of lines) {
      if (line.total === null) continue;
      const hidden = line.cells.flatMap((c, k) => (c === null ? [line.exact[k] ?? 0] : []));
      if (hidden.length === 0) continue;
      // A reader subtracts: the hidden cells' sum must leave more than one value for a cell (each ≥ 1).
      expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThan(hidden.length);
    }
    // Monthey's 9 is hidden with its ones; its total 14 stays published; what is shown is exact.
    expect(s.cells[1]?.[2]).toBeNull();
    expect(s.rowTotals[1]).toBe(14);
    expect(s.total).toBe(totals.total);
  });

  it('a line with only zeros left to publish hides a zero rather than leave its hidden cells all 1', () => {
    // Sion's tandems of a year, by state and outcome: [0, 1, 1, 1, 0, 1] = 4 would read [0, x, x, x, 0, x] = 4.
    // The first column counts nothing anywhere: a zero hidden there would read 0 all the same (its total is 0).
    const exact = [
      [0, 0, 0, 0, 1, 0],
      [0, 1, 1, 0, 0, 0],
      [0, 1, 1, 1, 0, 1],
    ];
    const s = suppressTable(exact, 3);
    const sion = s.cells[2] ?? [];
    expect(s.rowTotals[2]).toBe(4);
    expect(sion.filter((c) => c === null).length).toBeGreaterThan(4);
    expect(sion[0]).toBe(0);
    expect(sion[4]).toBeNull();
  });
});
