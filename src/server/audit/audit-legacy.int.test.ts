import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, legacyHashAuditRow } from '../../domain/audit/hash-chain.ts';
import { migrate } from '../../db/migrate.ts';
import { type Database, queryRows } from '../../db/open-db.ts';
import { createTestApp, openTestDatabase } from '../../test/int-harness.ts';
import { AUDIT_ROW_COLUMNS, type RawAuditRow, sealAllPending, toContent } from './seal-audit-chain.ts';
import { sha256Hex } from './audit-mac.ts';

/**
 * An installation sealed with the unkeyed chain before migration 0008. The
 * migration copies the positions to audit_chain_legacy; the keyed chain then
 * takes them over, in their order and at their numbers, checking the old
 * hashes on the way.
 */
async function databaseSealedTheOldWay(tamper: boolean): Promise<{ database: Database; ids: string[] }> {
  const database = await openTestDatabase();
  await migrate(database, { before: '0008' });
  await database.execScript(`
    INSERT INTO audit_log (at, action, allowed, details, ip) VALUES
      ('2026-01-05T08:00:00Z', 'legacy.first', true, '{"n": 1}', '192.0.2.1'),
      ('2026-01-05T08:00:01Z', 'legacy.second', true, '{"n": 2}', '192.0.2.1'),
      ('2026-01-05T08:00:02Z', 'legacy.third', false, '{"n": 3}', '192.0.2.1'),
      ('2026-01-05T08:00:03Z', 'legacy.unsealed', true, '{}', '192.0.2.1');`);
  const rows = await queryRows<RawAuditRow>(
    database.db,
    sql`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log a ORDER BY a.id`,
  );
  const ids = rows.map((r) => String(r.id));
  // The old sealer gave positions in commit order: here the second row committed first.
  const order = [rows[1]!, rows[0]!, rows[2]!];
  let previous = GENESIS_HASH;
  for (const [i, row] of order.entries()) {
    previous = legacyHashAuditRow(sha256Hex, previous, toContent(row, i + 1));
    await database.execScript(`UPDATE audit_log SET seq = ${i + 1}, hash = '${previous}' WHERE id = ${row.id};`);
  }
  if (tamper) {
    await database.execScript(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
      UPDATE audit_log SET allowed = true WHERE id = ${rows[2]!.id};
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
  }
  await migrate(database);
  return { database, ids };
}

describe('audit chain upgrade from the unkeyed chain (migration 0008)', () => {
  it('re-seals the old positions under the key, in their order, then the rest', async () => {
    const { database, ids } = await databaseSealedTheOldWay(false);
    const t = await createTestApp({}, { database });
    try {
      const legacy = await queryRows<{ seq: string | number; audit_id: string | number }>(
        t.database.db,
        sql`SELECT seq, audit_id FROM audit_chain_legacy ORDER BY seq`,
      );
      expect(legacy.map((r) => String(r.audit_id))).toEqual([ids[1], ids[0], ids[2]]);
      await sealAllPending(t.database.db, t.audit.key);
      const chain = await queryRows<{ seq: string | number; audit_id: string | number }>(
        t.database.db,
        sql`SELECT seq, audit_id FROM audit_chain ORDER BY seq LIMIT 4`,
      );
      expect(chain.map((r) => [Number(r.seq), String(r.audit_id)])).toEqual([
        [1, ids[1]],
        [2, ids[0]],
        [3, ids[2]],
        [4, ids[3]],
      ]);
      const broken = await queryRows(
        t.database.db,
        sql`SELECT 1 FROM audit_log WHERE action = 'audit.legacy_chain_broken'`,
      );
      expect(broken).toHaveLength(0);
      const cookie = await t.signIn('admin');
      expect((await t.request(cookie, { method: 'POST', url: '/api/audit/verify' })).json()).toMatchObject({
        ok: true,
        pending: 0,
      });
    } finally {
      await t.close();
    }
  });

  it('records in the log itself that an old position no longer matched its hash when it was taken over', async () => {
    const { database } = await databaseSealedTheOldWay(true);
    const t = await createTestApp({}, { database });
    try {
      await sealAllPending(t.database.db, t.audit.key);
      const broken = await queryRows<{ details: unknown }>(
        t.database.db,
        sql`SELECT details FROM audit_log WHERE action = 'audit.legacy_chain_broken'`,
      );
      expect(broken).toHaveLength(1);
      const details = typeof broken[0]!.details === 'string' ? JSON.parse(broken[0]!.details) : broken[0]!.details;
      expect(details).toEqual({ brokenAtLegacySeq: 3, reason: 'hash_mismatch' });
    } finally {
      await t.close();
    }
  });
});
