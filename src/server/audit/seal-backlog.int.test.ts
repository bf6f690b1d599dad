import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { recordAuditMany } from './audit-log.ts';
import { sealAllPending, sealPending } from './seal-audit-chain.ts';

/**
 * A busy hour writes audit rows faster than one batch per tick (every list
 * shown writes 50): the timer's tick seals batch after batch within its time
 * budget, so a backlog shrinks instead of growing (issue 10).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const pending = async () =>
  Number(
    (
      await queryRows<{ n: number | string }>(
        t.database.db,
        sql`SELECT count(*) AS n FROM audit_log a
          WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)`,
      )
    )[0]?.n,
  );

async function backlog(rows: number) {
  const system = { actor: null, ip: '127.0.0.1', now: () => new Date() };
  for (let i = 0; i < rows; i += 500) {
    await recordAuditMany(
      t.database.db,
      system,
      Array.from({ length: Math.min(500, rows - i) }, () => ({
        action: 'situation.list' as const,
        recordType: 'situation',
        allowed: true,
      })),
    );
  }
}

describe('sealing a backlog', () => {
  it('a tick goes on batch after batch within its budget, and stops at the budget', async () => {
    await sealAllPending(t.database.db, t.audit.key);
    await backlog(3_000);
    expect(await pending()).toBe(3_000);
    // No time at all: one batch, then the budget stops it.
    expect(await sealPending(t.database.db, t.audit.key, { sweep: 'recent', budgetMs: 0, batchSize: 500 })).toBe(500);
    // Time enough: everything, in six batches of one tick.
    expect(await sealPending(t.database.db, t.audit.key, { sweep: 'recent', budgetMs: 60_000, batchSize: 500 })).toBe(
      2_500,
    );
    expect(await pending()).toBe(0);
    const cookie = await t.signIn('admin');
    const report = (await t.request(cookie, { method: 'POST', url: '/api/audit/verify' })).json();
    expect(report.ok).toBe(true);
  });
});
