// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What each build of `npm start` is made from (scripts/start/start.mjs). Tests are left out: they change no
 * build. The lock file stands for the installed packages.
 */
export const WEB_INPUTS = [
  'src/web',
  'src/contracts',
  'src/domain',
  'vite.config.ts',
  'scripts/web',
  'package-lock.json',
  'tsconfig.json',
];
export const SERVER_INPUTS = [
  'src/server',
  'src/db',
  'src/domain',
  'src/contracts',
  'scripts/start',
  'package-lock.json',
  'tsconfig.json',
];

const isTest = (name) => /\.test\.tsx?$/.test(name);

function collect(root, path, out) {
  const full = join(root, path);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    out.push(path);
    return;
  }
  const walk = (dir) => {
    const entries = readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || isTest(entry.name)) continue;
      const child = join(dir, entry.name);
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk(path);
}

/** A SHA-256 of the inputs' paths and contents, in a stable order (a few milliseconds for the whole code base). */
export function fingerprint(root, inputs) {
  const files = [];
  for (const input of inputs) collect(root, input, files);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
