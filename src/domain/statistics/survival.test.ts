import { describe, expect, it } from 'vitest';
import { insertedBy, monthsFromDays, timeToInsertion } from './survival.ts';

/** Issue 13, 004 §7: time to insertion with the open situations censored, not dropped. */
describe('time to insertion (Kaplan–Meier)', () => {
  it('keeps a censored situation at risk until its last month, then takes it out', () => {
    // Four tandems: inserted after 2 and 4 months; one still open after 1 month, one closed otherwise after 3.
    const curve = timeToInsertion([
      { months: 1, events: 0, censored: 1 },
      { months: 2, events: 1, censored: 0 },
      { months: 3, events: 0, censored: 1 },
      { months: 4, events: 1, censored: 0 },
    ]);
    expect(curve.map((p) => p.atRisk)).toEqual([4, 3, 2, 1]);
    expect(insertedBy(curve, 1)).toBe(0);
    expect(insertedBy(curve, 2)).toBeCloseTo(1 / 3);
    expect(insertedBy(curve, 4)).toBeCloseTo(1);
    // Dropping the censored ones would say half inserted by month 2; counting them as failures, a quarter.
    expect(insertedBy(curve, 2)).not.toBeCloseTo(1 / 2);
    expect(insertedBy(curve, 2)).not.toBeCloseTo(1 / 4);
  });

  it('counts the insertions of a month before its censored situations leave', () => {
    const curve = timeToInsertion([{ months: 3, events: 1, censored: 1 }]);
    expect(curve[0]).toMatchObject({ atRisk: 2, inserted: 0.5 });
  });

  it('with every situation inserted, reaches 100 %; with none, stays at 0', () => {
    expect(insertedBy(timeToInsertion([{ months: 5, events: 3, censored: 0 }]), 6)).toBe(1);
    expect(insertedBy(timeToInsertion([{ months: 5, events: 0, censored: 3 }]), 6)).toBe(0);
    expect(timeToInsertion([])).toEqual([]);
  });

  it('months are whole months of 30.4375 days', () => {
    expect(monthsFromDays(30)).toBe(0);
    expect(monthsFromDays(31)).toBe(1);
    expect(monthsFromDays(183)).toBe(6);
  });
});
