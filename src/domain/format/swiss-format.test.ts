import { describe, expect, it } from 'vitest';
import { formatChf, formatDate, formatDateTime } from './swiss-format.ts';

describe('Swiss formats', () => {
  it('writes dates dd.mm.yyyy in both languages, calendar dates without zone shifts', () => {
    expect(formatDate('2026-01-05', 'fr')).toBe('05.01.2026');
    expect(formatDate('2026-01-05', 'de')).toBe('05.01.2026');
    // 23:30 UTC on 31 December is already 1 January in Switzerland.
    expect(formatDate(new Date('2025-12-31T23:30:00Z'), 'fr')).toBe('01.01.2026');
    expect(formatDateTime(new Date('2026-07-01T06:05:00Z'), 'de')).toBe('01.07.2026 08:05');
    expect(formatDate(null, 'fr')).toBe('');
  });

  it('writes CHF with apostrophes and two decimals', () => {
    expect(formatChf(1234.5)).toBe('CHF 1’234.50');
    expect(formatChf(500)).toBe('CHF 500.00');
    expect(formatChf(-1234567.891)).toBe('CHF -1’234’567.89');
  });
});
