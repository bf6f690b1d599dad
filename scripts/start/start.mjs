// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVER_INPUTS, WEB_INPUTS, fingerprint } from './fingerprint.mjs';

/**
 * `npm start`: builds the web app (dist/web) and compiles the server (dist/server) only when their sources changed
 * since the last build — a hash of the sources kept beside each build —, then runs the compiled server in this
 * very process. Plain JavaScript, so that no TypeScript loader sits in the server's process: a warm start loads
 * no build tool at all (decision 015). `--build-only` (npm run build) builds what is stale and stops.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
const STAMP = '.tandem-build.json';

/** @param {{ name: string, outDir: string, check: string, inputs: string[], args: string[] }} build */
function buildIfStale(build) {
  const stampFile = join(root, build.outDir, STAMP);
  const inputs = fingerprint(root, build.inputs);
  let stamp = null;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    // never built here
  }
  if (stamp?.inputs === inputs && existsSync(join(root, build.outDir, build.check))) return;
  const started = Date.now();
  console.log(`${build.name}${stamp ? ' (its sources changed)' : ''}…`);
  const result = spawnSync(process.execPath, [vite, 'build', ...build.args], {
    cwd: root,
    stdio: 'inherit',
    // A NODE_ENV=development in the shell would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error(`${build.name} failed: Tandem cannot start.`);
    process.exit(1);
  }
  writeFileSync(stampFile, `${JSON.stringify({ inputs, builtAt: new Date().toISOString() })}\n`);
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

buildIfStale({
  name: 'Building the web app',
  outDir: 'dist/web',
  check: 'index.html',
  inputs: WEB_INPUTS,
  args: ['--logLevel', 'warn'],
});
buildIfStale({
  name: 'Compiling the server',
  outDir: 'dist/server',
  check: 'main.js',
  inputs: SERVER_INPUTS,
  args: ['--config', 'scripts/start/vite.server.config.ts'],
});

if (!process.argv.includes('--build-only')) await import(pathToFileURL(join(root, 'dist/server/main.js')).href);
