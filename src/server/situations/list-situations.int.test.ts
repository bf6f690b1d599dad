import { eq, sql } from 'drizzle-orm';
import { SituationListQuerySchema } from '../../contracts/situations.ts';
import { users } from '../../db/schema.ts';
import { parseConfig } from '../config.ts';
import type { AuthedContext } from '../http/context.ts';
import { listSituations } from './list-situations.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { createDemoTestApp } from '../../test/int-harness.ts';

/**
 * The situation list at scale (issue 10): pages after a cursor instead of a
 * count, the kind-of-care filter, the queue in one query. On the demo canton.
 */
let t: Awaited<ReturnType<typeof createDemoTestApp>>;
let coord: string;
let cantonal: string;
let coordBrig: string;
beforeAll(async () => {
  t = await createDemoTestApp();
  coord = await t.signIn('coord.sion');
  cantonal = await t.signIn('bureau.assistant');
  coordBrig = await t.signIn('coord.brig');
}, 120_000);
afterAll(() => t.close());

async function contextOf(username: string): Promise<AuthedContext> {
  const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
  return {
    db: t.database.db,
    config: parseConfig({ LOG_LEVEL: 'silent' }),
    now: () => t.clock.now,
    ip: '127.0.0.1',
    lang: u!.language,
    actor: { userId: u!.id, institutionId: u!.institutionId, regionId: u!.regionId, roles: u!.roles },
  };
}

type Page = { items: { id: string; number: string; status: string }[]; nextCursor: string | null };
const list = async (cookie: string, params: Record<string, string>) => {
  const response = await t.request(cookie, { method: 'GET', url: `/api/situations?${new URLSearchParams(params)}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
};

async function allPages(cookie: string, params: Record<string, string>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const page: Page = await list(cookie, { ...params, pageSize: '2', ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(2);
    ids.push(...page.items.map((s) => s.id));
    cursor = page.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('no last page');
}

describe('the situation list (issue 10)', () => {
  it('reads every page after a cursor, in each order, exactly as one long page', async () => {
    for (const who of [coord, cantonal]) {
      for (const sort of ['newest', 'oldest', 'number']) {
        const whole = (await list(who, { sort, pageSize: '200' })).items.map((s) => s.id);
        expect(whole.length).toBeGreaterThan(4);
        expect(await allPages(who, { sort })).toEqual(whole);
      }
    }
  });

  it('says there is no next page on the last one, without counting', async () => {
    const whole = await list(coord, { pageSize: '200' });
    expect(whole.nextCursor).toBeNull();
    const first = await list(coord, { pageSize: String(whole.items.length - 1) });
    expect(first.nextCursor).not.toBeNull();
    expect(first).not.toHaveProperty('total');
  });

  it('refuses a forged or foreign cursor with a translated message, and changes nothing', async () => {
    const { nextCursor } = await list(coord, { pageSize: '1', sort: 'newest' });
    const forged = [
      'not-a-cursor',
      Buffer.from('{"sort":"newest","v":["x","y"]}').toString('base64url'),
      Buffer.from('{"sort":"newest","v":["2026-01-01 00:00:00+00","1; DROP TABLE situations"]}').toString('base64url'),
      // Offsets PostgreSQL refuses (22009): a 400 like any forged cursor, not a 500.
      Buffer.from(
        '{"sort":"newest","v":["2026-01-01 00:00:00+00:99","25b0a10e-cbc6-4986-bf0c-12d448e3c93e"]}',
      ).toString('base64url'),
      Buffer.from('{"sort":"newest","v":["2026-01-01 00:00:00+99","25b0a10e-cbc6-4986-bf0c-12d448e3c93e"]}').toString(
        'base64url',
      ),
    ];
    for (const cursor of [...forged, nextCursor!]) {
      // The last one is genuine, but for another order.
      const sort = cursor === nextCursor ? 'number' : 'newest';
      // Each in the user's language: coord.sion French, coord.brig German.
      for (const [who, text] of [
        [coord, /plus valable/],
        [coordBrig, /nicht mehr gültig/],
      ] as const) {
        const response = await t.request(who, {
          method: 'GET',
          url: `/api/situations?${new URLSearchParams({ sort, cursor })}`,
        });
        expect(response.statusCode, cursor).toBe(400);
        expect(response.json().error.fields).toEqual([{ path: 'cursor', message: expect.stringMatching(text) }]);
      }
    }
  });

  it('filters by the kind of care, closed situations included (the status is no longer the kind)', async () => {
    const tandems = (await list(cantonal, { careKind: 'tandem', pageSize: '200' })).items;
    expect(tandems.length).toBeGreaterThan(0);
    const [one] = tandems;
    await t.database.db.execute(sql`UPDATE situations SET status = 'closed' WHERE id = ${one!.id}`);
    const after = (await list(cantonal, { careKind: 'tandem', pageSize: '200' })).items;
    expect(after.find((s) => s.id === one!.id)?.status).toBe('closed');
    expect(after.map((s) => s.id).sort()).toEqual(tandems.map((s) => s.id).sort());
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM situations WHERE care_kind = 'tandem'`,
    );
    expect(after.length).toBeLessThanOrEqual(rows[0]!.n);
    expect((await list(cantonal, { careKind: 'round_table', pageSize: '200' })).items.map((s) => s.id)).not.toContain(
      one!.id,
    );
  });

  it('searches the same: each visible situation checked, from the indexes, or walking the list', async () => {
    const queries = ['CII', 'CII-2026-00', 'fournier', 'Carron Nadia', 'zenklusen', 'e', '756.', 'xyz-nothing'];
    const persons = await queryRows<{ navs13: string }>(
      t.database.db,
      sql`SELECT navs13 FROM persons WHERE navs13 IS NOT NULL LIMIT 3`,
    );
    queries.push(...persons.map((p) => p.navs13));
    const accounts = await queryRows<{ username: string }>(t.database.db, sql`SELECT username FROM users`);
    let found = 0;
    for (const { username } of accounts) {
      const ctx = await contextOf(username);
      for (const q of queries) {
        const query = SituationListQuerySchema.parse({ q, pageSize: 200 });
        const narrow = await listSituations(ctx, query, { narrowScope: 1_000_000 });
        const wide = await listSituations(ctx, query, { narrowScope: 0, commonNameShare: 2 });
        const walked = await listSituations(ctx, query, { narrowScope: 0, commonNameShare: 0 });
        const estimated = await listSituations(ctx, query, { narrowScope: 0 });
        expect(wide.items, `${username} "${q}"`).toEqual(narrow.items);
        expect(estimated.items, `${username} "${q}" estimated`).toEqual(narrow.items);
        expect(walked.items, `${username} "${q}" walked`).toEqual(narrow.items);
        found += narrow.items.length;
      }
    }
    expect(found).toBeGreaterThan(10);
  }, 120_000);

  it('the triage queue holds what the list shows as announced and under review, oldest first', async () => {
    const queue = (await t.request(coord, { method: 'GET', url: '/api/triage/queue' })).json();
    const announced = (await list(coord, { status: 'announced', sort: 'oldest', pageSize: '200' })).items;
    const underReview = (await list(coord, { status: 'under_review', sort: 'oldest', pageSize: '200' })).items;
    expect(queue.announced.map((s: { id: string }) => s.id)).toEqual(announced.map((s) => s.id));
    expect(queue.underReview.map((s: { id: string }) => s.id)).toEqual(underReview.map((s) => s.id));
    expect(announced.length + underReview.length).toBeGreaterThan(0);
  });
});
