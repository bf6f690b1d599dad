/**
 * The intensity rule (seed 000, "deux entretiens mensuels minimums"): at
 * least two meetings with the person in each calendar month of the mandate.
 * Pure: the meetings and today come in as arguments (yyyy-mm-dd, Swiss days).
 *
 * A mandate rarely starts on the 1st or ends on the last day of a month, so a
 * partial month asks for a prorated number of meetings (issue 11):
 *
 * 1. Covered days: the days of the month inside the mandate, from its start to
 *    its end — the closure date once it is closed.
 * 2. Required = round(2 × covered days / days in the month), half rounded up:
 *    0 when less than a quarter of the month is covered (no requirement),
 *    1 up to three quarters, 2 beyond. A full month asks for two.
 * 3. A month is judged once it is over for the mandate (its last covered day
 *    is past, or the mandate is closed): "met" or "missed".
 * 4. The current month is judged on the days elapsed so far: it is "behind"
 *    only when what remains cannot be achieved any more — more meetings are
 *    missing than days left (today included), at one meeting a day; until
 *    then it shows the meetings still "to hold", which is no alarm.
 * 5. After closure nothing is behind: every month of a closed mandate is over.
 */
export const MIN_MEETINGS_PER_MONTH = 2;

export const INTENSITY_STATUSES = [
  'met',
  'missed',
  'behind',
  'on_track',
  'to_hold',
  'upcoming',
  'not_required',
] as const;
export type IntensityStatus = (typeof INTENSITY_STATUSES)[number];

export interface MonthIntensity {
  month: string; // yyyy-mm
  meetingsWithPerson: number;
  /** The prorated number of meetings asked for this month (0, 1 or 2). */
  required: number;
  /** Days of the month inside the mandate. */
  coveredDays: number;
  /** past: the month is over for the mandate; current: today is in its covered days; future: not begun */
  period: 'past' | 'current' | 'future';
  status: IntensityStatus;
}

const monthOf = (day: string) => day.slice(0, 7);
const two = (n: number) => String(n).padStart(2, '0');

/** Days in a calendar month (yyyy-mm), leap years included. */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, dd);
  };
  return Math.max(0, Math.round((utc(to) - utc(from)) / 86_400_000) + 1);
}

function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let [y, m] = fromDay.split('-').map(Number) as [number, number];
  const end = monthOf(toDay);
  for (let guard = 0; guard < 36; guard++) {
    const key = `${y}-${two(m)}`;
    months.push(key);
    if (key >= end) break;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The prorated requirement of a month covered `covered` days out of `inMonth` (rule 2 above). */
export function requiredMeetings(covered: number, inMonth: number): number {
  return Math.floor((MIN_MEETINGS_PER_MONTH * covered) / inMonth + 0.5);
}

/**
 * Month by month from the mandate's start to its end (`closedOn` when closed): meetings with the person against the
 * prorated requirement, judged as the rule above says.
 */
export function intensityByMonth(
  mandate: { start: string; end: string; closedOn?: string | null },
  meetingsWithPerson: readonly string[],
  today: string,
): MonthIntensity[] {
  const end = mandate.closedOn ?? mandate.end;
  const closed = Boolean(mandate.closedOn);
  const counts = new Map<string, number>();
  for (const day of meetingsWithPerson) {
    if (day < mandate.start || day > end) continue;
    counts.set(monthOf(day), (counts.get(monthOf(day)) ?? 0) + 1);
  }
  return monthsBetween(mandate.start, end).map((month) => {
    const inMonth = daysInMonth(month);
    const firstCovered = mandate.start > `${month}-01` ? mandate.start : `${month}-01`;
    const lastOfMonth = `${month}-${two(inMonth)}`;
    const lastCovered = end < lastOfMonth ? end : lastOfMonth;
    const coveredDays = daysBetween(firstCovered, lastCovered);
    const required = requiredMeetings(coveredDays, inMonth);
    const n = counts.get(month) ?? 0;
    const base = { month, meetingsWithPerson: n, required, coveredDays };
    if (closed || lastCovered < today) {
      const status = required === 0 ? 'not_required' : n >= required ? 'met' : 'missed';
      return { ...base, period: 'past', status };
    }
    if (firstCovered > today)
      return { ...base, period: 'future', status: required === 0 ? 'not_required' : 'upcoming' };
    if (required === 0) return { ...base, period: 'current', status: 'not_required' };
    if (n >= required) return { ...base, period: 'current', status: 'on_track' };
    const daysLeft = daysBetween(today, lastCovered);
    return { ...base, period: 'current', status: required - n > daysLeft ? 'behind' : 'to_hold' };
  });
}

/** What the tandem's home page warns about: the current month behind, or a past month missed. */
export function intensityWarnings(months: readonly MonthIntensity[]) {
  return {
    currentBehind: months.some((m) => m.status === 'behind'),
    missedMonths: months.filter((m) => m.status === 'missed').map((m) => m.month),
  };
}
