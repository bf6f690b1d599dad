import { MIN_MEETINGS_PER_MONTH } from '../tandem/intensity.ts';
import type { Bucket } from './distribution.ts';
import { share } from './rates.ts';

/**
 * Tandem intensity in the figures (seed 000, 004 §6: "deux entretiens mensuels minimums"): for each mandate, the
 * meetings with the person divided by its months (start to closure, or to today while open; at least one month),
 * counted in quarter-meeting steps by the database. The figure is the share of mandates at two meetings a month or
 * more, and the median of the mandates' monthly meetings.
 */
export function intensitySummary(buckets: readonly Bucket[]) {
  const n = buckets.reduce((s, b) => s + b.count, 0);
  const meeting = buckets.filter((b) => b.value >= MIN_MEETINGS_PER_MONTH).reduce((s, b) => s + b.count, 0);
  return { mandates: n, meetingRule: meeting, shareMeetingRule: share(meeting, n), rule: MIN_MEETINGS_PER_MONTH };
}
