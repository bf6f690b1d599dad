import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The server compiled once into dist/server/main.js for `npm start` (scripts/start/start.mjs): one ES module of our
 * own code, the packages imported from node_modules as they are. Node then loads plain JavaScript instead of
 * transpiling every file through tsx's loader at each start (about a second; decision 015). Tests and
 * `npm run serve` still run the sources through tsx.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'src/server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    // Readable stack traces without source maps (which would cost memory and start time).
    minify: false,
    sourcemap: false,
    rolldownOptions: { output: { entryFileNames: 'main.js' } },
  },
  ssr: { target: 'node' },
  plugins: [
    {
      // src/db/migrate.ts reads its .sql files beside the module: beside main.js once compiled.
      name: 'tandem:migrations',
      apply: 'build',
      writeBundle(options) {
        cpSync(join(root, 'src/db/migrations'), join(options.dir ?? join(root, 'dist/server'), 'migrations'), {
          recursive: true,
          filter: (source) => !source.includes('/meta'),
        });
      },
    },
  ],
});
