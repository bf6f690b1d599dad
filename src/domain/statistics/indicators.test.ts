import { describe, expect, it } from 'vitest';
import { costPerInsertion, costsByPayer } from './costs.ts';
import { summarise } from './distribution.ts';
import { durability } from './durability.ts';
import { intensitySummary } from './intensity.ts';
import { insertionRates, percent } from './rates.ts';

describe('the two insertion rates (DOMAIN.md §4.5)', () => {
  it('seed 004, 2012: 13 insertions of 26 tandem situations = 50 % of all; 13 of the 19 closed = 68 %', () => {
    const r = insertionRates({ all: 26, closed: 19, inserted: 13 });
    expect(percent(r.ofAll)).toBe(50);
    expect(percent(r.ofClosed)).toBe(68);
  });
  it('seed 000: 39 insertions of 85 closed situations ≈ 46 %, open excluded', () => {
    expect(percent(insertionRates({ all: 109, closed: 85, inserted: 39 }).ofClosed)).toBe(46);
  });
  it('nothing to divide by: no rate, not 0 %', () => {
    expect(insertionRates({ all: 0, closed: 0, inserted: 0 })).toEqual({ ofAll: null, ofClosed: null });
  });
});

describe('durations from counted days', () => {
  it('median and mean', () => {
    expect(
      summarise([
        { value: 10, count: 2 },
        { value: 30, count: 1 },
      ]),
    ).toEqual({ n: 3, median: 10, mean: 16.7 });
    expect(
      summarise([
        { value: 10, count: 1 },
        { value: 20, count: 1 },
      ]).median,
    ).toBe(15);
    expect(summarise([])).toEqual({ n: 0, median: null, mean: null });
  });
});

describe('durability (seed 000: durable insertions)', () => {
  it('shares over the follow-ups done; the ones not done yet are not failures', () => {
    const [six, twelve] = durability([
      { months: 6, stillInWork: 9, notInWork: 1, pending: 3 },
      { months: 12, stillInWork: 6, notInWork: 2, pending: 5 },
    ]);
    expect(six?.share).toBeCloseTo(0.9);
    expect(twelve?.share).toBeCloseTo(0.75);
    expect(durability([])[1]).toMatchObject({ months: 12, share: null });
  });
});

describe('tandem intensity against the two-meetings rule (seed 000)', () => {
  it('the share of mandates at two meetings a month or more', () => {
    const s = intensitySummary([
      { value: 1.5, count: 1 },
      { value: 2, count: 2 },
      { value: 3.25, count: 1 },
    ]);
    expect(s).toMatchObject({ mandates: 4, meetingRule: 3, rule: 2 });
    expect(s.shareMeetingRule).toBeCloseTo(0.75);
  });
});

describe('costs by payer (DOMAIN.md §5), with the statements’ functions', () => {
  const base = { costUnit: 'lump_sum' as const, endedOn: null };
  it('LACI and LEMC in full, LIAS 70/30, the MIP apart and billed by calendar month', () => {
    const c = costsByPayer(
      [
        {
          ...base,
          regime: 'LACI',
          startOn: '2012-03-01',
          endOn: '2012-03-31',
          startedOn: '2012-03-01',
          totalCents: 1000_00,
        },
        {
          ...base,
          regime: 'LEMC',
          startOn: '2012-04-01',
          endOn: '2012-04-30',
          startedOn: '2012-04-01',
          totalCents: 500_00,
        },
        {
          ...base,
          regime: 'LIAS',
          startOn: '2012-05-01',
          endOn: '2012-05-31',
          startedOn: '2012-05-01',
          totalCents: 300_00,
        },
        // A MIP from 01.10.2012: three of its six months fall in 2012.
        {
          ...base,
          regime: 'LIAS',
          mip: true,
          startOn: '2012-10-01',
          endOn: '2013-03-31',
          startedOn: '2012-10-01',
          totalCents: 3000_00,
        },
        // Not started: costs nothing.
        { ...base, regime: 'LACI', startOn: '2012-06-01', endOn: '2012-06-30', startedOn: null, totalCents: 999_00 },
      ],
      '2012-01-01',
      '2012-12-31',
    );
    expect(c).toEqual({
      laciCents: 1000_00,
      lemcCents: 500_00,
      liasCantonCents: 210_00,
      liasCommuneCents: 90_00,
      mipCantonCents: 1050_00,
      mipCommuneCents: 450_00,
      tandemOrpCents: 0,
      tandemCmsCents: 0,
      totalCents: 3300_00,
    });
    expect(costPerInsertion(c, 13)).toBe(Math.round(3300_00 / 13));
    expect(costPerInsertion(c, 0)).toBeNull();
  });
});

describe('the period compared with', () => {
  it('a year with the year before; a period with as many days just before', async () => {
    const { previousPeriod } = await import('./period.ts');
    expect(previousPeriod('2012-01-01', '2012-12-31')).toEqual({ from: '2011-01-01', to: '2011-12-31' });
    expect(previousPeriod('2012-03-01', '2012-03-31')).toEqual({ from: '2012-01-30', to: '2012-02-29' });
  });
});
