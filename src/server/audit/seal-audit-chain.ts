import { sql } from 'drizzle-orm';
import { type AuditRowContent, GENESIS_HASH, hashAuditRow } from '../../domain/audit/hash-chain.ts';
import { type Db, queryRows } from '../../db/open-db.ts';

const SEAL_LOCK_KEY = 7_240_002;

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
  seq: number | string | null;
  hash: string | null;
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

/**
 * Links unsealed audit rows into the chain, oldest id first, in batches.
 * Runs on a timer in each server instance; an advisory lock lets only one
 * instance seal at a time, and a row committed late (lower id, later commit)
 * simply gets the next position: positions, not ids, make the chain.
 */
export async function sealAuditChain(db: Db, batchSize = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS ok`);
    if (!lock?.ok) return 0;
    const [last] = await queryRows<{ seq: number | string; hash: string }>(
      tx,
      sql`SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`,
    );
    let previousHash = last?.hash ?? GENESIS_HASH;
    let seq = last ? Number(last.seq) : 0;
    const rows = await queryRows<RawRow>(
      tx,
      sql`SELECT * FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT ${batchSize} FOR UPDATE`,
    );
    if (rows.length === 0) return 0;
    const values = rows.map((row) => {
      seq += 1;
      previousHash = hashAuditRow(previousHash, toContent(row, seq));
      return sql`(${String(row.id)}::bigint, ${seq}::bigint, ${previousHash}::text)`;
    });
    await tx.execute(sql`
      UPDATE audit_log AS a SET seq = v.seq, hash = v.hash
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, seq, hash)
      WHERE a.id = v.id`);
    return rows.length;
  });
}
