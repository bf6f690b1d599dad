import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { type Database, openDatabase, queryRows } from '../../db/open-db.ts';
import { type TestApp, createTestApp, openTestDatabase } from '../../test/int-harness.ts';

/**
 * Under overload the server answers 503 with Retry-After at once instead of
 * queueing for minutes, and the health check says "degraded" (issue 10).
 */

/** Holds a lock on the sessions table until released: every signed-in request waits behind it. */
async function holdSessions(database: Database) {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => {
    locked = r;
  });
  const done = database.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE`);
    locked();
    await gate;
  });
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

/** Waits (bounded) until the condition holds: the blocked request has really entered. */
async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting: ${what}`);
}

describe('more requests in flight than MAX_CONCURRENT_REQUESTS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MAX_CONCURRENT_REQUESTS: '1' });
  });
  afterAll(() => t.close());

  it('refuses the excess at once with 503, Retry-After and a translated message; health says degraded', async () => {
    const cookie = await t.signIn('pro');
    expect((await t.request(null, { method: 'GET', url: '/api/health' })).json()).toEqual({
      ok: true,
      status: 'ok',
    });
    const unlock = await holdSessions(t.database);
    let firstDone = false;
    const first = t.request(cookie, { method: 'GET', url: '/api/me' }).then((r) => {
      firstDone = true;
      return r;
    });
    // The first request is in flight, waiting on the database; give it time to take its slot.
    await new Promise((r) => setTimeout(r, 100));
    expect(firstDone).toBe(false);
    const refused = await t.request(cookie, { method: 'GET', url: '/api/me' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json().error).toEqual({ code: 'unavailable', message: expect.stringMatching(/sollicité/) });
    // The health check does not queue behind the database, and tells a load balancer to steer away.
    const health = await t.request(null, { method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('degraded');
    await unlock();
    expect((await first).statusCode).toBe(200);
    await until(() => firstDone, 'first request');
    // The slot is free again.
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('a saturated PostgreSQL', () => {
  let base: Database & { url?: string };
  let tight: Database;
  let t: TestApp;
  beforeAll(async () => {
    base = await openTestDatabase();
    await migrate(base);
    // One connection, a short wait for it and a short statement timeout, to provoke both at once.
    tight = await openDatabase({
      kind: 'postgres',
      url: base.url!,
      poolSize: 1,
      connectTimeoutMs: 300,
      statementTimeoutMs: 400,
    });
    t = await createTestApp({}, { database: tight });
  });
  afterAll(async () => {
    await t.close();
    await base.close();
  });

  it('a statement past STATEMENT_TIMEOUT_MS and a request that cannot get a connection both answer 503', async () => {
    const cookie = await t.signIn('pro');
    const unlock = await holdSessions(base);
    try {
      const [slow, waiting] = await Promise.all([
        t.request(cookie, { method: 'GET', url: '/api/me' }),
        t.request(cookie, { method: 'GET', url: '/api/me' }),
      ]);
      for (const response of [slow, waiting]) {
        expect(response.statusCode).toBe(503);
        expect(response.headers['retry-after']).toMatch(/^\d+$/);
        expect(response.json().error.code).toBe('unavailable');
      }
      expect((await t.request(null, { method: 'GET', url: '/api/health' })).json().status).toBe('degraded');
    } finally {
      await unlock();
    }
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('runs the application without JIT', async () => {
    const [row] = await queryRows<{ jit: string }>(tight.db, sql`SHOW jit`);
    expect(row!.jit).toBe('off');
  });
});
