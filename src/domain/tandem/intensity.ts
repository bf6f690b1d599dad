/**
 * The intensity rule (seed 000, "deux entretiens mensuels minimums"): at
 * least two meetings with the person in each calendar month of the mandate.
 * Pure: the meetings and today come in as arguments (yyyy-mm-dd, Swiss days).
 */
export const MIN_MEETINGS_PER_MONTH = 2;

export interface MonthIntensity {
  month: string; // yyyy-mm
  meetingsWithPerson: number;
  /** past: the month is over; current: today is in it; future: not begun */
  period: 'past' | 'current' | 'future';
  status: 'met' | 'missed' | 'behind' | 'on_track' | 'upcoming';
}

const monthOf = (day: string) => day.slice(0, 7);

function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  let [y, m] = fromDay.split('-').map(Number) as [number, number];
  const end = monthOf(toDay);
  for (let guard = 0; guard < 36; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
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

/**
 * Month by month from the mandate's start to its end. The current month is
 * "behind" while fewer than two meetings are recorded in it, "on_track" once
 * two are; a past month with fewer than two is "missed".
 */
export function intensityByMonth(
  mandate: { start: string; end: string },
  meetingsWithPerson: readonly string[],
  today: string,
): MonthIntensity[] {
  const counts = new Map<string, number>();
  for (const day of meetingsWithPerson) {
    if (day < mandate.start || day > mandate.end) continue;
    counts.set(monthOf(day), (counts.get(monthOf(day)) ?? 0) + 1);
  }
  const current = monthOf(today);
  return monthsBetween(mandate.start, mandate.end).map((month) => {
    const n = counts.get(month) ?? 0;
    const period = month < current ? 'past' : month === current ? 'current' : 'future';
    const met = n >= MIN_MEETINGS_PER_MONTH;
    const status =
      period === 'past' ? (met ? 'met' : 'missed') : period === 'current' ? (met ? 'on_track' : 'behind') : 'upcoming';
    return { month, meetingsWithPerson: n, period, status };
  });
}

/** What the tandem's home page warns about: the current month behind, or a past month missed. */
export function intensityWarnings(months: readonly MonthIntensity[]) {
  return {
    currentBehind: months.some((m) => m.status === 'behind'),
    missedMonths: months.filter((m) => m.status === 'missed').map((m) => m.month),
  };
}
