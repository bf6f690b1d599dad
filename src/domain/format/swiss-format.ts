import type { Language } from '../access/roles.ts';

/**
 * Swiss formats for what a person reads: dd.mm.yyyy, times in Europe/Zurich
 * whatever the server's zone, CHF 1’234.50. Shared by screens, e-mails and PDFs.
 */
const TIME_ZONE = 'Europe/Zurich';
const locale = (lang: Language) => (lang === 'de' ? 'de-CH' : 'fr-CH');

function toDate(value: Date | string): Date | null {
  // A bare calendar date ("2026-11-22") is a day, not an instant: read it at noon UTC so no zone shifts it.
  const date =
    typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Built once per language and shape: a formatter costs far more to build than to use. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, lang: Language, withTime: boolean) {
  const key = `${lang}:${withTime}`;
  let fmt = FORMATTERS.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale(lang), {
      timeZone: TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    FORMATTERS.set(key, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return p as Record<'day' | 'month' | 'year' | 'hour' | 'minute', string>;
}

export function formatDate(value: Date | string | null | undefined, lang: Language): string {
  const date = value ? toDate(value) : null;
  if (!date) return '';
  const p = parts(date, lang, false);
  return `${p.day}.${p.month}.${p.year}`;
}

export function formatDateTime(value: Date | string | null | undefined, lang: Language): string {
  const date = value ? toDate(value) : null;
  if (!date) return '';
  const p = parts(date, lang, true);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** Apostrophe thousands separator, two decimals, "CHF" before the amount (same in FR and DE). */
export function formatChf(amount: number): string {
  const negative = amount < 0;
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '’');
  return `CHF ${negative ? '-' : ''}${grouped}.${cents}`;
}
