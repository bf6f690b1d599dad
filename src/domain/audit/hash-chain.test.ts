import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditRowContent,
  GENESIS_HASH,
  type Mac,
  canonicalJson,
  legacyHashAuditRow,
  macAuditRow,
  verifyChainSegment,
  verifyLegacySegment,
} from './hash-chain.ts';

// The server's hashes (src/server/audit/audit-mac.ts), rebuilt here: the domain may not import the server.
const hmacUnder =
  (key: string): Mac =>
  (message) =>
    createHmac('sha256', key).update(message).digest('hex');
const sha256 = (message: string) => createHash('sha256').update(message).digest('hex');
const KEY = hmacUnder('unit-test-audit-key-0123456789abcdef');
const OTHER_KEY = hmacUnder('another-audit-key-0123456789abcdefgh');
const start = { previousMac: GENESIS_HASH, expectedSeq: 1 };

const row = (seq: number, over: Partial<AuditRowContent> = {}): AuditRowContent => ({
  id: String(seq * 10),
  seq,
  at: new Date(`2026-01-0${seq}T10:00:00Z`),
  actorUserId: 'u1',
  actorInstitutionId: 'i1',
  action: 'user.read',
  recordType: 'user',
  recordId: `r${seq}`,
  subjectPersonId: null,
  ip: '127.0.0.1',
  allowed: true,
  details: { b: 1, a: [1, { d: 2, c: 3 }] },
  ...over,
});

function chain(rows: AuditRowContent[], key: Mac = KEY) {
  let previous = GENESIS_HASH;
  return rows.map((r) => {
    previous = macAuditRow(key, previous, r);
    return { ...r, mac: previous };
  });
}

describe('audit chain (keyed)', () => {
  it('canonicalises JSON so key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe(canonicalJson({ a: { c: 2, d: 1 }, b: 1 }));
  });

  it('is an HMAC: the same row under another key, or unkeyed, gives another link', () => {
    const mac = macAuditRow(KEY, GENESIS_HASH, row(1));
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(macAuditRow(KEY, GENESIS_HASH, row(1))).toBe(mac);
    expect(macAuditRow(OTHER_KEY, GENESIS_HASH, row(1))).not.toBe(mac);
    expect(legacyHashAuditRow(sha256, GENESIS_HASH, row(1))).not.toBe(mac);
  });

  it('verifies an intact chain, and ignores extra properties on the row', () => {
    const sealed = chain([row(1), row(2), row(3)]);
    expect(verifyChainSegment(KEY, sealed, start)).toMatchObject({ ok: true, checked: 3 });
  });

  it('refuses a chain computed under another key (a rewrite by someone without the key)', () => {
    const forged = chain([row(1), row(2)], OTHER_KEY);
    expect(verifyChainSegment(KEY, forged, start)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      reason: 'hash_mismatch',
    });
  });

  it('detects an edited field at the edited row', () => {
    const sealed = chain([row(1), row(2), row(3)]);
    sealed[1] = { ...sealed[1]!, allowed: false };
    expect(verifyChainSegment(KEY, sealed, start)).toMatchObject({
      ok: false,
      brokenAtSeq: 2,
      reason: 'hash_mismatch',
    });
  });

  it('detects a removed row as a gap', () => {
    const sealed = chain([row(1), row(2), row(3)]);
    sealed.splice(1, 1);
    expect(verifyChainSegment(KEY, sealed, start)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'missing_row' });
  });

  it('detects a chain recomputed with the key where a checkpoint recorded another link', () => {
    const original = chain([row(1), row(2), row(3)]);
    const rewritten = chain([row(1), row(2, { recordId: 'someone-else' }), row(3)]);
    const anchors = new Map([[3, original[2]!.mac]]);
    expect(verifyChainSegment(KEY, original, start, anchors)).toMatchObject({ ok: true, checked: 3 });
    expect(verifyChainSegment(KEY, rewritten, start, anchors)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      reason: 'checkpoint_mismatch',
    });
  });

  it('carries its state across pages', () => {
    const sealed = chain([row(1), row(2), row(3), row(4)]);
    const first = verifyChainSegment(KEY, sealed.slice(0, 2), start);
    expect(verifyChainSegment(KEY, sealed.slice(2), first.state)).toMatchObject({ ok: true, checked: 2 });
    expect(verifyChainSegment(KEY, sealed.slice(2), start)).toMatchObject({ ok: false, reason: 'missing_row' });
  });

  it('checks pre-0008 positions with the unkeyed hash', () => {
    let previous = GENESIS_HASH;
    const legacy = [row(1), row(2)].map((r) => {
      previous = legacyHashAuditRow(sha256, previous, r);
      return { ...r, mac: previous };
    });
    expect(verifyLegacySegment(sha256, legacy, start)).toMatchObject({ ok: true, checked: 2 });
    legacy[0] = { ...legacy[0]!, action: 'user.update' };
    expect(verifyLegacySegment(sha256, legacy, start)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      reason: 'hash_mismatch',
    });
  });
});
