import { describe, expect, it } from 'vitest';
import { type AuditRowContent, GENESIS_HASH, canonicalJson, hashAuditRow, verifyChainSegment } from './hash-chain.ts';

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

function chain(rows: AuditRowContent[]) {
  let previous = GENESIS_HASH;
  return rows.map((r) => {
    previous = hashAuditRow(previous, r);
    return { ...r, hash: previous };
  });
}

describe('audit hash chain', () => {
  it('canonicalises JSON so key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe(canonicalJson({ a: { c: 2, d: 1 }, b: 1 }));
  });

  it('verifies an intact chain, and ignores extra properties on the row', () => {
    const sealed = chain([row(1), row(2), row(3)]);
    expect(verifyChainSegment(sealed, { previousHash: GENESIS_HASH, expectedSeq: 1 })).toMatchObject({ ok: true, checked: 3 });
  });

  it('detects an edited field at the edited row', () => {
    const sealed = chain([row(1), row(2), row(3)]);
    sealed[1] = { ...sealed[1]!, allowed: false };
    expect(verifyChainSegment(sealed, { previousHash: GENESIS_HASH, expectedSeq: 1 })).toMatchObject({
      ok: false,
      brokenAtSeq: 2,
      reason: 'hash_mismatch',
    });
  });

  it('detects a removed row as a gap', () => {
    const sealed = chain([row(1), row(2), row(3)]);
    sealed.splice(1, 1);
    expect(verifyChainSegment(sealed, { previousHash: GENESIS_HASH, expectedSeq: 1 })).toMatchObject({
      ok: false,
      brokenAtSeq: 2,
      reason: 'missing_row',
    });
  });

  it('carries its state across pages', () => {
    const sealed = chain([row(1), row(2), row(3), row(4)]);
    const first = verifyChainSegment(sealed.slice(0, 2), { previousHash: GENESIS_HASH, expectedSeq: 1 });
    expect(verifyChainSegment(sealed.slice(2), first.state)).toMatchObject({ ok: true, checked: 2 });
  });
});
