import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import config from '../drizzle.config.ts';

/**
 * Fails when the Drizzle schema (src/db/schema.ts) and the migrations
 * (src/db/migrations, with drizzle-kit's snapshots in meta/) differ: a change
 * to the schema without its migration, or a migration edited by hand away
 * from the schema.
 *
 * drizzle-kit generates into a copy of the migrations folder under .tmp/, so
 * nothing of the repository is written; any file it adds or changes there is
 * a migration `npm run db:generate` would write, and is printed.
 */
const WORK = '.tmp/schema-check';
const TIMEOUT_MS = 120_000;

type Listing = Map<string, string>;
function listing(dir: string): Listing {
  const out: Listing = new Map();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function fail(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}

function main(): void {
  const source = config.out ?? './src/db/migrations';
  const copy = join(WORK, 'migrations');
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(source, copy, { recursive: true });
  const before = listing(copy);

  // drizzle-kit takes --out relative to the working directory (an absolute path gets './' put before it).
  const args = [
    'drizzle-kit',
    'generate',
    '--dialect',
    config.dialect,
    '--schema',
    String(config.schema),
    '--out',
    copy,
  ];
  const run = spawnSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT_MS });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const after = listing(copy);
  rmSync(WORK, { recursive: true, force: true });

  const changed = [...after].filter(([path, text]) => before.get(path) !== text);
  const generated = changed.filter(([path]) => path.endsWith('.sql'));
  if (generated.length) {
    fail([
      `schema: src/db/schema.ts and ${source} differ — drizzle-kit would generate a migration:`,
      ...generated.flatMap(([path, text]) => [`--- ${path}`, text.trim()]),
      'Run `npm run db:generate` (then review the SQL), or bring schema.ts back in line with the migrations.',
    ]);
  }
  if (/Interactive prompts require a TTY/.test(output)) {
    fail([
      `schema: src/db/schema.ts and ${source} differ — a column or table was removed or renamed, and drizzle-kit`,
      'would ask which: run `npm run db:generate` in a terminal, answer, and review the SQL it writes.',
    ]);
  }
  if (run.error || run.status !== 0 || !/No schema changes/.test(output)) {
    fail([
      `schema: could not confirm that src/db/schema.ts matches ${source}: drizzle-kit ${
        run.error ? `failed to run (${run.error.message})` : `said (exit ${run.status}):`
      }`,
      output.trim(),
      changed.length ? `It changed: ${changed.map(([path]) => path).join(', ')}` : '',
      'Run `npm run db:generate` in a terminal to see what it would do.',
    ]);
  }
  console.log(`schema: src/db/schema.ts and ${source} agree (drizzle-kit: no schema changes)`);
}

main();
