import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
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
    // Still in work at a follow-up (the 6- and 12-month rows are not added: the table has no totals row).
    expect(durable.totalsRow).toBe(false);
    expect(durable.cells.some((r: number[]) => (r[0] ?? 0) > 0)).toBe(true);
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

const mismatches = async () =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM care_passages p JOIN situations s ON s.id = p.situation_id
          WHERE p.region_id IS DISTINCT FROM s.region_id
             OR p.announcing_institution_id IS DISTINCT FROM s.announcing_institution_id`,
    )
  )[0]!.n;

/**
 * A passage carries its situation's region and announcing institution for the figures (migration 0021), copied by
 * triggers: on insert whatever the writer sent, and again whenever the situation's own change. (Last: it moves a
 * situation to another region.)
 */
describe('passages carry their situation’s region and announcing institution', () => {
  it('has them on every passage of the demo canton', async () => {
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM care_passages`);
    expect(row!.n).toBeGreaterThan(5);
    expect(await mismatches()).toBe(0);
  });

  it('follows a change of the situation, and ignores a copy written by hand', async () => {
    const [p] = await queryRows<{ id: string; situation_id: string; region_id: string }>(
      t.database.db,
      sql`SELECT id, situation_id, region_id FROM care_passages ORDER BY started_at LIMIT 1`,
    );
    const [other] = await queryRows<{ id: string; institution: string }>(
      t.database.db,
      sql`SELECT r.id, (SELECT i.id FROM institutions i ORDER BY i.id LIMIT 1) AS institution
          FROM regions r WHERE r.id <> ${p!.region_id} LIMIT 1`,
    );
    await t.database.db.execute(
      sql`UPDATE situations SET region_id = ${other!.id}, announcing_institution_id = ${other!.institution}
          WHERE id = ${p!.situation_id}`,
    );
    expect(await mismatches()).toBe(0);
    await t.database.db.execute(sql`UPDATE care_passages SET region_id = ${p!.region_id} WHERE id = ${p!.id}`);
    expect(await mismatches()).toBe(0);
  });
});
