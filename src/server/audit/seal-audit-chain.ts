import { sql } from 'drizzle-orm';
import { type AuditRowContent, GENESIS_HASH, macAuditRow, verifyLegacySegment } from '../../domain/audit/hash-chain.ts';
import { type Db, queryRows } from '../../db/open-db.ts';
import { auditChain } from '../../db/schema.ts';
import { recordAudit } from './audit-log.ts';
import { auditMac, sha256Hex } from './audit-mac.ts';

const SEAL_LOCK_KEY = 7_240_002;
/**
 * How far below the newest sealed id a timer tick looks for rows committed late
 * (a transaction that took its id early and committed after later ones). Rows
 * older than that are found by the full sweep at start, before each checkpoint
 * and before each verification; they simply get a later position.
 */
const LATE_WINDOW = 10_000;

/** The audit_log columns that make a row's content (never its frozen pre-0008 seq/hash). */
export const AUDIT_ROW_COLUMNS = sql.raw(
  'a.id, a.at, a.actor_user_id, a.actor_institution_id, a.action, a.record_type, a.record_id, ' +
    'a.subject_person_id, a.ip, a.allowed, a.details',
);

interface RawRow {
  id: string | number;
  at: Date | string;
  actor_user_id: string | null;
  actor_institution_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  subject_person_id: string | null;
  ip: string | null;
  allowed: boolean;
  details: unknown;
}

export function toContent(row: RawRow, seq: number): AuditRowContent {
  return {
    id: String(row.id),
    seq,
    at: row.at instanceof Date ? row.at : new Date(row.at),
    actorUserId: row.actor_user_id,
    actorInstitutionId: row.actor_institution_id,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    subjectPersonId: row.subject_person_id,
    ip: row.ip,
    allowed: row.allowed,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  };
}

export type { RawRow as RawAuditRow };

export interface SealOptions {
  batchSize?: number;
  /** 'recent' (timer ticks): rows above the newest sealed id minus a window; 'all': every unsealed row. */
  sweep?: 'recent' | 'all';
  /** Only rows above this id: a sweep that goes on where its previous batch ended instead of from the start. */
  after?: number;
}

/**
 * Links unsealed audit rows into the chain, in batches, by inserting their
 * positions and keyed links into audit_chain (the application's role may not
 * update audit_log). Runs on a timer in each server instance; an advisory lock
 * lets only one instance seal at a time. Positions sealed before migration
 * 0008 (audit_chain_legacy) are re-sealed first, in their order; then unsealed
 * rows in id order, so a row committed late simply gets the next position.
 */
export async function sealAuditChain(db: Db, key: Uint8Array, options: SealOptions = {}): Promise<number> {
  return (await sealBatch(db, key, options)).sealed;
}

async function sealBatch(
  db: Db,
  key: Uint8Array,
  options: SealOptions,
): Promise<{ sealed: number; lastId: number | null }> {
  const batchSize = options.batchSize ?? 500;
  const mac = auditMac(key);
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS ok`);
    if (!lock?.ok) return { sealed: 0, lastId: null };
    const [head] = await queryRows<{
      seq: number | string;
      mac: string;
      legacy_seq: number | string | null;
      legacy_hash: string | null;
    }>(
      tx,
      sql`SELECT c.seq, c.mac, l.seq AS legacy_seq, l.hash AS legacy_hash
          FROM audit_chain c LEFT JOIN audit_chain_legacy l ON l.audit_id = c.audit_id
          ORDER BY c.seq DESC LIMIT 1`,
    );
    let previousMac = head?.mac ?? GENESIS_HASH;
    let seq = head ? Number(head.seq) : 0;

    // Legacy positions come first; once the head is not one of them, they are all adopted.
    const adoptedLegacySeq = head?.legacy_seq == null ? 0 : Number(head.legacy_seq);
    const legacy =
      !head || head.legacy_seq != null
        ? await queryRows<RawRow & { legacy_seq: number | string; legacy_hash: string }>(
            tx,
            sql`SELECT ${AUDIT_ROW_COLUMNS}, l.seq AS legacy_seq, l.hash AS legacy_hash
                FROM audit_chain_legacy l JOIN audit_log a ON a.id = l.audit_id
                WHERE l.seq > ${adoptedLegacySeq} ORDER BY l.seq LIMIT ${batchSize}`,
          )
        : [];
    let rows: RawRow[] = legacy;
    if (legacy.length > 0) {
      // The old hashes are checked once, now, before the keyed chain vouches for these rows.
      const verdict = verifyLegacySegment(
        sha256Hex,
        legacy.map((r) => ({ ...toContent(r, Number(r.legacy_seq)), mac: r.legacy_hash })),
        { previousMac: head?.legacy_hash ?? GENESIS_HASH, expectedSeq: adoptedLegacySeq + 1 },
      );
      if (!verdict.ok) {
        // Recorded by the process itself: no actor, no client address.
        const system = { actor: null, ip: null as unknown as string, now: () => new Date() };
        await recordAudit(tx, system, {
          action: 'audit.legacy_chain_broken',
          recordType: 'audit_log',
          allowed: true,
          details: { brokenAtLegacySeq: verdict.brokenAtSeq, reason: verdict.reason },
        });
      }
    } else {
      const [newest] = await queryRows<{ id: number | string | null }>(
        tx,
        sql`SELECT max(audit_id) AS id FROM audit_chain`,
      );
      const floor = options.after ?? (options.sweep === 'all' ? 0 : Math.max(0, Number(newest?.id ?? 0) - LATE_WINDOW));
      rows = await queryRows<RawRow>(
        tx,
        sql`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log a
            WHERE a.id > ${floor} AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.audit_id = a.id)
            ORDER BY a.id LIMIT ${batchSize}`,
      );
    }
    if (rows.length === 0) return { sealed: 0, lastId: null };
    const links = rows.map((row) => {
      seq += 1;
      previousMac = macAuditRow(mac, previousMac, toContent(row, seq));
      return { seq, auditId: Number(row.id), mac: previousMac };
    });
    await tx.insert(auditChain).values(links);
    // Legacy rows are walked by their old position, not by id: no id to go on from.
    return { sealed: rows.length, lastId: legacy.length > 0 ? null : Number(rows.at(-1)?.id) };
  });
}

/**
 * Seals batch after batch while there is more, each batch going on above the
 * highest id the previous one sealed (a row committed late below it is caught
 * by the next sweep: the timer's looks back LATE_WINDOW ids). `budgetMs`
 * bounds a timer tick, so that a backlog (a busy hour writes thousands of rows
 * a minute: every list shown is 50) is caught up over a few ticks rather than
 * growing, and a tick never holds the sealing lock for long.
 */
export async function sealPending(
  db: Db,
  key: Uint8Array,
  options: { sweep: 'recent' | 'all'; budgetMs?: number; batchSize?: number },
): Promise<number> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 2000;
  let total = 0;
  let after: number | undefined;
  for (;;) {
    const { sealed, lastId } = await sealBatch(db, key, { sweep: options.sweep, batchSize, after });
    total += sealed;
    if (sealed < batchSize || lastId === null) return total;
    after = lastId;
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return total;
  }
}

/** Seals until nothing is pending (start, checkpoints, verification, shutdown). */
export async function sealAllPending(db: Db, key: Uint8Array): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await sealPending(db, key, { sweep: 'all' });
    total += sealed;
    // A second sweep from the start finds what committed late below the first one's batches.
    if (sealed === 0) return total;
  }
}
