import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_SCRIPT_BUDGET_KB, formatBudget, measureBudget } from './bundle-budget.ts';

/**
 * The web app built as `npm start` builds it (vite.config.ts), into a temporary directory: the first script of the
 * sign-in and home pages stays within its budget, every screen is a chunk of its own, and the compressed copies
 * the server sends are there (decision 015).
 */
let outDir: string;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tandem-web-build-'));
  // In a process of its own: vitest's NODE_ENV=test would give React's development build.
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the web build', () => {
  // In either language.
  it(`gives the sign-in and home pages at most ${INITIAL_SCRIPT_BUDGET_KB} KB of script (gzip)`, () => {
    const report = measureBudget(outDir);
    console.log(formatBudget(report));
    for (const page of report.pages) {
      expect(page.gzipKb, `${page.page} in French`).toBeLessThanOrEqual(INITIAL_SCRIPT_BUDGET_KB);
      expect(page.germanGzipKb, `${page.page} in German`).toBeLessThanOrEqual(INITIAL_SCRIPT_BUDGET_KB);
    }
    expect(report.pages.map((p) => p.page)).toEqual(['sign-in', 'home']);
  });

  it('keeps the other screens and the German dictionary out of the first script', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      { file: string; isEntry?: boolean; isDynamicEntry?: boolean }
    >;
    for (const source of [
      'features/audit/AuditPage.tsx',
      'features/situations/SituationPage.tsx',
      'features/measures/StatementsPage.tsx',
      'features/users/UsersPage.tsx',
      'i18n/de/index.ts',
    ]) {
      expect(manifest[source]?.isDynamicEntry, source).toBe(true);
    }
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    // The French dictionary is preloaded with the entry.
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="/${manifest['i18n/fr/index.ts']?.file}">`);
  });

  it('writes a brotli and a gzip copy beside every script and style sheet of at least 1 KB', () => {
    const assets = readdirSync(join(outDir, 'assets'));
    const big = assets.filter((f) => /\.(js|css)$/.test(f) && readFileSync(join(outDir, 'assets', f)).length >= 1024);
    expect(big.length).toBeGreaterThan(10);
    for (const file of big) {
      expect(existsSync(join(outDir, 'assets', `${file}.br`)), file).toBe(true);
      expect(existsSync(join(outDir, 'assets', `${file}.gz`)), file).toBe(true);
    }
  });
});
