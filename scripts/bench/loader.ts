import { sql } from 'drizzle-orm';
import { type Database, type Db, queryRows } from '../../src/db/open-db.ts';

/**
 * Runs the generator's bulk statements on the target database, one labelled
 * step at a time, and says how long each took (a generation at scale 50 takes
 * minutes: the progress shows where they go).
 */
export interface Loader {
  db: Db;
  kind: Database['kind'];
  exec(label: string, script: string): Promise<void>;
  /** One statement that may not run inside a transaction block (VACUUM). */
  maintenance(label: string, statement: string): Promise<void>;
  rows<T>(query: string): Promise<T[]>;
}

export function loaderFor(database: Database, log: (line: string) => void): Loader {
  const started = Date.now();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const done = (label: string, t0: number) =>
    log(`  ${label.padEnd(34)} ${s(Date.now() - t0).padStart(8)}   (${s(Date.now() - started)} so far)`);
  return {
    db: database.db,
    kind: database.kind,
    async exec(label, script) {
      const t0 = Date.now();
      try {
        // Calendar days of the plan are UTC days, whatever the server's time zone.
        await database.execScript(`SET TIME ZONE 'UTC';\n${script}`);
      } catch (error) {
        throw new Error(`bench data, step "${label}": ${(error as Error).message}`);
      }
      done(label, t0);
    },
    async maintenance(label, statement) {
      const t0 = Date.now();
      await database.execScript(statement);
      done(label, t0);
    },
    rows: <T>(query: string) => queryRows<T>(database.db, sql.raw(query)),
  };
}
