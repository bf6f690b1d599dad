/**
 * What a measure costs in a period (the communes' quarterly statements, seeds
 * 002/003): its planned total spread evenly over its planned days, counted for
 * the days it actually ran inside the period — an interrupted measure stops
 * costing on the day it stops. Amounts are in cents (Rappen).
 */
export const CANTON_SHARE_PERCENT = 70;
export const COMMUNE_SHARE_PERCENT = 30;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const daysInclusive = (from: string, to: string) => Math.max(0, dayNumber(to) - dayNumber(from) + 1);

export interface QuarterBounds {
  key: string; // 2026-Q3
  from: string;
  to: string;
}

export function quarterOf(key: string): QuarterBounds | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  // There is no year 0 (nor in PostgreSQL); the year stays as written, four digits: `${Number('0950')}` would be a date
  // of 950.
  const year = m?.[1];
  if (!m || !year || year === '0000') return null;
  const q = Number(m[2]);
  const fromMonth = (q - 1) * 3 + 1;
  const toMonth = fromMonth + 2;
  const last = new Date(Date.UTC(2000, toMonth, 0)).getUTCDate(); // a quarter ends on the same day every year
  return {
    key,
    from: `${year}-${String(fromMonth).padStart(2, '0')}-01`,
    to: `${year}-${String(toMonth).padStart(2, '0')}-${last}`,
  };
}

export const quarterKeyOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

export interface CostedMeasure {
  startOn: string;
  endOn: string;
  totalCents: number;
  /** The day it really began; null while not started (nothing is incurred). */
  startedOn: string | null;
  /** The day it was interrupted or completed; null while running. */
  endedOn: string | null;
}

/** The days and the cost incurred in [from, to]. */
export function incurredIn(
  m: CostedMeasure,
  from: string,
  to: string,
): { days: number; cents: number; from: string; to: string } | null {
  if (!m.startedOn) return null;
  const plannedDays = daysInclusive(m.startOn, m.endOn);
  if (plannedDays === 0) return null;
  // biome-ignore lint/complexity/useMathMinMax: ISO day strings, not numbers (Math.max would give NaN)
  const runFrom = m.startedOn > m.startOn ? m.startedOn : m.startOn;
  const runTo = m.endedOn && m.endedOn < m.endOn ? m.endedOn : m.endOn;
  const a = runFrom > from ? runFrom : from;
  const b = runTo < to ? runTo : to;
  const days = daysInclusive(a, b);
  if (days === 0) return null;
  return { days, cents: Math.round((m.totalCents * days) / plannedDays), from: a, to: b };
}

/** The commune pays 30 %, the canton the rest: the two always add up to the amount. */
export function shares(cents: number): { cantonCents: number; communeCents: number } {
  const communeCents = Math.round((cents * COMMUNE_SHARE_PERCENT) / 100);
  return { cantonCents: cents - communeCents, communeCents };
}
