import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persons, situations } from '../../db/schema.ts';
import { HISTORY_NAMES } from '../demo/seed-demo-history.ts';
import { type TestApp, createDemoTestApp } from '../../test/int-harness.ts';

/**
 * Issue 13: the demo canton has enough history for meaningful figures on first start (seed-demo-history.ts), made
 * through the use cases; the statistics reader's navigation offers the figures; the history leaves no reminder behind.
 */
let t: Awaited<ReturnType<typeof createDemoTestApp>>;
const NOW = new Date('2026-11-30T10:00:00Z');
beforeAll(async () => {
  t = await createDemoTestApp(NOW);
});
afterAll(() => (t as unknown as TestApp).close());

const get = async (user: string, url: string) => {
  const r = await t.request(await t.signIn(user), { method: 'GET', url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const value = (f: { keyFigures: { key: string; value: number | null }[] }, key: string) =>
  f.keyFigures.find((k) => k.key === key)?.value ?? null;

describe('the demo’s figures', () => {
  it('three years of tandems, refusals and insertions, with follow-ups', async () => {
    for (const year of [2024, 2025]) {
      const f = await get('copil.stats', `/api/figures?year=${year}`);
      expect(value(f, 'situations_announced')).toBeGreaterThanOrEqual(8);
      expect(value(f, 'refused')).toBeGreaterThanOrEqual(1);
      expect(value(f, 'tandem_situations')).toBeGreaterThanOrEqual(6);
      expect(value(f, 'tandem_inserted')).toBeGreaterThanOrEqual(2);
      expect(value(f, 'insertion_rate_of_closed')).toBeGreaterThan(0);
      expect(f.timeToInsertion.points.length).toBeGreaterThan(1);
    }
    const now = await get('copil.stats', '/api/figures?year=2026');
    expect(value(now, 'since_start_tandem_situations')).toBeGreaterThanOrEqual(25);
    const old = await get('copil.stats', '/api/figures?year=2024');
    const durable = old.tables.find((x: { key: string }) => x.key === 'durability');
    expect(durable.columnTotals[0]).toBeGreaterThan(0);
  });

  it('four years before them imported from the former records: anonymous, counted, said so', async () => {
    const imported = await get('copil.stats', '/api/figures?year=2020');
    expect(value(imported, 'situations_announced')).toBe(12);
    expect(value(imported, 'situations_imported')).toBe(12);
    expect(value(imported, 'tandem_inserted')).toBeGreaterThanOrEqual(3);
    const live = await get('copil.stats', '/api/figures?year=2025');
    expect(value(live, 'situations_imported')).toBe(0);
    const now = await get('copil.stats', '/api/figures?year=2026');
    expect(value(now, 'since_start_tandem_situations')).toBeGreaterThanOrEqual(25 + 25);
  });

  it('copil.stats sees the figures in the navigation; the tandems have no reminder from the history', async () => {
    const me = await get('copil.stats', '/api/me');
    expect(me.abilities.readFigures).toBe(true);
    const history = await t.database.db
      .select({ id: situations.id })
      .from(situations)
      .innerJoin(persons, eq(persons.id, situations.personId))
      .where(inArray(persons.officialName, [...HISTORY_NAMES]));
    expect(history.length).toBe(HISTORY_NAMES.length);
    const ids = new Set(history.map((h) => h.id));
    for (const user of [
      'orp.sion',
      'orp.monthey',
      'rav.brig',
      'cms.sion',
      'cms.monthey',
      'tandem.orp',
      'tandem.cms',
      'tandem.orp.monthey',
      'tandem.rav.brig',
      'coord.sion',
    ]) {
      const attention = await get(user, '/api/me/attention');
      const about = attention.items.filter((i: { situationId?: string }) => i.situationId && ids.has(i.situationId));
      expect(about, user).toEqual([]);
    }
  });
});
