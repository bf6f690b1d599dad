import { describe, expect, it } from 'vitest';
import { billingMonths, type CostedMeasure, incurredIn, mipEndOn, quarterOf, shares } from './costs.ts';
import { cantonSheet, composeCantonStatement, composeStatement, quartersBetween, sheetCsv } from './statement.ts';

/** Issue 11: a price per month billed by month, the MIP as six calendar months of CHF 500. */
const QUARTERS = ['2022-Q3', '2022-Q4', '2023-Q1', '2023-Q2'] as const;
const byQuarter = (m: CostedMeasure) =>
  Object.fromEntries(
    QUARTERS.map((key) => {
      const q = quarterOf(key)!;
      return [key, incurredIn(m, q.from, q.to)?.cents ?? 0];
    }),
  );
const mip = (startOn: string, over: Partial<CostedMeasure> = {}): CostedMeasure & { mip: boolean } => ({
  startOn,
  endOn: mipEndOn(startOn),
  totalCents: 3000_00,
  startedOn: startOn,
  endedOn: null,
  costUnit: 'month',
  unitCostCents: 500_00,
  quantity: 6,
  mip: true,
  ...over,
});

describe('the MIP: six calendar months at CHF 500, billed by month', () => {
  it('ends on the last day of the sixth month, the month it starts in counting as the first', () => {
    expect(mipEndOn('2022-10-01')).toBe('2023-03-31');
    expect(mipEndOn('2022-10-03')).toBe('2023-03-31');
    expect(mipEndOn('2022-09-30')).toBe('2023-02-28');
    expect(mipEndOn('2023-09-01')).toBe('2024-02-29');
    expect(billingMonths(mip('2022-10-03')).map((m) => m.from)).toEqual([
      '2022-10-01',
      '2022-11-01',
      '2022-12-01',
      '2023-01-01',
      '2023-02-01',
      '2023-03-01',
    ]);
  });

  it('the 2022-10-01 MIP: Q4 2022 = 1,500.00 = 1,050.00 + 450.00, Q1 2023 = 1,500.00, nothing in Q2 2023', () => {
    const m = mip('2022-10-01');
    expect(byQuarter(m)).toEqual({ '2022-Q3': 0, '2022-Q4': 1500_00, '2023-Q1': 1500_00, '2023-Q2': 0 });
    expect(shares(1500_00)).toEqual({ cantonCents: 1050_00, communeCents: 450_00 });
    const q4 = quarterOf('2022-Q4')!;
    expect(incurredIn(m, q4.from, q4.to)).toEqual({
      days: 92,
      months: 3,
      cents: 1500_00,
      from: '2022-10-01',
      to: '2022-12-31',
    });
  });

  it('bills exactly 6 × 500 over its life, whatever the stored end (the old one: a day into a 7th month)', () => {
    for (const start of ['2022-10-01', '2022-10-03', '2022-08-31', '2022-12-15', '2021-11-30']) {
      for (const endOn of [mipEndOn(start), '2023-04-01', start]) {
        const m = mip(start, { endOn });
        let total = 0;
        for (let year = 2021; year <= 2023; year++) {
          for (let q = 1; q <= 4; q++) {
            const b = quarterOf(`${year}-Q${q}`)!;
            total += incurredIn(m, b.from, b.to)?.cents ?? 0;
          }
        }
        expect([start, endOn, total]).toEqual([start, endOn, 3000_00]);
      }
    }
    // The MIP of 03.10.2022 stored to 03.04.2023 (183 days): nothing of a seventh month in Q2 2023.
    expect(byQuarter(mip('2022-10-03', { endOn: '2023-04-03' }))).toEqual({
      '2022-Q3': 0,
      '2022-Q4': 1500_00,
      '2023-Q1': 1500_00,
      '2023-Q2': 0,
    });
    // One starting mid-September: September in Q3, three months in Q4, two in Q1.
    expect(byQuarter(mip('2022-09-15'))).toEqual({
      '2022-Q3': 500_00,
      '2022-Q4': 1500_00,
      '2023-Q1': 1000_00,
      '2023-Q2': 0,
    });
  });

  it('an interrupted MIP is billed the months it ran, a started month whole; not before it started', () => {
    expect(byQuarter(mip('2022-10-01', { endedOn: '2022-11-10' }))['2022-Q4']).toBe(1000_00);
    expect(byQuarter(mip('2022-10-01', { endedOn: '2023-01-01' }))).toMatchObject({
      '2022-Q4': 1500_00,
      '2023-Q1': 500_00,
    });
    expect(byQuarter(mip('2022-10-01', { startedOn: null }))['2022-Q4']).toBe(0);
  });
});

describe('other prices per month: billed by month, in the quarter each month begins', () => {
  const stage: CostedMeasure = {
    startOn: '2022-11-15',
    endOn: '2023-02-14',
    totalCents: 1200_00,
    startedOn: '2022-11-15',
    endedOn: null,
    costUnit: 'month',
    unitCostCents: 400_00,
    quantity: 3,
  };
  it('three months of CHF 400 from 15.11: two begin in Q4, one in Q1; never more than bought', () => {
    expect(byQuarter(stage)).toEqual({ '2022-Q3': 0, '2022-Q4': 800_00, '2023-Q1': 400_00, '2023-Q2': 0 });
    expect(byQuarter({ ...stage, endedOn: '2022-12-01' })['2023-Q1']).toBe(0);
    // Fewer months bought than the dates cover: only those bought; none after the planned end.
    expect(byQuarter({ ...stage, quantity: 2, totalCents: 800_00 })).toMatchObject({ '2022-Q4': 800_00, '2023-Q1': 0 });
    expect(byQuarter({ ...stage, quantity: 5, totalCents: 2000_00 })).toMatchObject({
      '2022-Q4': 800_00,
      '2023-Q1': 400_00,
    });
  });
  it('a lump sum or a price per day stays pro rata of the days it ran', () => {
    const course = { ...stage, costUnit: 'lump_sum' as const, totalCents: 920_00, quantity: 1 };
    expect(incurredIn(course, '2022-10-01', '2022-12-31')?.months).toBeNull();
  });
});

describe("the statements' quarters and the SAS's canton view", () => {
  it('every quarter from the earliest to today, newest first', () => {
    expect(quartersBetween('2022-10-03', '2023-05-02')).toEqual(['2023-Q2', '2023-Q1', '2022-Q4']);
    expect(quartersBetween('2026-11-30', '2026-11-30')).toEqual(['2026-Q4']);
    expect(quartersBetween('2021-12-31', '2025-01-01')).toHaveLength(14);
  });

  it('the canton totals are the sums of the communes’ statements; shares add up to each amount', () => {
    const q = quarterOf('2022-Q4')!;
    const line = { situationNumber: 'CII-2022-0001', initials: 'M. C.', kindNameFr: 'MIP', kindNameDe: 'MIP' };
    const sion = composeStatement(q, [
      { ...line, measureId: 'a', ...mip('2022-10-03') },
      {
        ...line,
        measureId: 'b',
        mip: false,
        startOn: '2022-11-14',
        endOn: '2023-01-27',
        totalCents: 980_01,
        startedOn: '2022-11-14',
        endedOn: null,
      },
    ]);
    const brig = composeStatement(q, [{ ...line, measureId: 'c', ...mip('2022-12-20') }]);
    const empty = composeStatement(q, []);
    const canton = composeCantonStatement(q, [
      { commune: { id: '1', name: 'Brig-Glis' }, statement: brig },
      { commune: { id: '2', name: 'Monthey' }, statement: empty },
      { commune: { id: '3', name: 'Sion' }, statement: sion },
    ]);
    expect(canton.rows.map((r) => [r.commune.name, r.total.cents])).toEqual([
      ['Brig-Glis', 500_00],
      ['Monthey', 0],
      ['Sion', sion.total.cents],
    ]);
    expect(canton.total.cents).toBe(sion.total.cents + brig.total.cents);
    expect(canton.total.cantonCents + canton.total.communeCents).toBe(canton.total.cents);
    expect(canton.mip).toEqual({ cents: 2000_00, cantonCents: 1400_00, communeCents: 600_00 });
    const csv = sheetCsv(cantonSheet(canton, 'de')).split('\r\n');
    expect(csv[0]).toBe('Quartal;Gemeinde;Zeilen;Massnahmen CHF;MIP CHF;Betrag CHF;Kanton CHF;Gemeinde CHF');
    expect(csv[1]).toBe('2022-Q4;Brig-Glis;1;0.00;500.00;500.00;350.00;150.00');
    expect(csv[4]).toBe(
      `2022-Q4;Total Kanton;3;${(canton.measures.cents / 100).toFixed(2)};2000.00;` +
        `${(canton.total.cents / 100).toFixed(2)};${(canton.total.cantonCents / 100).toFixed(2)};` +
        `${(canton.total.communeCents / 100).toFixed(2)}`,
    );
    expect(sheetCsv(cantonSheet(canton, 'fr')).split('\r\n')[0]).toContain('Trimestre;Commune;Lignes');
  });
});
