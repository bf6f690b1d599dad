import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { formatNavs13, navs13CheckDigit } from '../../src/domain/person/navs13.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Database, queryRows } from '../../src/db/open-db.ts';
import { insertInstitution, insertUser } from '../../src/db/seed/factories.ts';
import type { CaseloadKeys } from '../../src/server/alerts/caseload-key.ts';
import { type CaseloadCaller, uploadCaseload } from '../../src/server/alerts/upload-caseload.ts';
import { type Cluster, startPostgresCluster } from '../test/postgres-cluster.ts';
import { TARGET_OPTIONS, describeTarget, openTarget, parseArgs, targetsFrom } from './bench-target.ts';

/**
 * `npm run bench:caseload` (issue 14): six institutions × 50 000 caseload rows, then a full re-upload of one
 * caseload — its file read, 50 000 pseudonyms computed, the rows replaced, the departures, the alerts closed and
 * raised by the SQL matching — timed end to end through the use case, on PostgreSQL (a throwaway cluster, or
 * --database-url: a fresh database, it creates institutions there) or PGlite (--pglite DIR). Neighbouring
 * institutions share 10 000 persons, so the re-uploaded one is matched with two others (20 000 pairs, 40 000
 * alerts standing); each round drops 1 000 of its persons and takes 1 000 others in, alternately. Goal: < 2 s.
 * Options: --rows N (50000), --institutions N (6), --rounds N (5).
 */
const { values } = parseArgs({
  options: {
    ...TARGET_OPTIONS,
    rows: { type: 'string', default: '50000' },
    institutions: { type: 'string', default: '6' },
    rounds: { type: 'string', default: '5' },
  },
});
const ROWS = Number(values.rows);
const INSTITUTIONS = Number(values.institutions);
const ROUNDS = Number(values.rounds);
const OVERLAP = Math.floor(ROWS / 5);
const GOAL_MS = 2000;
const KEYS: CaseloadKeys = { keys: ['bench-caseload-key-0123456789-0123456789'], file: null, source: 'env' };

const navs = (n: number) => {
  const first12 = `756${String(100_000_000 + n).slice(-9)}`;
  return formatNavs13(`${first12}${navs13CheckDigit(first12)}`);
};
/** Institution k follows persons [k·(ROWS − OVERLAP), … + ROWS): neighbours share OVERLAP persons. */
const caseloadFile = (k: number, shift = 0) => {
  const start = k * (ROWS - OVERLAP);
  const lines = ['navs13;reference;followed_since;laci_end;risk_flags'];
  for (let i = 0; i < ROWS; i++) {
    // A shifted file drops the first `shift` persons of the range and takes as many after it.
    const n = start + ((i + shift) % (ROWS + shift));
    lines.push(`${navs(n)};REF-${k}-${n};2025-0${1 + (n % 9)}-15;;${n % 7 === 0 ? 'health,debts' : ''}`);
  }
  return Buffer.from(lines.join('\n'), 'utf8');
};

async function main() {
  let cluster: Cluster | null = null;
  let [target] = targetsFrom(values);
  if (!target) {
    console.log('No database given: a throwaway PostgreSQL cluster.');
    cluster = await startPostgresCluster();
    target = { kind: 'postgres', url: cluster.url };
  }
  let database: Database | null = null;
  try {
    database = await openTarget(target, 4, true);
    await migrate(database);
    console.log(
      `${describeTarget(target)}: ${INSTITUTIONS} institutions × ${ROWS} rows, ${OVERLAP} shared by neighbours`,
    );
    const callers: { caller: CaseloadCaller; institutionId: string }[] = [];
    for (let k = 0; k < INSTITUTIONS; k++) {
      const institution = await insertInstitution(database.db, { kind: 'orp' });
      const user = await insertUser(database.db, { institutionId: institution.id, roles: ['cii_correspondent'] });
      const db = database.db;
      callers.push({
        institutionId: institution.id,
        caller: {
          db,
          now: () => new Date(),
          ip: 'bench',
          lang: 'fr',
          actor: { userId: user.id, institutionId: institution.id, regionId: null, roles: user.roles },
        },
      });
    }
    const upload = async (k: number, shift = 0) => {
      const { caller, institutionId } = callers[k] as (typeof callers)[number];
      const content = caseloadFile(k, shift);
      const started = performance.now();
      const result = await uploadCaseload(caller, {
        institutionId,
        file: { content, type: 'text/csv' },
        dryRun: false,
        keys: KEYS,
      });
      return { ms: performance.now() - started, result };
    };
    for (let k = 0; k < INSTITUTIONS; k++) {
      const { ms, result } = await upload(k);
      console.log(
        `  first upload ${k + 1}: ${ms.toFixed(0)} ms (${result.accepted} rows, ${result.alertsRaised} alerts)`,
      );
    }
    await database.db.execute(sql`ANALYZE`);
    const [standing] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM alerts WHERE state <> 'closed'`,
    );
    console.log(`  alerts standing: ${standing?.n}`);
    const target_k = Math.min(2, INSTITUTIONS - 1);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { ms, result } = await upload(target_k, round % 2 === 0 ? 1000 : 0);
      times.push(ms);
      console.log(
        `  re-upload of institution ${target_k + 1}, round ${round + 1}: ${ms.toFixed(0)} ms ` +
          `(${result.left} left, ${result.alertsRaised} raised, ${result.alertsClosed} closed for it)`,
      );
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    console.log(
      `\nFull re-upload of one caseload (${ROWS} rows) and its alerts: median ${median.toFixed(0)} ms, ` +
        `best ${sorted[0]?.toFixed(0)} ms, worst ${sorted.at(-1)?.toFixed(0)} ms — goal < ${GOAL_MS} ms: ` +
        `${median < GOAL_MS ? 'met' : 'NOT met'}`,
    );
  } finally {
    await database?.close();
    cluster?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
