import { sql } from 'drizzle-orm';
import { migrate } from '../../src/db/migrate.ts';
import { type Database, queryRows } from '../../src/db/open-db.ts';
import { rebuildAllGrants } from '../../src/db/situation-grants.ts';
import { ensureMeasureCatalogue } from '../../src/db/seed/measure-catalogue.ts';
import { isDatabaseEmpty } from '../../src/db/seed/seed.ts';
import { sealAllPending } from '../../src/server/audit/seal-audit-chain.ts';
import { insertTimelineAndAudit, sealBulkAudit } from './canton-audit.ts';
import { seedOrganisation } from './canton-organisation.ts';
import { SITUATIONS_PER_SCALE, planSituations } from './canton-plan.ts';
import { insertPersonsAndSituations } from './canton-situations.ts';
import { insertCarePassages } from './canton-care.ts';
import { insertTandemWork } from './canton-tandems.ts';
import { type Loader, loaderFor } from './loader.ts';
import type { Generation } from './sql-random.ts';

/**
 * `npm run bench:data`: a realistic canton of scale N (N = 1: 2,000
 * situations; 50: 100,000 situations and persons, about 20,000 mandates,
 * 400,000 meetings, 50,000 measures and 2 million audit rows) in bulk SQL on an
 * empty database: migrations, the demo canton's organisation and users, more
 * users with the scale, then one INSERT … SELECT per table from a seeded plan,
 * the audit rows sealed into the keyed chain, statistics refreshed.
 */
export const DEFAULT_SEED = 1;
/** Fixed, so that two runs give the same canton; `--as-of` moves it. */
export const DEFAULT_AS_OF = new Date('2026-11-30T12:00:00Z');

export const COUNTED_TABLES = [
  'users',
  'tandems',
  'persons',
  'situations',
  'consents',
  'case_team_members',
  'situation_events',
  'mandates',
  'meetings',
  'objectives',
  'monthly_reports',
  'final_reports',
  'insertion_follow_ups',
  'care_passages',
  'measures',
  'measure_decisions',
  'situation_grants',
  'audit_log',
  'audit_chain',
] as const;
export type CantonCounts = Record<(typeof COUNTED_TABLES)[number], number>;

export interface GenerateOptions {
  scale: number;
  seed?: number;
  asOf?: Date;
  /** The audit key the chain is sealed with: the one the application will start with. */
  auditKey: Uint8Array;
  /**
   * Only the rows the figures read (situations, persons, procurations, care passages, mandates, meetings,
   * measures): no grants, timelines nor audit rows. For the figures at a million situations (issue 13), where
   * those would take an hour to write and the figures never read them; the lists then show nothing.
   */
  lean?: boolean;
  log?: (line: string) => void;
}

export async function generateCanton(database: Database, o: GenerateOptions): Promise<CantonCounts> {
  const log = o.log ?? ((line: string) => console.log(line));
  if (!(o.scale > 0))
    throw new Error(`--scale must be a positive number (1, 10, 50; fractions for tests), not ${o.scale}`);
  const g: Generation = { seed: o.seed ?? DEFAULT_SEED, scale: o.scale, asOf: o.asOf ?? DEFAULT_AS_OF };
  const situations = Math.max(1, Math.round(SITUATIONS_PER_SCALE * g.scale));
  const started = Date.now();
  log(
    `Generating a canton at scale ${g.scale} (${situations.toLocaleString('en')} situations) on ${database.kind}, ` +
      `seed ${g.seed}, as of ${g.asOf.toISOString()}`,
  );
  await migrate(database);
  if (!(await isDatabaseEmpty(database.db))) {
    throw new Error('The database already has users: bench data goes into an empty database (drop and recreate it).');
  }
  await ensureMeasureCatalogue(database.db);
  // Whatever the migrations left pending is sealed the application's way, before the bulk rows arrive.
  await sealAllPending(database.db, o.auditKey);
  const loader = loaderFor(database, log);
  await seedOrganisation(loader, g);
  await withoutGrantTriggers(loader, async () => {
    await planSituations(loader, g, situations);
    await insertPersonsAndSituations(loader, g);
    await insertTandemWork(loader, g);
    await insertCarePassages(loader, g);
  });
  if (o.lean) {
    log('  lean: no grants, timelines nor audit rows (--lean)');
    return finish(database, loader, started, log);
  }
  // The grants the triggers would have written row by row, from the same rules, in one statement per rule.
  const tg = Date.now();
  await rebuildAllGrants(database.db);
  log(`  ${'situation grants rebuilt'.padEnd(34)} ${`${((Date.now() - tg) / 1000).toFixed(1)} s`.padStart(8)}`);
  await insertTimelineAndAudit(loader, g, situations);
  const t0 = Date.now();
  const sealed = await sealBulkAudit(database.db, o.auditKey, log);
  log(
    `  ${'audit chain sealed'.padEnd(34)} ${`${((Date.now() - t0) / 1000).toFixed(1)} s`.padStart(8)}   ` +
      `(${sealed.toLocaleString('en')} links)`,
  );
  return finish(database, loader, started, log);
}

async function finish(database: Database, loader: Loader, started: number, log: (line: string) => void) {
  await loader.exec('drop helper tables', 'DROP SCHEMA bench_gen CASCADE;');
  await loader.maintenance('vacuum analyze', 'VACUUM ANALYZE');
  const counts = await countRows(database);
  log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return counts;
}

/**
 * The grants table is kept by row triggers (migration 0009) that rewrite a
 * situation's grants at each change: right for a request, far too slow for
 * 100,000 rows inserted at once. They are disabled for the bulk steps and
 * enabled again (also on failure) before the grants are rebuilt in bulk.
 */
async function withoutGrantTriggers(loader: Loader, run: () => Promise<void>) {
  const triggers = await loader.rows<{ tbl: string; name: string }>(
    `SELECT tgrelid::regclass::text AS tbl, tgname AS name FROM pg_trigger
     WHERE NOT tgisinternal AND tgfoid::regproc::text LIKE 'tandem_grants_%' ORDER BY 1, 2`,
  );
  const alter = (what: 'DISABLE' | 'ENABLE') =>
    triggers.map((t) => `ALTER TABLE ${t.tbl} ${what} TRIGGER "${t.name}";`).join('\n');
  if (triggers.length) await loader.exec(`grant triggers off (${triggers.length})`, alter('DISABLE'));
  try {
    await run();
  } finally {
    if (triggers.length) await loader.exec('grant triggers on', alter('ENABLE'));
  }
}

export async function countRows(database: Database): Promise<CantonCounts> {
  const [row] = await queryRows<Record<string, number | string>>(
    database.db,
    sql.raw(`SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`),
  );
  return Object.fromEntries(COUNTED_TABLES.map((t) => [t, Number(row![t])])) as CantonCounts;
}

export function formatCounts(counts: CantonCounts): string {
  return COUNTED_TABLES.map((t) => `  ${t.padEnd(22)} ${counts[t].toLocaleString('en').padStart(11)}`).join('\n');
}
