import { type BenchReport, type Goal, type PairResult, dbTag } from './report.ts';

/**
 * The issue's goals, judged on one run's ratios (never a test assertion: a
 * shared machine makes timed tests flaky):
 * - every list (each caller, each variant, name search included) at least 25 %
 *   of its floor's throughput at 32 clients, and its p95 under 10× the floor's;
 * - the situation page at least 40 % of its floor's throughput;
 * - the audit row costs at most 1.3× the same read without it.
 * They apply at scale 50 on PostgreSQL and 10 on PGlite; elsewhere the verdict says so.
 * - Issue 13: the yearly figures over a million situations (scale 500, `bench:data --lean`) within 1 s on
 *   PostgreSQL and 3 s on PGlite, one reader at a time (their median), with the ratio to the bare GROUP BY.
 * The highest client count measured stands in when 32 was not.
 */
export const GOALS = { listThroughput: 0.25, listP95: 10, pageThroughput: 0.4, auditCost: 1.3 } as const;
/** Issue 13: the yearly figures' median wait at one client, in ms, over at least FIGURES_SITUATIONS situations. */
export const FIGURES_GOAL_MS = { postgres: 1000, pglite: 3000 } as const;
export const FIGURES_SITUATIONS = 1_000_000;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function evaluateGoals(report: BenchReport): Goal[] {
  const goals: Goal[] = [];
  for (const info of report.databases) {
    const mine = report.results.filter((r) => r.db === info.kind);
    if (!mine.length) continue;
    const figures = mine.find((r) => r.group === 'figures' && r.clients === 1);
    if (figures) {
      const limit = FIGURES_GOAL_MS[info.kind];
      const big = info.situations >= FIGURES_SITUATIONS;
      goals.push({
        name: `yearly figures < ${limit / 1000} s (${figures.key})`,
        pass: figures.a.errors || figures.a.requests === 0 ? false : figures.a.p50 < limit,
        detail:
          `median ${Math.round(figures.a.p50)} ms, ×${(figures.a.p50 / figures.b.p50).toFixed(1)} the bare GROUP BY ` +
          `(${Math.round(figures.b.p50)} ms), 1 client${figures.a.errors ? `, ${figures.a.errors} errors` : ''} ` +
          `[${dbTag(info)}, ${info.situations.toLocaleString('en')} situations` +
          `${big ? '' : ' — the goal applies at 1,000,000 situations: bench:data --scale 500 --lean'}]`,
      });
    }
    const loaded = mine.filter((r) => r.group !== 'figures');
    if (!loaded.length) continue;
    const clients = loaded.some((r) => r.clients === 32) ? 32 : Math.max(...loaded.map((r) => r.clients));
    const at = loaded.filter((r) => r.clients === clients);
    // Issue 10, "Done when": scale 50 on PostgreSQL, scale 10 on PGlite.
    const applies = info.scale >= (info.kind === 'postgres' ? 50 : 10);
    const where =
      `${dbTag(info)}, ${clients} clients` +
      `${applies ? '' : ' — the goal applies at scale 50 (PostgreSQL), 10 (PGlite)'}`;
    const judge = (r: PairResult, name: string, pass: boolean, detail: string) =>
      goals.push({
        name: `${name} (${r.key})`,
        pass: r.a.errors || r.b.errors || r.a.requests === 0 ? false : pass,
        detail:
          `${detail}${r.a.errors ? `, ${r.a.errors} errors` : ''}` +
          `${r.a.requests === 0 ? ', no request finished' : ''} [${where}]`,
      });
    for (const r of at.filter((x) => x.group === 'list')) {
      judge(
        r,
        `list ≥ ${pct(GOALS.listThroughput)} of its floor, p95 < ${GOALS.listP95}×`,
        r.throughputRatio >= GOALS.listThroughput && r.p95Ratio < GOALS.listP95,
        `${pct(r.throughputRatio)} of the floor, p95 ×${r.p95Ratio.toFixed(1)}`,
      );
    }
    for (const r of at.filter((x) => x.group === 'page')) {
      judge(
        r,
        `situation page ≥ ${pct(GOALS.pageThroughput)} of its floor`,
        r.throughputRatio >= GOALS.pageThroughput,
        `${pct(r.throughputRatio)} of the floor`,
      );
    }
    for (const r of at.filter((x) => x.group === 'audit')) {
      const cost = r.b.throughput / r.a.throughput;
      judge(
        r,
        `audit row costs ≤ ${GOALS.auditCost}× the read without it`,
        cost <= GOALS.auditCost,
        `×${cost.toFixed(2)} (throughput without / with), p50 ×${(r.a.p50 / r.b.p50).toFixed(2)}`,
      );
    }
  }
  return goals;
}

export function formatGoals(report: BenchReport): string {
  const verdict = (g: Goal) => (g.pass === null ? '  --  ' : g.pass ? ' PASS ' : ' FAIL ');
  const m = report.machine;
  return [
    `Goals · commit ${report.commit} · ${m.cores} cores, ${m.cpu}, ${m.ramGiB} GiB · ` +
      `${report.databases.map(dbTag).join(', ')}`,
    ...report.goals.map((g) => `  [${verdict(g)}] ${g.name}: ${g.detail}`),
  ].join('\n');
}
