import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';
import { formatBudget, measureBudget } from './bundle-budget.ts';

/** Vite plugins of the web build (vite.config.ts); decision 015. */

/**
 * index.html preloads the chunk of the dictionary that `src/web/i18n/i18n.tsx` fetches first for most users
 * (French, the default), so that it arrives with the entry instead of after it.
 */
export function preloadChunkOf(source: string): Plugin {
  return {
    name: 'tandem:preload-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith(source),
        );
        if (!chunk) throw new Error(`no chunk is built from ${source}: is it still imported dynamically?`);
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      // .vite holds the manifest, which is not served.
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/**
 * Writes `file.br` (brotli, quality 11) and `file.gz` (gzip, level 9) beside each text file of at least 1 KB,
 * once at build time; the server sends them to clients that accept them (@fastify/static's `preCompressed`).
 */
export async function precompress(outDir: string): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const files = (await filesUnder(outDir)).filter((f) => COMPRESSIBLE.test(f));
  let count = 0;
  let bytes = 0;
  let brotliBytes = 0;
  await Promise.all(
    files.map(async (file) => {
      if ((await stat(file)).size < 1024) return;
      const content = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzipAsync(content, { level: 9 }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      count += 1;
      bytes += content.length;
      brotliBytes += br.length;
    }),
  );
  return { files: count, bytes, brotliBytes };
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'tandem:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const done = await precompress(resolve(config.root, config.build.outDir));
      config.logger.info(
        `precompressed ${done.files} files: ${Math.round(done.bytes / 1024)} KB, ` +
          `${Math.round(done.brotliBytes / 1024)} KB in brotli`,
      );
    },
  };
}

/**
 * Prints the script each budgeted page needs (scripts/web/bundle-budget.ts) after the build, as a warning when
 * over budget; `scripts/web/bundle-budget.test.ts` fails then, so `npm test` enforces it.
 */
export function budgetPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'tandem:budget',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const report = measureBudget(resolve(config.root, config.build.outDir));
      if (report.pass) config.logger.info(formatBudget(report));
      else config.logger.warn(`\n${formatBudget(report)}\n`);
    },
  };
}
