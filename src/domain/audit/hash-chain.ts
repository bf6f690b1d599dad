import { createHash } from 'node:crypto';

/**
 * The audit log's tamper evidence. Rows are appended without a hash; a sealer
 * later gives them, in id order, a chain position `seq` and
 * `hash = sha256(previous hash + canonical row)`. Editing or deleting a sealed
 * row breaks every hash from there on. Sealing off the request path keeps
 * writers from queueing behind one chain head.
 */
export interface AuditRowContent {
  id: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorInstitutionId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  subjectPersonId: string | null;
  ip: string | null;
  allowed: boolean;
  details: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal content always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashAuditRow(previousHash: string, row: AuditRowContent): string {
  // Named fields only: whatever else the row object carries (its own hash) stays out.
  const content = canonicalJson({
    id: row.id,
    seq: String(row.seq),
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorInstitutionId: row.actorInstitutionId,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    subjectPersonId: row.subjectPersonId,
    ip: row.ip,
    allowed: row.allowed,
    details: row.details,
  });
  return createHash('sha256').update(previousHash).update('\n').update(content).digest('hex');
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: number; reason: 'hash_mismatch' | 'missing_row' };

/** Walks sealed rows in `seq` order; the caller pages through the table and carries `state`. */
export function verifyChainSegment(
  rows: readonly (AuditRowContent & { hash: string })[],
  state: { previousHash: string; expectedSeq: number },
): ChainVerdict & { state: { previousHash: string; expectedSeq: number } } {
  let { previousHash, expectedSeq } = state;
  let checked = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return { ok: false, checked, brokenAtSeq: expectedSeq, reason: 'missing_row', state };
    }
    if (hashAuditRow(previousHash, row) !== row.hash) {
      return { ok: false, checked, brokenAtSeq: row.seq, reason: 'hash_mismatch', state };
    }
    previousHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, state: { previousHash, expectedSeq } };
}
