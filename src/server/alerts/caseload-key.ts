import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { type Hmac, keyFingerprint, parseKeyChain } from '../../domain/alerts/pseudonym.ts';
import type { Queryable } from '../../db/open-db.ts';
import { caseloadKeyState } from '../../db/schema.ts';
import { type Config, ConfigError } from '../config.ts';

/** node:crypto's HMAC-SHA-256, hex: what the domain's pseudonym takes as an argument. */
const keyBytes = new Map<string, Buffer>();
export const caseloadHmac: Hmac = (key, message) => {
  let bytes = keyBytes.get(key);
  if (!bytes) {
    bytes = Buffer.from(key, 'utf8');
    keyBytes.set(key, bytes);
  }
  return createHmac('sha256', bytes).update(message, 'utf8').digest('hex');
};

/**
 * The caseload pseudonyms' key chain (decision 026), resolved once at start like the audit key: CASELOAD_KEY,
 * CASELOAD_KEY_FILE, else on PGlite DATA_DIR/caseload.key (created 0600 on first start), else derived from the audit
 * key (tests, or PostgreSQL without its own key: a warning says so). Never read from the database.
 */
export interface CaseloadKeys {
  keys: string[];
  /** The file the chain is in (rotation appends to it); null when it comes from CASELOAD_KEY or is derived. */
  file: string | null;
  source: 'env' | 'file' | 'derived';
}

const bad = (variable: string, message: string) => new ConfigError(`Invalid configuration:\n  ${variable}: ${message}`);

function chainOf(text: string, variable: string, where: string): string[] {
  const parsed = parseKeyChain(text);
  if (!parsed.ok) {
    throw bad(
      variable,
      parsed.problem === 'empty' ? `${where} holds no key` : `a key in ${where} is shorter than 32 characters`,
    );
  }
  return parsed.keys;
}

export function readKeyChainFile(path: string, warnings: string[] = []): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw bad('CASELOAD_KEY_FILE', `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if ((statSync(path).mode & 0o077) !== 0)
    warnings.push(`CASELOAD_KEY_FILE: ${path} is readable by other users; chmod 600 it.`);
  return chainOf(text, 'CASELOAD_KEY_FILE', path);
}

/** The key derived from the audit key when none is configured: a separate key, but in the same custody. */
export const derivedCaseloadKey = (auditKey: Uint8Array) =>
  createHmac('sha256', auditKey).update('tandem-caseload-pseudonym-key', 'utf8').digest('hex');

export function resolveCaseloadKeys(
  config: Config,
  options: { dataDir: string | null; auditKey: Uint8Array },
): CaseloadKeys & { warnings: string[] } {
  const warnings: string[] = [];
  if (config.CASELOAD_KEY)
    return { keys: chainOf(config.CASELOAD_KEY, 'CASELOAD_KEY', 'CASELOAD_KEY'), file: null, source: 'env', warnings };
  if (config.CASELOAD_KEY_FILE) {
    const file = resolve(config.CASELOAD_KEY_FILE);
    return { keys: readKeyChainFile(file, warnings), file, source: 'file', warnings };
  }
  if (options.dataDir) {
    const file = resolve(join(options.dataDir, 'caseload.key'));
    mkdirSync(options.dataDir, { recursive: true });
    try {
      writeFileSync(file, `${newCaseloadKey()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return { keys: readKeyChainFile(file, warnings), file, source: 'file', warnings };
  }
  warnings.push(
    'CASELOAD_KEY_FILE: not set; the caseload pseudonyms use a key derived from the audit key. Set a key of its ' +
      'own for production (README, "Caseloads and alerts").',
  );
  return { keys: [derivedCaseloadKey(options.auditKey)], file: null, source: 'derived', warnings };
}

export const newCaseloadKey = () => randomBytes(32).toString('base64url');

/**
 * At start: the database remembers the fingerprint of the chain its pseudonyms are under. A first start records it;
 * another chain stops the start (a lost or swapped key would silently match nobody).
 */
export async function checkCaseloadKeys(q: Queryable, keys: readonly string[], now: Date): Promise<'new' | 'ok'> {
  const fingerprint = keyFingerprint(keys, caseloadHmac);
  const [state] = await q.select().from(caseloadKeyState).where(eq(caseloadKeyState.id, 1));
  if (!state) {
    await q
      .insert(caseloadKeyState)
      .values({ id: 1, fingerprint, keyCount: keys.length, changedAt: now })
      .onConflictDoNothing();
    return 'new';
  }
  if (state.fingerprint !== fingerprint) {
    throw bad(
      'CASELOAD_KEY_FILE',
      `this key chain (${keys.length} key(s)) is not the one the caseloads were pseudonymised with ` +
        `(${state.keyCount} key(s)); restore the key file ` +
        '(a rotation interrupted leaves the new chain in <file>.next).',
    );
  }
  return 'ok';
}
