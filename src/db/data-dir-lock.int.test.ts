import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, acquireDataDirLock } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// In the int-pglite project only (vitest.config.ts): the lock protects the embedded database's directory.
describe('PGlite data-directory lock', () => {
  it('makes a second process fail at once with a clear message while the first holds the directory', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    await migrate(database);
    try {
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('${join(process.cwd(), 'src/db/open-db.ts')}')` +
            `.then(m => m.openDatabase({ kind: 'pglite', dataDir: '${dir}' }))` +
            `.then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(child.status).toBe(3);
      expect(child.stderr).toContain(`already in use by process ${process.pid}`);
    } finally {
      await database.close();
    }
    // Released on close: the directory opens again, with its data.
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(await migrate(again)).toEqual([]);
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const stale = mkdtempSync(join(tmpdir(), 'tandem-stale-'));
    writeFileSync(join(stale, 'tandem.lock'), '999999');
    const release = acquireDataDirLock(stale);
    expect(() => acquireDataDirLock(stale)).toThrow(DataDirLockedError);
    release();
    rmSync(stale, { recursive: true, force: true });
  });
});
