import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensurePrerequisites } from './prerequisites.ts';

/**
 * `npm test`: every test, in order — the static checks (formatting and lint,
 * typecheck, layer rules, line length, schema against migrations), unit tests,
 * integration tests on PGlite and on PostgreSQL (a throwaway cluster unless
 * TEST_DATABASE_URL is set), then the browser journeys in Chromium. Nothing is
 * skipped: a missing prerequisite is installed or named. The static checks
 * all run, so that one run names every problem; if one fails, the tests do
 * not start.
 */
const started = Date.now();
ensurePrerequisites();

interface Step {
  name: string;
  cmd: string;
  args: string[];
  /** Where the runner's JSON report lands, to count tests. */
  report?: string;
  /** A check of the code rather than a test: fast, and the tests wait until all of them pass. */
  check?: boolean;
}
rmSync('.tmp/reports', { recursive: true, force: true });
const steps: Step[] = [
  { name: 'format and lint (Biome)', cmd: 'npx', args: ['biome', 'ci', '.'], check: true },
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'], check: true },
  { name: 'layers', cmd: 'npx', args: ['tsx', 'scripts/check-layers.ts'], check: true },
  { name: 'line length', cmd: 'npx', args: ['tsx', 'scripts/check-line-length.ts'], check: true },
  { name: 'schema against migrations', cmd: 'npx', args: ['tsx', 'scripts/check-schema-migrations.ts'], check: true },
  {
    name: 'unit + integration (PGlite, PostgreSQL)',
    cmd: 'npx',
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/reports/vitest.json'],
    report: '.tmp/reports/vitest.json',
  },
  {
    name: 'browser journeys (Chromium)',
    cmd: 'npx',
    args: ['playwright', 'test', '--reporter=list,json'],
    report: '.tmp/reports/playwright.json',
  },
];

let passed = 0;
let failed = 0;
let ok = true;
let checksOk = true;
for (const step of steps) {
  if (!checksOk && !step.check) {
    console.log(`\n=== ${step.name}: not run, a check above failed`);
    break;
  }
  const t0 = Date.now();
  console.log(`\n=== ${step.name}`);
  const result = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/reports/playwright.json',
    },
  });
  console.log(
    `=== ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${Math.round((Date.now() - t0) / 1000)} s`,
  );
  if (step.report) {
    try {
      const report = JSON.parse(readFileSync(step.report, 'utf8'));
      if ('numPassedTests' in report) {
        passed += report.numPassedTests;
        failed += report.numFailedTests;
      } else if (report.stats) {
        passed += report.stats.expected;
        failed += report.stats.unexpected + report.stats.flaky;
      }
    } catch {
      failed += 1; // no report: the runner itself failed
    }
  }
  if (result.status !== 0) {
    ok = false;
    if (step.check) checksOk = false;
  }
}
console.log(`\nAll tests took ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
