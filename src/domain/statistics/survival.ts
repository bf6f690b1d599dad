/**
 * Time to insertion (issue 13, 004 §7): the share of tandem situations inserted after n months of coaching, as a
 * Kaplan–Meier curve. A situation still open, or closed without an insertion (lack of cooperation, illness…), has not
 * been inserted *so far*: it counts among those at risk up to its last known month and then leaves the risk set
 * (censored). Dropping those situations would overstate the share (only the finished ones would be left), counting
 * them as never inserted would understate it.
 */
export interface SurvivalBucket {
  /** Whole months from the start of coaching (days / 30.4375, rounded down). */
  months: number;
  /** Insertions in that month. */
  events: number;
  /** Situations whose follow-up ends in that month without an insertion (still open, or closed otherwise). */
  censored: number;
}

export interface CurvePoint {
  months: number;
  /** The estimated share inserted by the end of that month, in [0, 1]. */
  inserted: number;
  /** Situations still followed (not inserted, not censored) at the start of the month. */
  atRisk: number;
  events: number;
  censored: number;
}

export const DAYS_PER_MONTH = 30.4375;
export const monthsFromDays = (days: number) => Math.max(0, Math.floor(days / DAYS_PER_MONTH));

export function timeToInsertion(buckets: readonly SurvivalBucket[]): CurvePoint[] {
  const byMonth = new Map<number, { events: number; censored: number }>();
  for (const b of buckets) {
    const m = byMonth.get(b.months) ?? { events: 0, censored: 0 };
    byMonth.set(b.months, { events: m.events + b.events, censored: m.censored + b.censored });
  }
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  let atRisk = [...byMonth.values()].reduce((s, b) => s + b.events + b.censored, 0);
  let notInserted = 1;
  const curve: CurvePoint[] = [];
  for (const month of months) {
    const { events, censored } = byMonth.get(month) ?? { events: 0, censored: 0 };
    // Insertions of the month are counted before the month's censored situations leave the risk set.
    if (atRisk > 0) notInserted *= 1 - events / atRisk;
    curve.push({ months: month, inserted: 1 - notInserted, atRisk, events, censored });
    atRisk -= events + censored;
  }
  return curve;
}

/** The share inserted by `months` on the curve (a step function), 0 before the first insertion. */
export function insertedBy(curve: readonly CurvePoint[], months: number): number {
  let value = 0;
  for (const p of curve) if (p.months <= months) value = p.inserted;
  return value;
}
