import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, normaliseNavs13, parseKeyChain, pseudonymOf, rekey } from './pseudonym.ts';

/** Issue 14 (seed 004 §2, DOMAIN.md §6): the NAVS13 of a caseload is kept only as a keyed pseudonym. */
const hmac = (key: string, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('hex');
const K1 = 'k1-0123456789-0123456789-0123456789';
const K2 = 'k2-0123456789-0123456789-0123456789';

describe('NAVS13 normalisation', () => {
  it('reads the number with or without dots and spaces, and refuses a wrong check digit', () => {
    expect(normaliseNavs13('756.9217.0769.85')).toBe('7569217076985');
    expect(normaliseNavs13(' 756 9217 0769 85 ')).toBe('7569217076985');
    expect(normaliseNavs13('7569217076985')).toBe('7569217076985');
    expect(normaliseNavs13('756.9217.0769.84')).toBeNull();
    expect(normaliseNavs13('123.9217.0769.85')).toBeNull();
  });
});

describe('pseudonym', () => {
  it('is stable: the same number however written gives the same pseudonym under the same key', () => {
    const a = pseudonymOf(normaliseNavs13('756.9217.0769.85') as string, [K1], hmac);
    const b = pseudonymOf(normaliseNavs13('7569217076985') as string, [K1], hmac);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain('7569217076985');
  });
  it('differs under another key, and is HMAC-SHA-256 of the 13 digits', () => {
    expect(pseudonymOf('7569217076985', [K1], hmac)).not.toBe(pseudonymOf('7569217076985', [K2], hmac));
    expect(pseudonymOf('7569217076985', [K1], hmac)).toBe(
      createHmac('sha256', K1).update('7569217076985').digest('hex'),
    );
  });
  it('rotates: re-keying a stored pseudonym with the new key equals the pseudonym under the longer chain', () => {
    const stored = pseudonymOf('7569217076985', [K1], hmac);
    expect(rekey(stored, [K2], hmac)).toBe(pseudonymOf('7569217076985', [K1, K2], hmac));
    expect(keyFingerprint([K1, K2], hmac)).not.toBe(keyFingerprint([K1], hmac));
  });
  it('reads a key chain and refuses short keys', () => {
    expect(parseKeyChain(`${K1}\n${K2}\n`)).toEqual({ ok: true, keys: [K1, K2] });
    expect(parseKeyChain('short')).toEqual({ ok: false, problem: 'short' });
    expect(parseKeyChain('  ')).toEqual({ ok: false, problem: 'empty' });
  });
  it('refuses anything but a normalised number', () => {
    expect(() => pseudonymOf('756.9217.0769.85', [K1], hmac)).toThrow();
  });
});
