import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Where PGlite keeps its cluster inside DATA_DIR. */
export const pgdataOf = (dataDir: string) => join(dataDir, 'pgdata');

export const pgliteClusterExists = (dataDir: string) => existsSync(join(pgdataOf(dataDir), 'PG_VERSION'));

/**
 * Creates PGlite's cluster (initdb) in a short-lived process of its own. Done in the server's process, initdb's
 * WebAssembly instance and the copy of the cluster it hands over leave about 130 MB of freed but resident C heap
 * that the process keeps for its lifetime (glibc does not give it back): the first start idled at 430 MB against
 * 270 MB for every later one (decision 015).
 */
export async function createPgliteClusterApart(dataDir: string) {
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = 'const { PGlite } = require(process.argv[1]); PGlite.create(process.argv[2]).then((db) => db.close())';
  await promisify(execFile)(process.execPath, ['-e', script, pglite, pgdataOf(dataDir)], { timeout: 300_000 });
}
