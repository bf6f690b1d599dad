import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { type Database, queryRows } from '../../db/open-db.ts';
import { openTestDatabase } from '../../test/int-harness.ts';
import { recordAudit, recordAuditMany } from './audit-log.ts';

/**
 * Reads audited at the same moment go in together (group commit, audit-log.ts): every request's rows are written
 * before it answers, in a transaction they stay with it, and a row that cannot be written fails only its own request.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await migrate(database);
});
afterAll(() => database.close());

const ctx = { actor: null, ip: '192.0.2.7', now: () => new Date('2026-11-30T10:00:00Z') };
const rowsOf = async (recordId: string) =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE record_id = ${recordId}`,
    )
  )[0]!.n;

describe('read audit rows written together', () => {
  it('writes every row of concurrent reads before each answers, and one bad row fails only its request', async () => {
    const marker = randomUUID();
    const calls = Array.from({ length: 40 }, (_, i) =>
      i === 17
        ? // Not a user id: this row cannot be written.
          recordAudit(
            database.db,
            { ...ctx, actor: { userId: 'not-a-uuid' } as never },
            {
              action: 'situation.read',
              recordType: 'situation',
              recordId: marker,
              allowed: true,
            },
          )
        : i % 5 === 0
          ? recordAuditMany(database.db, ctx, [
              { action: 'situation.list', recordType: 'situation', recordId: marker, allowed: true },
              { action: 'situation.list', recordType: 'situation', recordId: marker, allowed: true },
            ])
          : recordAudit(database.db, ctx, {
              action: 'situation.read',
              recordType: 'situation',
              recordId: marker,
              allowed: true,
            }),
    );
    const settled = await Promise.allSettled(calls);
    expect(settled.filter((s) => s.status === 'rejected').length).toBe(1);
    expect(settled[17]!.status).toBe('rejected');
    // 39 requests answered: 8 lists of two rows, 31 single reads.
    expect(await rowsOf(marker)).toBe(8 * 2 + 31);
  });

  it('keeps a write’s row in its transaction: rolled back together', async () => {
    const marker = randomUUID();
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, ctx, {
          action: 'situation.read',
          recordType: 'situation',
          recordId: marker,
          allowed: true,
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rowsOf(marker)).toBe(0);
  });
});
