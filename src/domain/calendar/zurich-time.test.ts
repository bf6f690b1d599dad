import { describe, expect, it } from 'vitest';
import { zurichInstant, zurichLocal } from './zurich-time.ts';

describe('Europe/Zurich wall-clock time', () => {
  it('reads an instant as the hour in Valais, winter and summer', () => {
    expect(zurichLocal(new Date('2026-01-15T08:30:00Z'))).toEqual({ date: '2026-01-15', time: '09:30' });
    expect(zurichLocal(new Date('2026-07-15T08:30:00Z'))).toEqual({ date: '2026-07-15', time: '10:30' });
    expect(zurichLocal(new Date('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
  });

  it('turns a typed day and time back into the same instant', () => {
    for (const [date, time] of [
      ['2026-01-15', '09:30'],
      ['2026-07-15', '14:00'],
      ['2026-10-25', '01:59'],
      ['2026-03-29', '03:00'],
    ] as const) {
      expect(zurichLocal(zurichInstant(date, time))).toEqual({ date, time });
    }
  });

  it('takes the skipped spring hour as the hour after, and the repeated autumn hour once, in summer time', () => {
    expect(zurichInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zurichInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
