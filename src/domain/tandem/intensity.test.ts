import { describe, expect, it } from 'vitest';
import { daysInMonth, intensityByMonth, intensityWarnings, requiredMeetings } from './intensity.ts';

const row = (months: ReturnType<typeof intensityByMonth>, month: string) => months.find((m) => m.month === month);

describe('intensity prorated over partial months (issue 11: no false alarms)', () => {
  it('asks for round(2 × covered / days in month): none under a quarter, one to three quarters, two beyond', () => {
    expect(requiredMeetings(30, 30)).toBe(2);
    expect(requiredMeetings(1, 30)).toBe(0);
    expect(requiredMeetings(7, 30)).toBe(0);
    expect(requiredMeetings(8, 30)).toBe(1);
    expect(requiredMeetings(7, 28)).toBe(1); // exactly a quarter: half rounded up
    expect(requiredMeetings(10, 31)).toBe(1);
    expect(requiredMeetings(22, 30)).toBe(1);
    expect(requiredMeetings(23, 30)).toBe(2);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2026-02')).toBe(28);
  });

  it('a start on 30 November asks for nothing in November, even on its first day', () => {
    const mandate = { start: '2026-11-30', end: '2027-05-30' };
    const months = intensityByMonth(mandate, [], '2026-11-30');
    expect(row(months, '2026-11')).toMatchObject({ coveredDays: 1, required: 0, status: 'not_required' });
    expect(intensityWarnings(months)).toEqual({ currentBehind: false, missedMonths: [] });
    // Still nothing once November is over, and December is a full month to come.
    const later = intensityByMonth(mandate, [], '2026-12-01');
    expect(row(later, '2026-11')).toMatchObject({ period: 'past', status: 'not_required' });
    expect(row(later, '2026-12')).toMatchObject({ required: 2, status: 'to_hold' });
    expect(intensityWarnings(later)).toEqual({ currentBehind: false, missedMonths: [] });
  });

  it('a start on 22 August asks for one meeting in August (10 days of 31), not two', () => {
    const mandate = { start: '2026-08-22', end: '2027-02-22' };
    expect(row(intensityByMonth(mandate, ['2026-08-25'], '2026-09-01'), '2026-08')).toMatchObject({
      coveredDays: 10,
      required: 1,
      meetingsWithPerson: 1,
      status: 'met',
    });
    expect(row(intensityByMonth(mandate, [], '2026-09-01'), '2026-08')).toMatchObject({ status: 'missed' });
    // On its first day August is only to hold, with ten days ahead.
    expect(row(intensityByMonth(mandate, [], '2026-08-22'), '2026-08')).toMatchObject({ status: 'to_hold' });
  });

  it('a start on the 1st asks for two in a full month; the planned end month is prorated too', () => {
    const months = intensityByMonth({ start: '2026-03-01', end: '2026-09-01' }, [], '2026-03-01');
    expect(row(months, '2026-03')).toMatchObject({ coveredDays: 31, required: 2, status: 'to_hold' });
    expect(row(months, '2026-04')).toMatchObject({ required: 2, period: 'future', status: 'upcoming' });
    expect(row(months, '2026-09')).toMatchObject({ coveredDays: 1, required: 0, status: 'not_required' });
  });

  it('judges the current month on the days left: behind only when what remains cannot be held', () => {
    const mandate = { start: '2026-01-01', end: '2026-07-01' };
    // 30 January, none held: two days left (30, 31) for two meetings: still possible.
    expect(row(intensityByMonth(mandate, [], '2026-01-30'), '2026-01')?.status).toBe('to_hold');
    // 31 January, none held: one day left for two: behind.
    const last = intensityByMonth(mandate, [], '2026-01-31');
    expect(row(last, '2026-01')?.status).toBe('behind');
    expect(intensityWarnings(last).currentBehind).toBe(true);
    // 31 January with one held: one more today is possible.
    expect(row(intensityByMonth(mandate, ['2026-01-10'], '2026-01-31'), '2026-01')?.status).toBe('to_hold');
    expect(row(intensityByMonth(mandate, ['2026-01-10', '2026-01-12'], '2026-01-13'), '2026-01')?.status).toBe(
      'on_track',
    );
    // The month is over: missed.
    expect(intensityWarnings(intensityByMonth(mandate, ['2026-01-10'], '2026-02-01'))).toEqual({
      currentBehind: false,
      missedMonths: ['2026-01'],
    });
  });

  it('month ends and leap years: a start on 15 February 2028 covers 15 of 29 days', () => {
    const months = intensityByMonth({ start: '2028-02-15', end: '2028-08-15' }, [], '2028-02-29');
    // 29 February still exists in 2028: one meeting can still be held today.
    expect(row(months, '2028-02')).toMatchObject({ coveredDays: 15, required: 1, status: 'to_hold' });
    const march = intensityByMonth({ start: '2028-02-15', end: '2028-08-15' }, [], '2028-03-01');
    expect(row(march, '2028-02')).toMatchObject({ period: 'past', status: 'missed' });
    const common = intensityByMonth({ start: '2027-02-15', end: '2027-08-15' }, [], '2027-02-28');
    expect(row(common, '2027-02')).toMatchObject({ coveredDays: 14, required: 1, status: 'to_hold' });
  });

  it('a closure mid-month prorates that month to the closure, and nothing is flagged after closure', () => {
    const mandate = { start: '2026-01-01', end: '2026-07-01', closedOn: '2026-03-04' };
    const months = intensityByMonth(mandate, ['2026-01-05', '2026-01-20', '2026-02-03', '2026-02-17'], '2026-03-20');
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(row(months, '2026-03')).toMatchObject({ coveredDays: 4, required: 0, status: 'not_required' });
    expect(intensityWarnings(months)).toEqual({ currentBehind: false, missedMonths: [] });
    // Closed on the 20th with none held in March: that month is over and missed, never "behind".
    const mid = intensityByMonth({ ...mandate, closedOn: '2026-03-20' }, [], '2026-03-20');
    expect(row(mid, '2026-03')).toMatchObject({ period: 'past', required: 1, status: 'missed' });
    expect(mid.some((m) => m.status === 'behind' || m.status === 'to_hold')).toBe(false);
  });

  it('the clock is an argument: the same mandate read at different dates', () => {
    const mandate = { start: '2026-05-20', end: '2026-11-20' };
    const statuses = (today: string) => intensityByMonth(mandate, ['2026-05-25'], today).map((m) => m.status);
    expect(statuses('2026-05-10')).toEqual([
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(statuses('2026-05-26')[0]).toBe('on_track');
    expect(statuses('2026-06-01')[0]).toBe('met');
    expect(statuses('2026-12-15')).toEqual(['met', 'missed', 'missed', 'missed', 'missed', 'missed', 'missed']);
  });
});
