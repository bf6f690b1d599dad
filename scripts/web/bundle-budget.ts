import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The script a page needs before it shows: the entry chunk, the lazy chunks of the page's screens
 * (src/web/app/screens.ts, requested at start by `preloadFor`), and every chunk these import statically — read
 * from Vite's manifest (`build.manifest`), gzipped at level 9. Each language's dictionary is a chunk of its own,
 * fetched before the first render: each page is measured in French and in German (its dictionary's chunk added),
 * and both must fit the budget (decision 015).
 */
export const INITIAL_SCRIPT_BUDGET_KB = 150;

/** Pages and the sources (relative to src/web) of the screens each shows first. */
export const BUDGETED_PAGES: Record<string, string[]> = {
  'sign-in': ['features/auth/SignInPage.tsx'],
  home: ['app/Layout.tsx', 'features/home/HomePage.tsx'],
};
const DICTIONARY = { french: 'i18n/fr/index.ts', german: 'i18n/de/index.ts' };

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageScript {
  page: string;
  files: { file: string; bytes: number; gzip: number }[];
  gzipKb: number;
  germanGzipKb: number;
  pass: boolean;
}
export interface BudgetReport {
  budgetKb: number;
  pages: PageScript[];
  /** The style sheets the entry links (render-blocking, outside the script budget). */
  css: { file: string; bytes: number; gzip: number }[];
  /** Every script of the build, for comparison: what a single bundle would weigh. */
  allScriptsGzipKb: number;
  pass: boolean;
}

/** Manifest keys of `key`'s static closure (itself included), skipping those in `seen`. */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
  return [key, ...(chunk.imports ?? []).flatMap((k) => staticClosure(manifest, k, seen))];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function measureBudget(outDir: string, budgetKb = INITIAL_SCRIPT_BUDGET_KB): BudgetReport {
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the web app first (vite build)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the manifest names no entry');
  const sizes = new Map<string, { file: string; bytes: number; gzip: number }>();
  const size = (file: string) => {
    let known = sizes.get(file);
    if (!known) {
      const content = readFileSync(join(outDir, file));
      known = { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
      sizes.set(file, known);
    }
    return known;
  };
  const fileOf = (key: string) => manifest[key]?.file ?? '';
  const sum = (keys: string[]) => keys.reduce((total, k) => total + size(fileOf(k)).gzip, 0);

  const pages = Object.entries(BUDGETED_PAGES).map(([page, screens]): PageScript => {
    const seen = new Set<string>();
    const keys = [entry, ...screens].flatMap((k) => staticClosure(manifest, k, seen));
    // A dictionary bundled into the chunks above (not a chunk of its own) is counted there already.
    const dictionary = (source: string) => (manifest[source] ? staticClosure(manifest, source, new Set(seen)) : []);
    const french = dictionary(DICTIONARY.french);
    const german = dictionary(DICTIONARY.german);
    const gzipKb = kb(sum(keys) + sum(french));
    const germanGzipKb = kb(sum(keys) + sum(german));
    return {
      page,
      files: [...keys, ...french].map((k) => size(fileOf(k))),
      gzipKb,
      germanGzipKb,
      pass: gzipKb <= budgetKb && germanGzipKb <= budgetKb,
    };
  });
  const css = [...new Set(staticClosure(manifest, entry).flatMap((k) => manifest[k]?.css ?? []))].map(size);
  const scripts = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith('.js'));
  return {
    budgetKb,
    pages,
    css,
    allScriptsGzipKb: kb(scripts.reduce((total, f) => total + size(f).gzip, 0)),
    pass: pages.every((p) => p.pass),
  };
}

export function formatBudget(report: BudgetReport): string {
  const lines = ['Script a page needs before it shows (gzip -9):'];
  for (const p of report.pages) {
    lines.push(
      `  ${p.page.padEnd(8)} ${String(p.gzipKb).padStart(6)} KB in French, ` +
        `${String(p.germanGzipKb).padStart(6)} KB in German, ${p.files.length} files — ` +
        `budget ${report.budgetKb} KB: ${p.pass ? 'ok' : 'OVER BUDGET'}`,
    );
  }
  for (const c of report.css) lines.push(`  style sheet ${c.file}: ${kb(c.bytes)} KB, gzip ${kb(c.gzip)} KB`);
  lines.push(`  every script of the build together: gzip ${report.allScriptsGzipKb} KB`);
  return lines.join('\n');
}

// `npx tsx scripts/web/bundle-budget.ts [outDir]`: prints the figures, exits 1 when a page is over budget.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const report = measureBudget(process.argv[2] ?? 'dist/web');
  console.log(formatBudget(report));
  process.exit(report.pass ? 0 : 1);
}
