import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Imports point one way: web → contracts ← server → domain, server → db.
 * The domain imports nothing but itself; contracts only the domain; the web
 * never the server or the database; the database (seed included) never the
 * server. Besides the folders:
 * - the domain and the web stay free of I/O: no Node built-in (`node:fs`,
 *   `crypto`…; their unit tests, which run in Node only, excepted) and no
 *   package that talks to a database, the network, files or a log (the web
 *   runs in the browser; the domain is pure and shared with the web);
 * - the test helpers of `src/test` are for tests only (`*.test.ts`, `e2e/`,
 *   `src/test/` itself, the test runner `scripts/test/` and the benchmark
 *   `scripts/bench/`, a dev tool that reuses them).
 * Each problem is printed as `file:line: rule: what`, and the run fails.
 */
const LAYERS: Record<string, string[]> = {
  'src/domain': ['src/domain'],
  'src/contracts': ['src/contracts', 'src/domain'],
  'src/web': ['src/web', 'src/contracts', 'src/domain'],
  'src/db': ['src/db', 'src/domain'],
  'src/server': ['src/server', 'src/contracts', 'src/domain', 'src/db', 'src/test'],
  'src/test': ['src/test', 'src/server', 'src/db', 'src/domain', 'src/contracts'],
};

/** Packages that do I/O (database, HTTP, e-mail, files, PDF, hashing, logs) or that run only on Node. */
const IO_PACKAGES = [
  'pg',
  'pg-*',
  '@electric-sql/*',
  'drizzle-orm',
  'drizzle-kit',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'nodemailer',
  'smtp-server',
  'mailparser',
  'pdfmake',
  'pdf-lib',
  '@node-rs/*',
  'pino',
  'pino-*',
  'tsx',
];
/** The domain is used by the server and by the web app: no UI library either. */
const UI_PACKAGES = ['react', 'react-dom', 'react-dom/*', 'react-router-dom', '@mantine/*', '@tanstack/*'];

const TEST_FILE = /(^|\/)[^/]+\.test\.tsx?$/;
const MAY_USE_TEST_HELPERS = [TEST_FILE, /^e2e\//, /^src\/test\//, /^scripts\/test\//, /^scripts\/bench\//];

export interface Problem {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** The package name of a bare specifier: `@scope/name` or `name`, without a sub-path. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(packageOf(specifier));
}

/**
 * Every module specifier of a file with its line: static imports and
 * re-exports (one line or several), side-effect imports, `import()` and
 * `require()`. Only lines that start with `import`/`export` count as static
 * imports, so that a comment or a string that mentions `from '…'` does not.
 */
export function importsOf(source: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const statics = /^[ \t]*(?:import\s*|(?:import|export)\b[^;'"`]*?\bfrom\s*)['"]([^'"\n]+)['"]/gm;
  for (const m of source.matchAll(statics)) {
    found.push({ specifier: m[1] ?? '', line: lineAt(m.index) });
  }
  for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g)) {
    found.push({ specifier: m[1] ?? '', line: lineAt(m.index) });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The problems of one file, given its path relative to the repository root and its text. */
export function checkFile(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const layer = Object.keys(LAYERS).find((l) => file.startsWith(`${l}/`));
  const ioFree = layer === 'src/domain' || layer === 'src/web';
  const mayUseTestHelpers = MAY_USE_TEST_HELPERS.some((re) => re.test(file));
  for (const { specifier, line } of importsOf(source)) {
    const at = (rule: string, message: string) => problems.push({ file, line, rule, message });
    if (specifier.startsWith('.')) {
      const target = relative('.', join(dirname(file), specifier));
      if (!mayUseTestHelpers && (target === 'src/test' || target.startsWith('src/test/'))) {
        at('test-helpers', `imports ${target}: src/test is for tests only (*.test.ts, e2e/, scripts/test/)`);
        continue;
      }
      const allowed = layer ? LAYERS[layer] : undefined;
      if (allowed && !allowed.some((a) => target === a || target.startsWith(`${a}/`))) {
        at('layers', `imports ${target} (${layer} may import only ${allowed.join(', ')})`);
      }
      continue;
    }
    if (!ioFree) continue;
    const pkg = packageOf(specifier);
    // A unit test runs in Node only (vitest): it may use a built-in, e.g. to build the HMAC the server passes in.
    if (isBuiltin(specifier) && !TEST_FILE.test(file)) {
      at('no-io', `imports the Node built-in '${specifier}' (${layer} runs without Node's I/O)`);
    } else if (IO_PACKAGES.some((p) => matches(p, pkg) || matches(p, specifier))) {
      at('no-io', `imports the I/O package '${specifier}' (${layer} must not do I/O)`);
    } else if (layer === 'src/domain' && UI_PACKAGES.some((p) => matches(p, pkg) || matches(p, specifier))) {
      at('no-ui', `imports the UI package '${specifier}' (the domain is shared by server and web)`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function main(): void {
  const root = process.cwd();
  const problems = ['src', 'scripts', 'e2e']
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .flatMap((path) => checkFile(relative(root, path), readFileSync(path, 'utf8')));
  if (problems.length) {
    for (const p of problems) console.error(`${p.file}:${p.line}: ${p.rule}: ${p.message}`);
    console.error(`layers: ${problems.length} forbidden import(s)`);
    process.exit(1);
  }
  console.log('layers: imports point one way');
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) main();
