/**
 * The tandem mandate (seeds 000 and 004): about six months, longer by need,
 * never beyond nine months from its start. Dates are calendar days (yyyy-mm-dd).
 */
export const PLANNED_MONTHS = 6;
export const MAX_MONTHS = 9;

/** Adds calendar months; a day that does not exist in the target month falls on its last day (31.08 + 6 → 28.02). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const plannedEnd = (start: string) => addMonths(start, PLANNED_MONTHS);
export const latestEnd = (start: string) => addMonths(start, MAX_MONTHS);

export type ExtensionVerdict =
  | { ok: true }
  | { ok: false; reason: 'beyond_nine_months' | 'not_later' | 'justification_missing'; latestEnd: string };

/** An extension is a justified decision to a later end, at most nine months after the start. */
export function checkExtension(
  m: { start: string; currentEnd: string },
  requestedEnd: string,
  justification: string,
): ExtensionVerdict {
  const limit = latestEnd(m.start);
  if (justification.trim().length < 3) return { ok: false, reason: 'justification_missing', latestEnd: limit };
  if (requestedEnd <= m.currentEnd) return { ok: false, reason: 'not_later', latestEnd: limit };
  if (requestedEnd > limit) return { ok: false, reason: 'beyond_nine_months', latestEnd: limit };
  return { ok: true };
}
