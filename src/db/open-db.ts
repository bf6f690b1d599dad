import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { withPlanCache } from './plan-cache.ts';
import { createPgliteClusterApart, pgdataOf, pgliteClusterExists } from './pglite-data-dir.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** One type for both drivers: use cases never know which database they run on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction inside it. */
export type Queryable = Db | Tx;

/** Rows of a raw SQL query; both drivers answer `{ rows }`. */
export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL: the pool's state (requests waiting for a connection), for the load guard and the health check. */
  poolLoad?: () => { waiting: number; total: number; max: number };
  /** Runs a script of several statements (migrations). */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** How long a query waits for a free connection before failing (the request then gets a 503). */
      connectTimeoutMs?: number;
      /** The longest one statement may run (PostgreSQL cancels it; the request gets a 503). */
      statementTimeoutMs?: number;
    }
  | { kind: 'pglite'; dataDir: string | null }; // null: in memory (tests)

/**
 * PGlite allocates PostgreSQL's shared memory inside its WebAssembly memory and touches all of it at start: the
 * default 128 MB of shared buffers were a quarter of the idle process. 32 MB hold the demo canton's 40 MB of
 * tables and indexes well enough (the operating system caches the files behind them); PGlite serves one
 * connection, so room for 100 is wasted too. Together about 120 MB less resident memory (decision 015).
 */
const PGLITE_MEMORY_SETTINGS = ['-c', 'shared_buffers=32MB', '-c', 'max_connections=5'];
// `startParams` replaces PGlite's own; they are kept.
const PGLITE_DEFAULT_START_PARAMS = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const max = target.poolSize ?? 10;
    const pool = new pg.Pool({
      connectionString: target.url,
      max,
      connectionTimeoutMillis: target.connectTimeoutMs ?? 0,
      // JIT compilation and parallel workers only cost here: the application's queries are short and served by
      // indexes, and on a small server many requests at once already use every core (issue 10).
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
      ...(target.statementTimeoutMs ? { statement_timeout: target.statementTimeoutMs } : {}),
    });
    // node-postgres only handles errors of idle clients; a server that dies while a
    // client is checked out would crash the process without a listener on each client.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      poolLoad: () => ({ waiting: pool.waitingCount, total: pool.totalCount, max }),
      execScript: async (text) => {
        // One connection for the whole script, rolled back on that same connection on error.
        const client = await pool.connect();
        try {
          await client.query(text);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }

  const release = target.dataDir ? acquireDataDirLock(target.dataDir) : () => {};
  try {
    if (target.dataDir && !pgliteClusterExists(target.dataDir)) await createPgliteClusterApart(target.dataDir);
    // pg_trgm serves the name and number search (migration 0009).
    const client = await PGlite.create({
      dataDir: target.dataDir ? pgdataOf(target.dataDir) : undefined,
      extensions: { pg_trgm },
      startParams: [...PGLITE_DEFAULT_START_PARAMS, ...PGLITE_MEMORY_SETTINGS],
    });
    const db = drizzlePglite({ client: withPlanCache(client), schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      execScript: async (text) => {
        await client.exec(text);
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
