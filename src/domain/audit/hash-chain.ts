/**
 * The audit log's tamper evidence. Rows are appended without a link; a sealer
 * later gives them, in id order, a chain position `seq` and
 * `mac = HMAC-SHA-256(key, previous mac + canonical row)`. Editing or deleting
 * a sealed row breaks every link from there on, and without the key nobody
 * can compute new links that verify. Sealing off the request path keeps
 * writers from queueing behind one chain head. The key lives in the
 * configuration, never in the database: it comes in inside the `mac` argument,
 * a function the server builds (src/server/audit/audit-mac.ts) so that the
 * domain needs no Node built-in. What is hashed, in what order, and how a
 * chain verifies is here.
 */

/** HMAC-SHA-256 under the audit key of a UTF-8 message, as 64 hex digits. */
export type Mac = (message: string) => string;
/** SHA-256 of a UTF-8 message, as 64 hex digits. */
export type Hash = (message: string) => string;

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

/** The "previous link" of the first row. */
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

function canonicalRow(row: AuditRowContent): string {
  // Named fields only: whatever else the row object carries (its own link) stays out.
  return canonicalJson({
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
}

/** The keyed link: HMAC-SHA-256 under the audit key of the previous link and the row. */
export function macAuditRow(mac: Mac, previousMac: string, row: AuditRowContent): string {
  return mac(`${previousMac}\n${canonicalRow(row)}`);
}

/**
 * The unkeyed link used before migration 0008 (sha256 of the previous hash and
 * the row). Kept only to check the old positions when the keyed chain adopts them.
 */
export function legacyHashAuditRow(sha256: Hash, previousHash: string, row: AuditRowContent): string {
  return sha256(`${previousHash}\n${canonicalRow(row)}`);
}

export type ChainBreak = 'hash_mismatch' | 'missing_row' | 'checkpoint_mismatch';
export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: number; reason: ChainBreak };
export interface ChainState {
  previousMac: string;
  expectedSeq: number;
}
export type SealedRow = AuditRowContent & { mac: string };

function walk(
  rows: readonly SealedRow[],
  state: ChainState,
  link: (previous: string, row: AuditRowContent) => string,
  checkpoints: ReadonlyMap<number, string>,
): ChainVerdict & { state: ChainState } {
  let { previousMac, expectedSeq } = state;
  let checked = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return { ok: false, checked, brokenAtSeq: expectedSeq, reason: 'missing_row', state };
    }
    if (link(previousMac, row) !== row.mac) {
      return { ok: false, checked, brokenAtSeq: row.seq, reason: 'hash_mismatch', state };
    }
    // A link that verifies but differs from what was written outside the database
    // at that position: the chain was recomputed by someone holding the key.
    const anchored = checkpoints.get(row.seq);
    if (anchored !== undefined && anchored !== row.mac) {
      return { ok: false, checked, brokenAtSeq: row.seq, reason: 'checkpoint_mismatch', state };
    }
    previousMac = row.mac;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, state: { previousMac, expectedSeq } };
}

/**
 * Walks sealed rows in `seq` order; the caller pages through the table and
 * carries `state`. `checkpoints` maps checkpointed positions to the link
 * recorded there (see checkpoint.ts).
 */
export function verifyChainSegment(
  mac: Mac,
  rows: readonly SealedRow[],
  state: ChainState,
  checkpoints: ReadonlyMap<number, string> = new Map(),
) {
  return walk(rows, state, (previous, row) => macAuditRow(mac, previous, row), checkpoints);
}

/** The same walk over pre-0008 positions and their unkeyed hashes. */
export function verifyLegacySegment(sha256: Hash, rows: readonly SealedRow[], state: ChainState) {
  return walk(rows, state, (previous, row) => legacyHashAuditRow(sha256, previous, row), new Map());
}
