import { defineConfig } from 'vitest/config';

/**
 * Three tiers: `*.test.ts` pure (unit), `*.int.test.ts` against a real database,
 * run twice — on PGlite and on PostgreSQL. Browser journeys live in e2e/ (Playwright).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: ['src/**/*.int.test.ts', 'scripts/bench/**/*.int.test.ts'],
          // PGlite has one superuser: the owner and application roles exist only on PostgreSQL.
          exclude: ['src/server/audit/audit-roles.int.test.ts', 'node_modules/**'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'int-postgres',
          include: ['src/**/*.int.test.ts', 'scripts/bench/**/*.int.test.ts'],
          // The data-directory lock guards PGlite's files; PostgreSQL has no such directory here.
          // and `--empty` is a way to start the embedded database.
          exclude: [
            'src/db/data-dir-lock.int.test.ts',
            'src/db/plan-cache.int.test.ts',
            'src/server/empty-installation.int.test.ts',
          ],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['scripts/test/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
