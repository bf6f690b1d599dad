import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * Plans kept between calls on PGlite (issue 10). PGlite's driver sends every query as an unnamed statement, so
 * PostgreSQL plans it on every call; the situation page's one query (the situation and all the policy needs) costs
 * 1.9 ms to plan and about 1 ms to run at 20,000 situations. Queries marked with `planCached` are prepared once per
 * PGlite instance (`PREPARE`) and then run by `EXECUTE`, their text parameters written as quoted literals with
 * node-postgres' own `escapeLiteral`, which PostgreSQL converts to the types it inferred when preparing.
 *
 * On PostgreSQL nothing changes: node-postgres already names Drizzle's prepared statements per connection.
 * A prepared statement outlives a rolled-back transaction, and PostgreSQL re-plans it by itself after a schema change.
 */

/** The texts of the queries to keep planned: a handful, written in the code, never built from input. */
const planCachedTexts = new Set<string>();

/** Marks a Drizzle prepared query as worth keeping planned on PGlite; returns it unchanged. */
export function planCached<T extends { getQuery(): { sql: string } }>(prepared: T): T {
  planCachedTexts.add(prepared.getQuery().sql);
  return prepared;
}

type QueryFn = (text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<unknown>>;
interface Runner {
  query: QueryFn;
}

/**
 * A parameter as an SQL literal, or undefined when the driver should send it: only text and null, which PostgreSQL
 * reads as the type it inferred at PREPARE exactly as it reads the driver's text parameters. Numbers, booleans and
 * dates go through the driver, which converts them by the parameter's type (a number for a date, say).
 */
function literal(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value.includes('\0') ? undefined : pg.escapeLiteral(value);
  return undefined;
}

/** PostgreSQL's "prepared statement does not exist" (someone ran DEALLOCATE): prepared again once. */
const UNKNOWN_STATEMENT = '26000';
/** Errors of the query's own text (SQLSTATE class 42, e.g. a parameter of no inferable type): never retried. */
const isQueryError = (error: unknown) => String((error as { code?: string }).code ?? '').startsWith('42');

/**
 * The PGlite client for Drizzle, with the marked queries prepared once and executed by name. Statements are prepared
 * only outside transactions, through the client itself: PGlite runs the client's queries after the open transaction,
 * so a transaction that waited for a PREPARE sent there would wait for itself; and a failed statement inside a
 * transaction would abort it. A transaction uses a statement already prepared, else lets the driver run the query.
 */
export function withPlanCache(client: PGlite): PGlite {
  // The query text → its statement's name, or null if it cannot be prepared (the driver then runs it as it is).
  const statements = new Map<string, Promise<string | null>>();
  const settled = new Map<string, string | null>();
  let counter = 0;

  const prepare = (text: string): Promise<string | null> => {
    let name = statements.get(text);
    if (!name) {
      counter += 1;
      const statement = `tandem_plan_${counter}`;
      name = client.query(`PREPARE ${statement} AS ${text}`).then(
        () => {
          settled.set(text, statement);
          return statement;
        },
        (error: unknown) => {
          // A text PostgreSQL refuses to prepare stays with the driver; anything else is tried again next time.
          if (isQueryError(error)) settled.set(text, null);
          else statements.delete(text);
          return null;
        },
      );
      statements.set(text, name);
    }
    return name;
  };

  const execute = (runner: Runner, statement: string, literals: string[], options?: QueryOptions) =>
    runner.query(`EXECUTE ${statement}${literals.length ? `(${literals.join(', ')})` : ''}`, [], options);

  const cachedQuery =
    (runner: Runner, inTransaction: boolean): QueryFn =>
    async (text, params, options) => {
      if (!planCachedTexts.has(text)) return runner.query(text, params, options);
      const literals = (params ?? []).map(literal);
      if (!literals.every((l): l is string => l !== undefined)) return runner.query(text, params, options);
      if (inTransaction) {
        const statement = settled.get(text);
        return statement ? execute(runner, statement, literals, options) : runner.query(text, params, options);
      }
      const statement = await prepare(text);
      if (!statement) return runner.query(text, params, options);
      try {
        return await execute(runner, statement, literals, options);
      } catch (error) {
        if ((error as { code?: string }).code !== UNKNOWN_STATEMENT) throw error;
        statements.delete(text);
        settled.delete(text);
        const again = await prepare(text);
        return again ? execute(runner, again, literals, options) : runner.query(text, params, options);
      }
    };

  const wrap = <T extends object>(target: T, overrides: Partial<Record<string | symbol, unknown>>): T =>
    new Proxy(target, {
      get(t, property) {
        if (property in overrides) return overrides[property];
        const value = Reflect.get(t, property, t);
        // PGlite keeps its state in private fields: its methods must run on the object itself, not on the proxy.
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });

  return wrap(client, {
    query: cachedQuery(client as Runner, false),
    transaction: <T>(callback: (tx: Parameters<Parameters<PGlite['transaction']>[0]>[0]) => Promise<T>) =>
      client.transaction((tx) => callback(wrap(tx, { query: cachedQuery(tx as Runner, true) }))),
  });
}
