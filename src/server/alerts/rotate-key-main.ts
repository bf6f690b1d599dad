import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { resolveAuditSettings } from '../audit/audit-settings.ts';
import { ConfigError, parseConfig } from '../config.ts';
import { openDatabase } from '../../db/open-db.ts';
import { DataDirLockedError } from '../../db/data-dir-lock.ts';
import { newCaseloadKey, resolveCaseloadKeys } from './caseload-key.ts';
import { rotateCaseloadKey } from './rotate-caseload-key.ts';
import { auditChainStarted } from '../audit/check-audit-key.ts';

/**
 * `npm run caseload:rotate-key` (issue 14, decision 026), Tandem stopped: appends a new key to the caseload key file
 * (CASELOAD_KEY_FILE, or PGlite's DATA_DIR/caseload.key) and re-keys every stored pseudonym in one transaction. The
 * new chain is written to <file>.next first and moved over the file once the database committed: if the command is
 * interrupted between the two, the start says so and <file>.next holds the right chain.
 */
async function main() {
  const config = parseConfig(process.env);
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_OWNER_URL ?? config.DATABASE_URL }
      : { kind: 'pglite', dataDir: config.DATA_DIR },
  );
  try {
    const dataDir = database.kind === 'pglite' ? config.DATA_DIR : null;
    const audit = resolveAuditSettings(config, { dataDir, chainStarted: await auditChainStarted(database.db) });
    const current = resolveCaseloadKeys(config, { dataDir, auditKey: audit.key });
    if (!current.file) {
      throw new ConfigError(
        'Invalid configuration:\n  CASELOAD_KEY_FILE: rotation writes the new key into the key file; ' +
          (current.source === 'env'
            ? 'move CASELOAD_KEY into a file and set CASELOAD_KEY_FILE to it.'
            : 'the key is derived from the audit key: set CASELOAD_KEY_FILE to a file of your own first.'),
      );
    }
    const newKey = newCaseloadKey();
    const next = `${current.file}.next`;
    if (existsSync(next)) throw new ConfigError(`${next} exists: an earlier rotation did not finish; see README.`);
    writeFileSync(next, `${[...current.keys, newKey].join('\n')}\n`, { mode: 0o600, flag: 'wx' });
    const result = await rotateCaseloadKey(database.db, { oldKeys: current.keys, newKey, now: new Date() });
    renameSync(next, current.file);
    console.log(
      `Caseload key rotated: ${result.rekeyed} pseudonym(s) re-keyed, ${result.persons} person pseudonym(s) ` +
        `recomputed; ${current.file} now holds ${result.chain.length} keys (oldest first). Keep a copy apart.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error('The rotation failed:', error);
  process.exit(1);
});
