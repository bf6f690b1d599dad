import { describe, expect, it } from 'vitest';
import { intensityByMonth, intensityWarnings } from './intensity.ts';
import { addMonths, checkExtension, latestEnd, plannedEnd } from './mandate.ts';

describe('the tandem mandate (seeds 000 and 004: about six months, never beyond nine)', () => {
  it('plans six months and caps at nine, month ends clamped', () => {
    expect(plannedEnd('2026-01-15')).toBe('2026-07-15');
    expect(latestEnd('2026-01-15')).toBe('2026-10-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });
  it('refuses an extension past nine months, one not later, or one without justification', () => {
    const m = { start: '2026-01-15', currentEnd: '2026-07-15' };
    expect(checkExtension(m, '2026-09-15', 'Stage prolongé')).toEqual({ ok: true });
    expect(checkExtension(m, '2026-10-15', 'Stage prolongé')).toEqual({ ok: true });
    expect(checkExtension(m, '2026-10-16', 'Stage prolongé')).toEqual({
      ok: false,
      reason: 'beyond_nine_months',
      latestEnd: '2026-10-15',
    });
    expect(checkExtension(m, '2026-07-01', 'Stage prolongé')).toMatchObject({ ok: false, reason: 'not_later' });
    expect(checkExtension(m, '2026-09-15', ' ')).toMatchObject({ ok: false, reason: 'justification_missing' });
  });
});

describe('intensity (seed 000: at least two meetings a month)', () => {
  const mandate = { start: '2026-01-20', end: '2026-07-20' };
  it('counts meetings per calendar month, across month boundaries', () => {
    const months = intensityByMonth(
      mandate,
      ['2026-01-21', '2026-01-31', '2026-02-01', '2026-03-02', '2026-03-30', '2026-04-02'],
      '2026-04-10',
    );
    expect(months.map((m) => [m.month, m.meetingsWithPerson, m.status])).toEqual([
      ['2026-01', 2, 'met'],
      ['2026-02', 1, 'missed'],
      ['2026-03', 2, 'met'],
      ['2026-04', 1, 'to_hold'],
      ['2026-05', 0, 'upcoming'],
      ['2026-06', 0, 'upcoming'],
      ['2026-07', 0, 'upcoming'],
    ]);
    expect(intensityWarnings(months)).toEqual({ currentBehind: false, missedMonths: ['2026-02'] });
  });
  it('ignores meetings outside the mandate', () => {
    const months = intensityByMonth(mandate, ['2026-01-05', '2026-01-10', '2026-01-25'], '2026-01-28');
    expect(months[0]).toMatchObject({ month: '2026-01', meetingsWithPerson: 1, status: 'on_track' });
  });
});
