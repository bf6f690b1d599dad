import { defineConfig } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium (no browser download is possible on
 * these machines). The server is the real one, built web app included, on a
 * fresh PGlite directory seeded with the demo canton.
 */
const PORT = Number(process.env.E2E_PORT ?? 3111);
const DATA_DIR = process.env.E2E_DATA_DIR ?? '.tmp/e2e-data';

/**
 * Timeouts for a busy machine (2 cores shared, load up to 8–12): every step —
 * an expectation, a click, a navigation — may take a while, so each step gets
 * a generous limit of its own, and a real failure still fails at the step that
 * broke, after at most that long. The whole test's limit is only a backstop
 * for the long journeys (the measures journey has some 150 steps).
 */
const STEP = 25_000;

export default defineConfig({
  testDir: 'e2e',
  timeout: 10 * 60_000,
  expect: { timeout: STEP },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-CH',
    timezoneId: 'Europe/Zurich',
    viewport: { width: 1280, height: 860 },
    actionTimeout: STEP,
    navigationTimeout: 2 * STEP,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  /*
   * The journeys share one demo canton. The closure journey closes Petra Schmid's file, which the German tandem
   * journeys and the measures journey work on before: it runs after all of them, whatever the file names' order.
   */
  projects: [
    { name: 'journeys', testIgnore: /tandem-closure\.spec\.ts$/ },
    { name: 'closing', testMatch: /tandem-closure\.spec\.ts$/, dependencies: ['journeys'] },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx vite build --logLevel warn && npx tsx src/server/main.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    // Builds the web app, then a first start migrates and seeds the demo canton: minutes on a loaded machine.
    timeout: 6 * 60_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT), DATA_DIR, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdout: 'pipe',
  },
});
