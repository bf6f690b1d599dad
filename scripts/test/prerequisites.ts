import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresBinDir } from './postgres-cluster.ts';

/**
 * What the test suite needs from the machine: Debian's Chromium (no browser
 * download is possible here), poppler-utils (PDFs are checked as images) and
 * PostgreSQL server binaries. As root they are installed with apt-get; as
 * anyone else the missing ones are named in one line.
 */
const NEEDS = [
  { what: 'Chromium', ok: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), apt: ['chromium'] },
  { what: 'poppler-utils (pdftoppm)', ok: () => spawnSync('pdftoppm', ['-v']).status === 0, apt: ['poppler-utils'] },
  {
    what: 'PostgreSQL server binaries',
    ok: () => process.env.TEST_DATABASE_URL !== undefined || postgresBinDir() !== null,
    apt: ['postgresql'],
  },
  {
    what: 'fonts for screenshots',
    ok: () => existsSync('/usr/share/fonts/truetype/dejavu'),
    apt: ['fonts-dejavu-core'],
  },
];

export function ensurePrerequisites() {
  const missing = NEEDS.filter((n) => !n.ok());
  if (missing.length === 0) return;
  const names = missing.map((m) => m.what).join(', ');
  const packages = missing.flatMap((m) => m.apt);
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing for the tests: ${names}. Install them: sudo apt-get install -y ${packages.join(' ')}`);
  }
  console.log(`Installing test prerequisites with apt-get: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) throw new Error('apt-get update failed');
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  // A server package starts a cluster of its own by default: the tests make theirs, so that one is not needed.
  if (install.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed`);
  const still = NEEDS.filter((n) => !n.ok());
  if (still.length) throw new Error(`Still missing after apt-get: ${still.map((m) => m.what).join(', ')}`);
}
