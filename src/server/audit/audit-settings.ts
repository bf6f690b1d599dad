import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Config, ConfigError } from '../config.ts';

/**
 * Where the audit chain's trust lives, outside the database: the HMAC key and
 * the checkpoint file. Resolved once at start; a missing or unusable key stops
 * the start with the variable's name.
 */
export interface AuditSettings {
  key: Buffer;
  /** Signed checkpoints are appended here, and verification reads them; null: none. */
  checkpointFile: string | null;
}

export const MIN_AUDIT_KEY_LENGTH = 32;

/** A key is text (the file's content, trimmed, or AUDIT_KEY), used as UTF-8 bytes either way. */
function keyOf(text: string, variable: string, where: string): Buffer {
  const trimmed = text.trim();
  if (trimmed.length < MIN_AUDIT_KEY_LENGTH) {
    throw new ConfigError(
      `Invalid configuration:\n  ${variable}: the key in ${where} is shorter than ${MIN_AUDIT_KEY_LENGTH} characters`,
    );
  }
  return Buffer.from(trimmed, 'utf8');
}

function readKeyFile(path: string, variable: string, warnings: string[]): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  ${variable}: cannot read ${path} ` +
        `(${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if ((statSync(path).mode & 0o077) !== 0)
    warnings.push(`${variable}: ${path} is readable by other users; chmod 600 it.`);
  return keyOf(text, variable, path);
}

export interface ResolveOptions {
  /** PGlite's data directory, where the defaults live; null on PostgreSQL or in memory (tests). */
  dataDir: string | null;
  /** Whether audit_chain already holds links: then a lost key file must not be silently replaced. */
  chainStarted: boolean;
}

export function resolveAuditSettings(config: Config, options: ResolveOptions): AuditSettings & { warnings: string[] } {
  const warnings: string[] = [];
  let key: Buffer;
  if (config.AUDIT_KEY) {
    key = keyOf(config.AUDIT_KEY, 'AUDIT_KEY', 'AUDIT_KEY');
  } else if (config.AUDIT_KEY_FILE) {
    key = readKeyFile(config.AUDIT_KEY_FILE, 'AUDIT_KEY_FILE', warnings);
  } else if (options.dataDir) {
    key = pgliteDefaultKey(options.dataDir, options.chainStarted, warnings);
  } else {
    // parseConfig already refuses this with DATABASE_URL; kept so that no caller can end up without a key.
    throw new ConfigError('Invalid configuration:\n  AUDIT_KEY_FILE: required with DATABASE_URL (or AUDIT_KEY)');
  }
  const checkpointFile =
    config.AUDIT_CHECKPOINT_FILE ?? (options.dataDir ? join(options.dataDir, 'audit-checkpoints.jsonl') : null);
  return { key, checkpointFile: checkpointFile ? resolve(checkpointFile) : null, warnings };
}

/**
 * PGlite without a configured key: DATA_DIR/audit.key, beside the database's
 * own directory (DATA_DIR/pgdata), created with mode 0600 on first start.
 */
function pgliteDefaultKey(dataDir: string, chainStarted: boolean, warnings: string[]): Buffer {
  const path = join(dataDir, 'audit.key');
  try {
    return readKeyFile(path, 'AUDIT_KEY_FILE', warnings);
  } catch (error) {
    if (!/\(ENOENT\)/.test((error as Error).message)) throw error;
  }
  if (chainStarted) {
    throw new ConfigError(
      `Invalid configuration:\n  AUDIT_KEY_FILE: ${path} is missing but the audit chain already has sealed rows. ` +
        'Restore the key file (or set AUDIT_KEY_FILE to it): a new key would make the whole chain fail verification.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(path, 'AUDIT_KEY_FILE', warnings);
}
