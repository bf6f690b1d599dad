import { sql } from 'drizzle-orm';
import { GENESIS_HASH, macAuditRow } from '../../domain/audit/hash-chain.ts';
import { type Db, queryRows } from '../../db/open-db.ts';
import { AUDIT_ROW_COLUMNS, type RawAuditRow, toContent } from './seal-audit-chain.ts';
import { auditMac } from './audit-mac.ts';

const NEWEST = 3;

/**
 * Checked at start, before anything is sealed: does the configured key verify
 * the newest links? A key that verifies none of them is not the one that
 * sealed the chain (sealing on with it would split the chain in two for
 * good); one changed row at the head only fails its own link.
 */
export async function checkAuditKey(db: Db, key: Uint8Array): Promise<'empty' | 'ok' | 'some_fail' | 'wrong_key'> {
  const rows = await queryRows<RawAuditRow & { chain_seq: number | string; mac: string }>(
    db,
    sql`SELECT c.seq AS chain_seq, c.mac, ${AUDIT_ROW_COLUMNS}
        FROM audit_chain c JOIN audit_log a ON a.id = c.audit_id
        ORDER BY c.seq DESC LIMIT ${NEWEST + 1}`,
  );
  if (rows.length === 0) return 'empty';
  const newestFirst = rows.map((r) => ({
    seq: Number(r.chain_seq),
    mac: r.mac,
    content: toContent(r, Number(r.chain_seq)),
  }));
  let checked = 0;
  let verified = 0;
  const mac = auditMac(key);
  for (const [i, link] of newestFirst.slice(0, NEWEST).entries()) {
    const previous = newestFirst[i + 1];
    const previousMac = link.seq === 1 ? GENESIS_HASH : previous?.seq === link.seq - 1 ? previous.mac : null;
    if (previousMac === null) continue; // a gap: not this check's business
    checked += 1;
    if (macAuditRow(mac, previousMac, link.content) === link.mac) verified += 1;
  }
  if (checked === 0 || verified === checked) return 'ok';
  return verified === 0 ? 'wrong_key' : 'some_fail';
}

export async function auditChainStarted(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ started: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM audit_chain) AS started`);
  return Boolean(row?.started);
}
