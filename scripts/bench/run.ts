import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, queryRows } from '../../src/db/open-db.ts';
import { getSituation } from '../../src/server/situations/get-situation.ts';
import { listSituations } from '../../src/server/situations/list-situations.ts';
import { type Cluster, startPostgresCluster } from '../test/postgres-cluster.ts';
import { contextFor } from './bench-context.ts';
import { TARGET_OPTIONS, type Target, auditKeyFor, openTarget, targetsFrom } from './bench-target.ts';
import { SITUATIONS_PER_SCALE } from './canton-plan.ts';
import { formatCounts, generateCanton } from './generate-canton.ts';
import { measurePair } from './load.ts';
import { evaluateGoals, formatGoals } from './goals.ts';
import {
  type BenchReport,
  type DatabaseInfo,
  type PairResult,
  compareReports,
  dbTag,
  formatPair,
  gitCommit,
  header,
  machine,
  readReport,
} from './report.ts';
import { type Pair, YEARLY_SQL, YEARLY_TEXT, applicationPairs, figuresPair, listQuery } from './scenarios.ts';
import { webMeasures } from './web-measures.ts';

/**
 * `npm run bench`: ratios measured in one run, A and B alternating (load.ts),
 * at the use-case level, against a generated canton (`npm run bench:data`):
 * PostgreSQL (--database-url or DATABASE_URL), PGlite (--pglite DIR), or both
 * (then also PGlite against PostgreSQL). Without either, a throwaway
 * PostgreSQL cluster is started, a canton of --scale (1) generated, measured
 * and the cluster stopped. Options: --duration S (seconds per side of a pair
 * at each client count), --clients 8,32, --rounds R, --quick, --only TEXT
 * (pairs whose key contains it), --compare OLD.json, --no-web.
 */
const { values } = parseArgs({
  options: {
    ...TARGET_OPTIONS,
    scale: { type: 'string', default: '1' },
    duration: { type: 'string' },
    clients: { type: 'string', default: '8,32' },
    rounds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    compare: { type: 'string' },
    'no-web': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const durationMs = Number(values.duration ?? (quick ? 1 : 6)) * 1000;
const rounds = Number(values.rounds ?? (quick ? 2 : 6));
const clientCounts = values.clients
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const MAX_PER_SLICE = 20_000;

async function describeDatabase(database: Database): Promise<DatabaseInfo> {
  const [row] = await queryRows<{ version: string; n: number }>(
    database.db,
    sql`SELECT current_setting('server_version') AS version, (SELECT count(*) FROM situations)::int AS n`,
  );
  const n = Number(row?.n ?? 0);
  return {
    kind: database.kind,
    version: row?.version.split(' ')[0] ?? '?',
    scale: Math.round((n / SITUATIONS_PER_SCALE) * 100) / 100,
    situations: n,
  };
}

/** Yearly counts through the application's connections against a plain connection with the server's defaults. */
async function yearlyPair(database: Database, url: string, plain: pg.Pool): Promise<Pair> {
  const settings = `SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout,
    current_setting('max_parallel_workers_per_gather') AS parallel`;
  type Settings = { jit: string; timeout: string; parallel: string };
  const [app] = await queryRows<Settings>(database.db, sql.raw(settings));
  const { rows } = await plain.query<Settings>(settings);
  const show = (x: Settings | undefined) => `jit ${x?.jit}, timeout ${x?.timeout}, parallel ${x?.parallel}`;
  return {
    key: 'yearly/connections',
    group: 'yearly',
    title: 'yearly counts (announcement year × region × status) · app connection vs plain connection',
    aLabel: `app pool (${show(app)})`,
    bLabel: `plain (${show(rows[0])})`,
    a: () => queryRows(database.db, YEARLY_SQL),
    b: () => plain.query(YEARLY_TEXT),
    note:
      "the same GROUP BY through the application's connection settings (open-db.ts) " +
      `against server defaults on ${url.replace(/\/\/[^@/]*@/, '//…@')} (the figures themselves: figures/yearly)`,
  };
}

/** The same scenario on PGlite (A) and PostgreSQL (B). */
async function enginePairs(pglite: Database, postgres: Database): Promise<Pair[]> {
  const side = async (database: Database) => {
    const ctx = await contextFor(database.db, 'coord.sion');
    const ids = (await listSituations(ctx, listQuery())).items.map((i) => i.id);
    return { ctx, ids };
  };
  const a = await side(pglite);
  const b = await side(postgres);
  return [
    {
      key: 'engine/list',
      group: 'engine',
      title: 'PGlite (A) against PostgreSQL (B) · list · coordinator · default',
      aLabel: 'PGlite listSituations',
      bLabel: 'PostgreSQL listSituations',
      a: () => listSituations(a.ctx, listQuery()),
      b: () => listSituations(b.ctx, listQuery()),
    },
    {
      key: 'engine/page',
      group: 'engine',
      title: 'PGlite (A) against PostgreSQL (B) · situation page · coordinator',
      aLabel: 'PGlite getSituation',
      bLabel: 'PostgreSQL getSituation',
      a: (n) => getSituation(a.ctx, a.ids[n % a.ids.length]!),
      b: (n) => getSituation(b.ctx, b.ids[n % b.ids.length]!),
    },
  ];
}

async function measure(pairs: Pair[], db: string, context: string, results: PairResult[]) {
  for (const pair of pairs.filter((p) => !values.only || p.key.includes(values.only))) {
    try {
      await pair.a(0);
      await pair.b(0);
    } catch (error) {
      console.log(`${pair.title}\n    not measured: ${(error as Error).message}\n`);
      continue;
    }
    for (const clients of pair.clients ?? clientCounts) {
      const stats = await measurePair(pair.a, pair.b, {
        clients,
        durationMs,
        rounds,
        maxPerSlice: MAX_PER_SLICE,
        budgetMs: Math.max(15_000, 6 * durationMs),
      });
      const { a: _a, b: _b, ...described } = pair;
      const result: PairResult = { ...described, ...stats, db, clients };
      results.push(result);
      console.log(`${formatPair(result, context)}\n`);
    }
  }
}

async function main() {
  let targets: Target[] = targetsFrom(values);
  let cluster: Cluster | null = null;
  const stop = () => cluster?.stop();
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    if (targets.length === 0) {
      console.log(`No database given: a throwaway PostgreSQL cluster, a canton at scale ${values.scale}.`);
      cluster = await startPostgresCluster();
      const target: Target = { kind: 'postgres', url: cluster.url };
      const database = await openTarget(target);
      try {
        const counts = await generateCanton(database, {
          scale: Number(values.scale),
          auditKey: auditKeyFor(target, console.log),
        });
        console.log(`Rows:\n${formatCounts(counts)}\n`);
      } finally {
        await database.close();
      }
      targets = [target];
    }
    const poolSize = Math.max(...clientCounts) + 4;
    const opened = await Promise.all(targets.map(async (t) => ({ t, database: await openTarget(t, poolSize, true) })));
    const infos = await Promise.all(opened.map(({ database }) => describeDatabase(database)));
    const { commit, dirty } = gitCommit();
    // Read before this run's file is written: it may be the same path.
    const old = values.compare ? readReport(values.compare) : null;
    const report: BenchReport = {
      commit,
      dirty,
      date: new Date().toISOString(),
      machine: machine(),
      databases: infos,
      options: { durationMs, rounds, clients: clientCounts, quick, only: values.only ?? null },
      results: [],
      goals: [],
      web: {},
    };
    console.log(`${header(report)}\n`);
    const cores = `${report.machine.cores} cores`;
    try {
      for (const [i, { t, database }] of opened.entries()) {
        // `--only figures` on a lean canton (no grants): the lists' set-up would walk a million rows for nothing.
        const figuresOnly = values.only !== undefined && 'figures/yearly'.includes(values.only);
        const pairs = [...(figuresOnly ? [] : await applicationPairs(database.db)), await figuresPair(database.db)];
        let plain: pg.Pool | null = null;
        if (t.kind === 'postgres') {
          plain = new pg.Pool({ connectionString: t.url, max: poolSize });
          plain.on('error', () => {});
          pairs.push(await yearlyPair(database, t.url, plain));
        }
        try {
          await measure(pairs, infos[i]!.kind, `${dbTag(infos[i]!)} · ${cores}`, report.results);
        } finally {
          await plain?.end();
        }
      }
      const pglite = opened.find((o) => o.t.kind === 'pglite');
      const postgres = opened.find((o) => o.t.kind === 'postgres');
      if (pglite && postgres) {
        const engines = `${dbTag(infos[opened.indexOf(pglite)]!)} vs ${dbTag(infos[opened.indexOf(postgres)]!)}`;
        const context = `${engines} · ${cores}`;
        await measure(
          await enginePairs(pglite.database, postgres.database),
          'pglite-vs-postgres',
          context,
          report.results,
        );
      }
    } finally {
      await Promise.all(opened.map(({ database }) => database.close()));
    }
    report.goals = evaluateGoals(report);
    if (!values['no-web']) {
      const web = await webMeasures(
        {
          databaseUrl: targets.find((t) => t.kind === 'postgres')?.url,
          pgliteDir: targets.find((t): t is Extract<Target, { kind: 'pglite' }> => t.kind === 'pglite')?.dir,
          quick,
        },
        console.log,
      );
      report.goals.push(...web.goals);
      report.web = web.raw;
    }
    console.log(formatGoals(report));
    const kinds = infos.map((d) => d.kind).join('+');
    const variant = `${quick ? '-quick' : ''}${values.only ? `-only-${values.only.replace(/[^\w.-]+/g, '_')}` : ''}`;
    const scale = Math.max(...infos.map((d) => d.scale));
    const file = resolve(`.tmp/bench/${commit}${dirty ? '-dirty' : ''}-${kinds}-scale${scale}${variant}.json`);
    mkdirSync(resolve('.tmp/bench'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nFigures written to ${file}`);
    if (old) console.log(`\n${compareReports(old, report)}`);
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
