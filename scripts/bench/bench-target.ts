import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openDatabase } from '../../src/db/open-db.ts';
import { resolveAuditSettings } from '../../src/server/audit/audit-settings.ts';
import { parseConfig } from '../../src/server/config.ts';
import { BENCH_CONFIG } from './bench-context.ts';

/**
 * Which database the bench scripts work on: PostgreSQL (`--database-url` or
 * DATABASE_URL) or a PGlite data directory (`--pglite DIR`), and the audit key
 * its chain is sealed with — the application's own rules (AUDIT_KEY,
 * AUDIT_KEY_FILE, else DATA_DIR/audit.key on PGlite). On PostgreSQL without a
 * key, one is created in .tmp/bench/audit.key and its path printed: the
 * application must start with AUDIT_KEY_FILE set to it.
 */
export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

export const TARGET_OPTIONS = {
  'database-url': { type: 'string' },
  pglite: { type: 'string' },
} as const;

export function targetsFrom(values: { 'database-url'?: string; pglite?: string }): Target[] {
  const targets: Target[] = [];
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (url) targets.push({ kind: 'postgres', url });
  if (values.pglite) targets.push({ kind: 'pglite', dir: resolve(values.pglite) });
  return targets;
}

export const describeTarget = (t: Target) =>
  t.kind === 'postgres' ? `PostgreSQL ${t.url.replace(/\/\/[^@/]*@/, '//…@')}` : `PGlite ${t.dir}`;

/**
 * `appSettings`: the connection settings the server starts with (main.ts: the
 * statement timeout and the wait for a pooled connection of the parsed
 * configuration; open-db.ts adds JIT off), for measuring what the application
 * runs. The generator opens without them: its bulk statements run for minutes.
 */
export async function openTarget(t: Target, poolSize = 4, appSettings = false): Promise<Database> {
  if (t.kind === 'postgres') {
    return openDatabase({
      kind: 'postgres',
      url: t.url,
      poolSize,
      ...(appSettings
        ? { connectTimeoutMs: BENCH_CONFIG.DATABASE_WAIT_MS, statementTimeoutMs: BENCH_CONFIG.STATEMENT_TIMEOUT_MS }
        : {}),
    });
  }
  mkdirSync(t.dir, { recursive: true });
  return openDatabase({ kind: 'pglite', dataDir: t.dir });
}

export const BENCH_KEY_FILE = resolve('.tmp/bench/audit.key');

export function auditKeyFor(t: Target, log: (line: string) => void): Buffer {
  const env = { AUDIT_KEY: process.env.AUDIT_KEY, AUDIT_KEY_FILE: process.env.AUDIT_KEY_FILE };
  if (t.kind === 'postgres' && !env.AUDIT_KEY && !env.AUDIT_KEY_FILE) {
    if (!existsSync(BENCH_KEY_FILE)) {
      mkdirSync(dirname(BENCH_KEY_FILE), { recursive: true });
      writeFileSync(BENCH_KEY_FILE, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    }
    log(`Audit key: ${BENCH_KEY_FILE} (start the application with AUDIT_KEY_FILE=${BENCH_KEY_FILE}).`);
    env.AUDIT_KEY_FILE = BENCH_KEY_FILE;
  }
  const config = parseConfig(Object.fromEntries(Object.entries(env).filter(([, v]) => v)));
  const { key, warnings } = resolveAuditSettings(config, {
    dataDir: t.kind === 'pglite' ? t.dir : null,
    chainStarted: false,
  });
  for (const warning of warnings) log(`Warning: ${warning}`);
  return key;
}

export { parseArgs };
