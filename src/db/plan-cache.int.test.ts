import { eq, sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Queryable, openDatabase, queryRows } from './open-db.ts';
import { planCached } from './plan-cache.ts';

// In the int-pglite project only (vitest.config.ts): the plan cache wraps PGlite's client; node-postgres names
// Drizzle's prepared statements itself.
const notes = pgTable('plan_cache_notes', {
  id: integer('id').primaryKey(),
  body: text('body').notNull(),
  flag: boolean('flag').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.execScript(`CREATE TABLE plan_cache_notes (id int PRIMARY KEY, body text NOT NULL,
      flag boolean NOT NULL, at timestamptz NOT NULL);
    INSERT INTO plan_cache_notes VALUES (1, 'plain', true, '2026-01-01T10:00:00Z'),
      (2, 'it''s a \\ back''slash', false, '2026-02-01T10:00:00Z');`);
});
afterAll(() => database.close());

const byBody = () =>
  planCached(
    database.db
      .select()
      .from(notes)
      .where(eq(notes.body, sql.placeholder('body')))
      .prepare('plan_cache_by_body'),
  );
const byAll = () =>
  planCached(
    database.db
      .select({ id: notes.id })
      .from(notes)
      .where(
        sql`${notes.id} >= ${sql.placeholder('min')} AND ${notes.flag} = ${sql.placeholder('flag')}
          AND ${notes.at} < ${sql.placeholder('before')} AND (${sql.placeholder('none')}::text IS NULL)`,
      )
      .prepare('plan_cache_by_all'),
  );
const prepared = async () =>
  (await queryRows<{ statement: string }>(database.db, sql`SELECT statement FROM pg_prepared_statements`)).map(
    (r) => r.statement,
  );

describe('plans kept between calls on PGlite (issue 10)', () => {
  it('prepares a marked query once and answers as the driver would, quotes and backslashes included', async () => {
    const tricky = "it's a \\ back'slash";
    expect(await byBody().execute({ body: tricky })).toEqual([
      { id: 2, body: tricky, flag: false, at: new Date('2026-02-01T10:00:00Z') },
    ]);
    expect(await byBody().execute({ body: 'plain' })).toEqual([
      { id: 1, body: 'plain', flag: true, at: new Date('2026-01-01T10:00:00Z') },
    ]);
    // A value written to break out of its literal is only a value.
    expect(await byBody().execute({ body: "'); DROP TABLE plan_cache_notes; --" })).toEqual([]);
    expect(await byBody().execute({ body: "\\'); DROP TABLE plan_cache_notes; --" })).toEqual([]);
    const statements = await prepared();
    expect(statements.filter((s) => s.includes('plan_cache_notes') && s.includes('"body" ='))).toHaveLength(1);
    expect(await queryRows(database.db, sql`SELECT count(*)::int AS n FROM plan_cache_notes`)).toEqual([{ n: 2 }]);
  });

  it('leaves numbers, booleans and instants to the driver, which converts them by type', async () => {
    const run = (min: number, flag: boolean, before: Date) => byAll().execute({ min, flag, before, none: null });
    expect(await run(1, true, new Date('2026-12-01T00:00:00Z'))).toEqual([{ id: 1 }]);
    expect(await run(2, false, new Date('2026-12-01T00:00:00Z'))).toEqual([{ id: 2 }]);
    expect(await run(1, false, new Date('2026-01-15T00:00:00Z'))).toEqual([]);
    expect((await prepared()).some((s) => s.includes('"flag" ='))).toBe(false);
  });

  it('prepares only outside transactions, then executes the statement inside them too', async () => {
    const byId = (q: Queryable) =>
      planCached(
        q
          .select()
          .from(notes)
          .where(sql`${notes.id} > 0 AND ${notes.body} = ${sql.placeholder('body')}`)
          .prepare('plan_cache_by_id'),
      );
    const uses = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`SELECT COALESCE(sum(generic_plans + custom_plans), 0)::int AS n FROM pg_prepared_statements
            WHERE statement LIKE '%"plan_cache_notes"."id" > 0%'`,
        )
      )[0]?.n ?? 0;
    // First met inside a transaction: the driver runs it; a rollback loses nothing.
    await expect(
      database.db.transaction(async (tx) => {
        const [row] = await byId(tx).execute({ body: 'plain' });
        expect(row?.id).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await prepared()).some((s) => s.includes('"plan_cache_notes"."id" > 0'))).toBe(false);
    expect(await byId(database.db).execute({ body: 'plain' })).toHaveLength(1);
    const outside = await uses();
    expect(outside).toBeGreaterThan(0);
    await database.db.transaction(async (tx) => {
      expect(await byId(tx).execute({ body: 'plain' })).toHaveLength(1);
    });
    expect(await uses()).toBe(outside + 1);
  });

  it('never makes a transaction wait for a statement queued behind it', async () => {
    const byFlagText = () =>
      planCached(
        database.db
          .select({ id: notes.id })
          .from(notes)
          .where(sql`${notes.body} <> ${sql.placeholder('not')}`)
          .prepare('plan_cache_not'),
      );
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    // A transaction is open; outside it, the first call queues its PREPARE behind it; inside it, the same query runs.
    const inside = database.db.transaction(async (tx) => {
      await held;
      const rows = await planCached(
        tx
          .select({ id: notes.id })
          .from(notes)
          .where(sql`${notes.body} <> ${sql.placeholder('not')}`)
          .prepare('plan_cache_not'),
      ).execute({ not: 'plain' });
      return rows.length;
    });
    const outside = byFlagText().execute({ not: 'x' });
    release();
    const timeout = new Promise((_, fail) => setTimeout(() => fail(new Error('waited for itself')), 20_000));
    expect(await Promise.race([Promise.all([inside, outside.then((r) => r.length)]), timeout])).toEqual([1, 2]);
  });

  it('prepares again after DEALLOCATE', async () => {
    expect(await byBody().execute({ body: 'plain' })).toHaveLength(1);
    await database.execScript('DEALLOCATE ALL');
    expect(await byBody().execute({ body: 'plain' })).toHaveLength(1);
    expect((await prepared()).some((s) => s.includes('"body" ='))).toBe(true);
  });

  it('leaves to the driver a query that cannot be prepared and queries that are not marked', async () => {
    const untyped = planCached(
      database.db
        .select({ v: sql<string>`${sql.placeholder('v')}` })
        .from(notes)
        .limit(1)
        .prepare('plan_cache_untyped'),
    );
    expect(await untyped.execute({ v: 'x' })).toEqual([{ v: 'x' }]);
    const before = (await prepared()).length;
    await database.db.select().from(notes).where(eq(notes.flag, true));
    expect((await prepared()).length).toBe(before);
  });
});
