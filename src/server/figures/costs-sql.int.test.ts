import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostUnit, Regime } from '../../domain/measures/catalogue.ts';
import { type CostSource, costsByPayer } from '../../domain/statistics/costs.ts';
import type { Database } from '../../db/open-db.ts';
import { openTestDatabase } from '../../test/int-harness.ts';
import { costSums } from './costs-sql.ts';

/**
 * The costs summed by the database (costs-sql.ts) against the rules they copy (`incurredIn`, `costsByPayer`), over
 * measures generated with every regime, price unit, MIP, interruption and the days where months are tricky (the
 * 29th to 31st, February, leap years), for periods of a month, a quarter, a year and a few days (issue 13).
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const REGIMES: Regime[] = ['LACI', 'LEMC', 'LIAS'];
const UNITS: (CostUnit | undefined)[] = ['month', 'day', 'lump_sum', undefined];
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function measures(seed: number, count: number): (CostSource & { situationId: string })[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const tricky = ['2020-01-31', '2020-02-29', '2021-02-28', '2021-08-31', '2022-10-03', '2022-12-31', '2023-01-30'];
  return Array.from({ length: count }, (_, i) => {
    const startOn = r() < 0.3 ? pick(tricky) : addDays('2019-06-01', Math.floor(r() * 1600));
    const endOn = addDays(startOn, Math.floor(r() * 400) - (r() < 0.05 ? 30 : 0));
    const started = r() < 0.9;
    const startedOn = started ? addDays(startOn, Math.floor(r() * 20) - 5) : null;
    const endedOn = started && r() < 0.4 ? addDays(startOn, Math.floor(r() * 300)) : null;
    const mip = r() < 0.2;
    return {
      regime: pick(REGIMES),
      startOn,
      endOn,
      totalCents: Math.floor(r() * 2_000_000) + (r() < 0.1 ? 5 : 0),
      costUnit: pick(UNITS),
      unitCostCents: Math.floor(r() * 150_000),
      quantity: Math.floor(r() * 13),
      startedOn,
      endedOn,
      mip,
      situationId: `00000000-0000-4000-8000-${String(i % 97).padStart(12, '0')}`,
    };
  });
}

/** The generated measures as the rows the figures read (json_to_recordset: no table needed). */
const asSource = (ms: readonly (CostSource & { situationId: string })[]) => {
  const json = JSON.stringify(
    ms.map((m) => ({
      regime: m.regime,
      start_on: m.startOn,
      end_on: m.endOn,
      total_cents: m.totalCents,
      cost_unit: m.costUnit ?? null,
      unit_cost_cents: m.unitCostCents ?? null,
      quantity: m.quantity ?? null,
      started_on: m.startedOn,
      ended_on: m.endedOn,
      mip: m.mip ?? false,
      situation_id: m.situationId,
    })),
  );
  return sql`SELECT * FROM json_to_recordset(${json}::json) AS x(regime text, start_on date, end_on date,
    total_cents int, cost_unit text, unit_cost_cents int, quantity int, started_on date, ended_on date, mip boolean,
    situation_id uuid)`;
};

const PERIODS: [string, string][] = [
  ['2020-01-01', '2020-12-31'],
  ['2021-01-01', '2021-03-31'],
  ['2021-02-01', '2021-02-28'],
  ['2022-10-01', '2022-12-31'],
  ['2023-01-01', '2023-12-31'],
  ['2022-12-30', '2023-01-02'],
  ['2019-01-01', '2024-12-31'],
];

describe('costs summed by the database = the statements rules (issue 13)', () => {
  it.each([1, 2, 3])('agrees to the cent over 600 generated measures (seed %i) in every period', async (seed) => {
    const ms = measures(seed, 600);
    for (const [from, to] of PERIODS) {
      const { tandemOrpCents: _orp, tandemCmsCents: _cms, ...expected } = costsByPayer(ms, from, to);
      const got = await costSums(database.db, asSource(ms), from, to);
      expect({ from, to, ...got.costs }).toEqual({ from, to, ...expected });
      expect(got.situations).toBe(new Set(ms.map((m) => m.situationId)).size);
    }
  });

  it('counts nothing without measures, and a MIP as six calendar months at CHF 500', async () => {
    expect((await costSums(database.db, asSource([]), '2022-01-01', '2022-12-31')).costs.totalCents).toBe(0);
    const mip: CostSource & { situationId: string } = {
      regime: 'LIAS',
      startOn: '2022-10-03',
      endOn: '2023-04-03',
      totalCents: 0,
      startedOn: '2022-10-03',
      endedOn: null,
      mip: true,
      situationId: '00000000-0000-4000-8000-000000000001',
    };
    const q4 = await costSums(database.db, asSource([mip]), '2022-10-01', '2022-12-31');
    expect(q4.costs).toMatchObject({ mipCantonCents: 105_000, mipCommuneCents: 45_000, totalCents: 150_000 });
    const year = await costSums(database.db, asSource([mip]), '2023-01-01', '2023-12-31');
    expect(year.costs.totalCents).toBe(150_000);
  });
});
