import { describe, expect, it } from 'vitest';
import { signCheckpoint } from '../../domain/audit/checkpoint.ts';
import { type AuditRowContent, GENESIS_HASH, legacyHashAuditRow, macAuditRow } from '../../domain/audit/hash-chain.ts';
import { auditMac, sha256Hex } from './audit-mac.ts';

// Links already in databases must keep verifying: these values were computed by the code that wrote them
// (HMAC/SHA-256 fed with the previous link, '\n' and the canonical row, before the hash became an argument).
const KEY = Buffer.from('unit-test-audit-key-0123456789abcdef');
const row: AuditRowContent = {
  id: '10',
  seq: 1,
  at: new Date('2026-01-01T10:00:00Z'),
  actorUserId: 'u1',
  actorInstitutionId: 'i1',
  action: 'user.read',
  recordType: 'user',
  recordId: 'r1',
  subjectPersonId: null,
  ip: '127.0.0.1',
  allowed: true,
  details: { b: 1, a: [1, { d: 2, c: 3 }], name: 'Zoé Müller' },
};

describe('audit hashes', () => {
  it('gives the links and signatures written so far, byte for byte', () => {
    expect(macAuditRow(auditMac(KEY), GENESIS_HASH, row)).toBe(
      'dff89d99b440a6089f1fb16d1866c4d77a3f2ec5af46f39c3fcdf770716cfbc0',
    );
    expect(legacyHashAuditRow(sha256Hex, GENESIS_HASH, row)).toBe(
      '3c0af7279a84919f448b304e3b69bc16562cd6d2c8235b5c595bc896f80fe86a',
    );
    expect(signCheckpoint(auditMac(KEY), { seq: 12, mac: 'a'.repeat(64), at: '2026-03-01T10:00:00.000Z' }).sig).toBe(
      '3650a07fdb57791e168931e7bf73c678e08482cdae5b627ecd2f245b9530a943',
    );
  });

  it('is keyed: another key, or no key, gives another link', () => {
    const link = macAuditRow(auditMac(KEY), GENESIS_HASH, row);
    expect(macAuditRow(auditMac(Buffer.from('another-audit-key-0123456789abcdefgh')), GENESIS_HASH, row)).not.toBe(
      link,
    );
    expect(legacyHashAuditRow(sha256Hex, GENESIS_HASH, row)).not.toBe(link);
  });
});
