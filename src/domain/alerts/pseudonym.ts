import { checkNavs13, navs13CheckDigit } from '../person/navs13.ts';

/**
 * The keyed pseudonym of an AVS number (issue 14, decision 026): what caseloads store instead of the NAVS13, so that
 * a copy of the database alone reveals no AVS number. A hash alone would not do: the 10⁹ numbers of the 756 range
 * are hashed in minutes. The key lives outside the database (CASELOAD_KEY or CASELOAD_KEY_FILE).
 *
 * Rotation without the numbers in clear: the key is a chain, oldest first, and the pseudonym is
 * HMAC(kₙ, … HMAC(k₂, HMAC(k₁, navs13))). Rotating appends a key and re-keys every stored pseudonym with it alone;
 * whoever holds an old key and a copy of the database made after the rotation still cannot test a number.
 *
 * Pure: the HMAC-SHA-256 is an argument (the server passes node:crypto's), the key chain too.
 */
/** HMAC-SHA-256 of `message` under `key` (both UTF-8), as hex. */
export type Hmac = (key: string, message: string) => string;

export const MIN_CASELOAD_KEY_LENGTH = 32;

/** The thirteen digits of a valid NAVS13 however it was written (dots, spaces), or null. */
export function normaliseNavs13(input: string): string | null {
  // The usual spellings without the general reading (50 000 rows a file): 756.1234.5678.97 or 7561234567897.
  const fast = /^756(?:\.?(\d{4})\.?(\d{4})\.?(\d{2}))$/.exec(input);
  if (fast) {
    const compact = `756${fast[1]}${fast[2]}${fast[3]}`;
    return navs13CheckDigit(compact.slice(0, 12)) === Number(compact[12]) ? compact : null;
  }
  const checked = checkNavs13(input.trim());
  return checked.ok ? checked.value.replaceAll('.', '') : null;
}

/** A key chain as written in CASELOAD_KEY or its file: keys separated by spaces or lines, oldest first. */
export function parseKeyChain(text: string): { ok: true; keys: string[] } | { ok: false; problem: 'empty' | 'short' } {
  const keys = text.split(/\s+/).filter(Boolean);
  if (keys.length === 0) return { ok: false, problem: 'empty' };
  if (keys.some((k) => k.length < MIN_CASELOAD_KEY_LENGTH)) return { ok: false, problem: 'short' };
  return { ok: true, keys };
}

/** Re-keys a pseudonym (or the normalised number, for the first key) with each key in turn. */
export function rekey(value: string, keys: readonly string[], hmac: Hmac): string {
  let out = value;
  for (const key of keys) out = hmac(key, out);
  return out;
}

/** The pseudonym of a normalised NAVS13 (13 digits) under the whole chain. */
export function pseudonymOf(compactNavs13: string, keys: readonly string[], hmac: Hmac): string {
  if (!/^756\d{10}$/.test(compactNavs13)) throw new Error('pseudonymOf needs a normalised NAVS13');
  return rekey(compactNavs13, keys, hmac);
}

/**
 * What the database keeps to recognise its chain (checked at start, like the audit key): an HMAC of a fixed label
 * under the chain — it tells a wrong or missing key from the right one and reveals nothing of the key.
 */
export function keyFingerprint(keys: readonly string[], hmac: Hmac): string {
  return rekey('tandem-caseload-key-fingerprint', keys, hmac);
}
