import { createHash, createHmac } from 'node:crypto';
import type { Hash, Mac } from '../../domain/audit/hash-chain.ts';

/** The audit chain's HMAC-SHA-256 under `key` (domain/audit/hash-chain.ts says what it signs). */
export function auditMac(key: Uint8Array): Mac {
  return (message) => createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** The unkeyed SHA-256 of the links written before migration 0008. */
export const sha256Hex: Hash = (message) => createHash('sha256').update(message, 'utf8').digest('hex');
