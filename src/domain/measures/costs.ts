import { addMonths } from '../tandem/mandate.ts';
import type { CostUnit } from './catalogue.ts';

/**
 * What a measure costs in a period (the communes' quarterly statements, seeds
 * 002/003): a price per month by month (`incurredIn`), any other price spread
 * over the days it ran — an interrupted measure stops costing when it stops.
 * Amounts are in cents (Rappen).
 */
export const CANTON_SHARE_PERCENT = 70;
export const COMMUNE_SHARE_PERCENT = 30;

/** MIP (seed 002, DOMAIN.md §5): six months at CHF 500 a month, 70 % canton / 30 % commune. */
export const MIP_MONTHS = 6;
export const MIP_MONTHLY_CENTS = 500_00;

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
  /**
   * How its price is counted (the kind's unit). A price "per month" is billed by month, never by day (seed 002:
   * "Fr. 500.- par mois"); a price per day or a lump sum is spread over the planned days. Absent: by day.
   */
  costUnit?: CostUnit;
  unitCostCents?: number;
  quantity?: number;
  /** A MIP: six calendar months whatever its stored end (MIPs stored before 2026-11 end a day into a seventh). */
  mip?: boolean;
}

export interface Incurred {
  /** The days it ran inside the period (for a monthly measure: inside the months billed in it). */
  days: number;
  /** The months billed in the period; null for a measure not priced by month. */
  months: number | null;
  cents: number;
  from: string;
  to: string;
}

/** The first day of the month `day` falls in. */
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
/** The day before `day`. */
const dayBefore = (day: string) => new Date((dayNumber(day) - 1) * DAY_MS).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The MIP's end (seed 002, issue 11): six **calendar** months, the month it starts in counting as the first, so that
 * its end is the last day of the sixth month — a MIP starting on 01.10.2022 or on 03.10.2022 ends on 31.03.2023,
 * never on a day of a seventh month. Each of the six months is billed CHF 500 in the quarter it falls in.
 */
export function mipEndOn(startOn: string): string {
  return dayBefore(addMonths(monthStart(startOn), MIP_MONTHS));
}

/**
 * The billing months of a measure priced by month: the i-th month begins i months after the start (a MIP's months
 * are calendar months: it starts on the first of its month), and ends the day before the next one, at the planned
 * end at the latest. There are as many months as were bought (`quantity`; six for a MIP), none after the planned end.
 */
export function billingMonths(m: CostedMeasure): { from: string; to: string }[] {
  const first = m.mip ? monthStart(m.startOn) : m.startOn;
  const end = m.mip ? mipEndOn(m.startOn) : m.endOn;
  const count = m.mip ? MIP_MONTHS : (m.quantity ?? 0);
  const months: { from: string; to: string }[] = [];
  for (let i = 0; i < count; i++) {
    const from = addMonths(first, i);
    if (from > end) break;
    months.push({ from, to: earlier(dayBefore(addMonths(first, i + 1)), end) });
  }
  return months;
}

/**
 * The cost incurred in [from, to]. Priced by month: each month in which the measure ran at least one day (a started
 * month counts whole, as `monthsCovered` does) is billed its monthly price in the period its first day falls in — an
 * interrupted measure is not billed the months after its interruption. Otherwise the planned total spread evenly over
 * the planned days, counted for the days it actually ran inside the period.
 */
export function incurredIn(m: CostedMeasure, from: string, to: string): Incurred | null {
  if (!m.startedOn) return null;
  const plannedEnd = m.mip ? mipEndOn(m.startOn) : m.endOn;
  const runFrom = later(m.startedOn, m.startOn);
  const runTo = m.endedOn && m.endedOn < plannedEnd ? m.endedOn : plannedEnd;
  if (m.mip || m.costUnit === 'month') {
    const unit = m.mip ? MIP_MONTHLY_CENTS : (m.unitCostCents ?? 0);
    const billed = billingMonths(m).filter(
      (month) => month.from >= from && month.from <= to && month.from <= runTo && month.to >= runFrom,
    );
    const firstMonth = billed[0];
    const lastMonth = billed.at(-1);
    if (!firstMonth || !lastMonth) return null;
    const a = later(firstMonth.from, runFrom);
    const b = earlier(lastMonth.to, runTo);
    return { days: daysInclusive(a, b), months: billed.length, cents: unit * billed.length, from: a, to: b };
  }
  const plannedDays = daysInclusive(m.startOn, m.endOn);
  if (plannedDays === 0) return null;
  const a = later(runFrom, from);
  const b = earlier(runTo, to);
  const days = daysInclusive(a, b);
  if (days === 0) return null;
  return { days, months: null, cents: Math.round((m.totalCents * days) / plannedDays), from: a, to: b };
}

/** The commune pays 30 %, the canton the rest: the two always add up to the amount. */
export function shares(cents: number): { cantonCents: number; communeCents: number } {
  const communeCents = Math.round((cents * COMMUNE_SHARE_PERCENT) / 100);
  return { cantonCents: cents - communeCents, communeCents };
}
