import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../test/demo-canton.ts';
import { openTestDatabase } from '../../test/int-harness.ts';
import { migrate } from '../../db/migrate.ts';
import type { Database } from '../../db/open-db.ts';
import { measureKinds, measures } from '../../db/schema.ts';

/**
 * Migration 0013 (issue 11): a MIP stored with the old end (the same day six months later, a day into a seventh
 * month) ends on the last day of its sixth calendar month; its version moves; other measures are untouched.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database, new Date('2026-11-30T10:00:00Z'));
});
afterAll(() => database.close());

it('moves the end of a MIP stored before issue 11 to the last day of its sixth month', async () => {
  const db = database.db;
  const [mipKind] = await db.select().from(measureKinds).where(eq(measureKinds.checks, 'mip'));
  const before = await db.select().from(measures);
  const mip = before.find((m) => m.kindId === mipKind?.id)!;
  expect(mip).toMatchObject({ startOn: '2022-10-03', endOn: '2023-03-31' });
  // As stored before issue 11.
  await db.update(measures).set({ endOn: '2023-04-03' }).where(eq(measures.id, mip.id));
  await db.execute(sql`DELETE FROM schema_migrations WHERE name = '0013_mip_calendar_months'`);
  expect(await migrate(database)).toEqual(['0013_mip_calendar_months']);
  const after = await db.select().from(measures);
  const fixed = after.find((m) => m.id === mip.id)!;
  expect(fixed).toMatchObject({ endOn: '2023-03-31', version: mip.version + 1 });
  for (const m of after.filter((x) => x.id !== mip.id)) {
    const was = before.find((x) => x.id === m.id)!;
    expect([m.id, m.endOn, m.version]).toEqual([was.id, was.endOn, was.version]);
  }
});
