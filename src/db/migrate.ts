import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './open-db.ts';
import { installSituationGrants } from './situation-grants.ts';

/**
 * Forward-only migrations: the .sql files of src/db/migrations in name order,
 * each applied once, in its own transaction, recorded in schema_migrations.
 * An advisory lock lets several instances start on one PostgreSQL at once.
 */
const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7_240_001;

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/** `before`: only the migrations whose name sorts before it (tests of an upgrade from an older schema). */
export async function migrate(database: Database, options: { before?: string } = {}): Promise<string[]> {
  await database.execScript(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  // Those already recorded are not sent again (a start would parse every file's SQL for nothing); the check inside
  // each script still stands for two instances that start at once.
  const recorded = new Set(
    (await queryRows<{ name: string }>(database.db, sql`SELECT name FROM schema_migrations`)).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const file of migrationFiles().filter((f) => options.before === undefined || f < options.before)) {
    const name = file.replace(/\.sql$/, '');
    if (recorded.has(name)) continue;
    const body = readFileSync(join(MIGRATIONS_DIR, file), 'utf8').replaceAll('--> statement-breakpoint', '');
    // One script per migration: the lock, the check, the body and the record commit together.
    const script = `
      BEGIN;
      -- A migration may take longer than the application's STATEMENT_TIMEOUT_MS.
      SET LOCAL statement_timeout = 0;
      SELECT pg_advisory_xact_lock(${LOCK_KEY});
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM schema_migrations WHERE name = '${name}') THEN
          RAISE EXCEPTION 'tandem:already-applied';
        END IF;
      END $$;
      ${body}
      ;
      INSERT INTO schema_migrations (name) VALUES ('${name}');
      COMMIT;`;
    try {
      await database.execScript(script);
      applied.push(name);
    } catch (error) {
      await database.execScript('ROLLBACK;').catch(() => {});
      if (String((error as Error).message).includes('tandem:already-applied')) continue;
      throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
    }
  }
  // The access grants' function comes from the rules in code, not from a migration file (src/db/situation-grants.ts).
  if (options.before === undefined) await installSituationGrants(database);
  return applied;
}
