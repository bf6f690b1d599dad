/**
 * Small-count suppression for figures that leave the CII (issue 13, decision 024). A count table is published with
 * its row totals, column totals and grand total; a cell below the threshold (1 … threshold − 1; a zero says nothing
 * about a person) is hidden (primary suppression). Then, so that no hidden cell can be recovered by subtracting the
 * others from a published total, every line — each row with its row total, each column with its column total, the
 * totals row with the grand total — must hide either nothing or at least two of its members (secondary suppression):
 * while a line hides exactly one, the smallest non-zero published cell of that line is hidden too (a zero only when no
 * non-zero cell is left, the line's total last), and the lines it crosses are checked again. Last, interval
 * protection: a line whose published total leaves its hidden cells one possible value each (all 1) hides more of its
 * cells; both passes repeat until stable.
 */
export const DEFAULT_SUPPRESSION_THRESHOLD = 3;

export interface CountTable {
  /** cells[row][column]: whole counts. */
  cells: number[][];
}

export interface SuppressedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  total: number | null;
  /** How many cells were hidden because they were small, and how many to protect them. */
  primary: number;
  secondary: number;
}

export const isSmall = (n: number, threshold: number) => n > 0 && n < threshold;

/** The totals of an exact table (the internal view shows these). */
export function withTotals(cells: readonly (readonly number[])[]) {
  const columns = Math.max(0, ...cells.map((r) => r.length));
  const rowTotals = cells.map((r) => r.reduce((s, c) => s + c, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) => cells.reduce((s, r) => s + (r[j] ?? 0), 0));
  return { rowTotals, columnTotals, total: rowTotals.reduce((s, c) => s + c, 0) };
}

export function suppressTable(cells: readonly (readonly number[])[], threshold: number): SuppressedTable {
  const { rowTotals, columnTotals, total } = withTotals(cells);
  const R = cells.length;
  const C = columnTotals.length;
  // The extended matrix: (R + 1) × (C + 1), the last row and column being the totals.
  const value = (i: number, j: number) =>
    i === R ? (j === C ? total : (columnTotals[j] ?? 0)) : j === C ? (rowTotals[i] ?? 0) : (cells[i]?.[j] ?? 0);
  const hiddenSet = new Set<string>();
  const isHidden = (i: number, j: number) => hiddenSet.has(`${i},${j}`);
  const hide = (i: number, j: number) => hiddenSet.add(`${i},${j}`);
  let primary = 0;
  for (let i = 0; i <= R; i++)
    for (let j = 0; j <= C; j++)
      if (isSmall(value(i, j), threshold)) {
        hide(i, j);
        primary++;
      }
  // A line: the members of row i (its cells and its total at C), or of column j (its cells and its total at R).
  const lines: [number, number][][] = [
    ...Array.from({ length: R + 1 }, (_, i) => Array.from({ length: C + 1 }, (_, j): [number, number] => [i, j])),
    ...Array.from({ length: C + 1 }, (_, j) => Array.from({ length: R + 1 }, (_, i): [number, number] => [i, j])),
  ];
  let secondary = 0;
  const by = (a: [number, number], b: [number, number]) => value(...a) - value(...b);
  for (let changed = true; changed; ) {
    changed = false;
    // Interval protection: a line whose total is published tells a reader the sum of its hidden cells; as zeros are
    // published (hidden only as a last resort), each hidden cell is at least 1, so a sum equal to the number of hidden
    // cells forces every one of them to 1 (Monthey's [0, x, 9, x, x, x, x] = 14). Such a line hides its smallest
    // published non-zero cell too, until the hidden cells' sum leaves each of them more than one value.
    for (const line of lines) {
      const total = line.at(-1);
      if (!total || isHidden(...total)) continue;
      const members = line.slice(0, -1);
      const hidden = members.filter(([i, j]) => isHidden(i, j));
      if (hidden.length === 0) continue;
      const hiddenSum = hidden.reduce((s, c) => s + value(...c), 0);
      // A sum below the count says a zero is hidden among them (which one, the reader cannot tell); zero, all zeros.
      if (hiddenSum !== hidden.length) continue;
      // The smallest published non-zero cell, else a published zero (its line's total stays published) — one whose
      // crossing line is not all zeros (a column totalling 0 says its hidden zero is 0).
      const rest = members.filter(([i, j]) => !isHidden(i, j));
      const crossing = ([i, j]: [number, number]) => (line.every(([a]) => a === i) ? value(R, j) : value(i, C));
      const pick =
        rest.filter((c) => value(...c) > 0).sort(by)[0] ??
        rest.filter((c) => crossing(c) > 0).sort((a, b) => crossing(b) - crossing(a))[0] ??
        // Nothing else to hide: the line's total, last.
        total;
      if (!pick) continue;
      hide(...pick);
      secondary++;
      changed = true;
    }
    for (const line of lines) {
      const hiddenHere = line.filter(([i, j]) => isHidden(i, j)).length;
      if (hiddenHere !== 1) continue;
      const total = line.at(-1);
      const candidates = line.slice(0, -1).filter(([i, j]) => !isHidden(i, j));
      const pick =
        candidates.filter((c) => value(...c) > 0).sort(by)[0] ??
        candidates.sort(by)[0] ??
        (total && !isHidden(...total) ? total : undefined);
      if (!pick) continue;
      hide(...pick);
      secondary++;
      changed = true;
    }
  }
  const shown = (i: number, j: number) => (isHidden(i, j) ? null : value(i, j));
  return {
    cells: cells.map((r, i) => r.map((_, j) => shown(i, j))),
    rowTotals: rowTotals.map((_, i) => shown(i, C)),
    columnTotals: columnTotals.map((_, j) => shown(R, j)),
    total: shown(R, C),
    primary,
    secondary,
  };
}

/** A single published number (a key figure that is no table's cell): hidden when small. */
export const suppressCount = (n: number, threshold: number): number | null => (isSmall(n, threshold) ? null : n);
