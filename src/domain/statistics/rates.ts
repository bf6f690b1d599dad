/**
 * The insertion rate has two definitions in the seeds (DOMAIN.md §4.5), and the figures show both, labelled:
 * - of all situations (seed 004, 2012: 13 insertions of 26 tandem situations = 50 %);
 * - of closed situations, the ones still open excluded (seed 000: 39 durable insertions of the closed tandem
 *   situations ≈ 46 % since the start; 004's 2012: 13 of 19 closed ≈ 68 %).
 * A rate is a share in [0, 1], or null when there is nothing to divide by.
 */
export interface InsertionCounts {
  /** Situations (passages of the kind) in the period. */
  all: number;
  /** Of these, the ones whose passage has ended (with any outcome). */
  closed: number;
  /** Of the closed ones, those ended by an insertion in the primary labour market. */
  inserted: number;
}

export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function insertionRates(c: InsertionCounts) {
  return { ofAll: share(c.inserted, c.all), ofClosed: share(c.inserted, c.closed) };
}

/** A share as a whole percentage, as the reports write it (13/26 → 50, 13/19 → 68, 39/85 → 46). */
export const percent = (s: number | null): number | null => (s === null ? null : Math.round(s * 100));
