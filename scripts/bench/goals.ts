import { type BenchReport, type Goal, type PairResult, dbTag } from './report.ts';

/**
 * The issue's goals, judged on one run's ratios (never a test assertion: a
 * shared machine makes timed tests flaky):
 * - every list (each caller, each variant, name search included) at least 25 %
 *   of its floor's throughput at 32 clients, and its p95 under 10× the floor's;
 * - the situation page at least 40 % of its floor's throughput;
 * - the audit row costs at most 1.3× the same read without it.
 * They apply at scale 50 on PostgreSQL and 10 on PGlite; elsewhere the verdict says so.
 * The highest client count measured stands in when 32 was not.
 */
export const GOALS = { listThroughput: 0.25, listP95: 10, pageThroughput: 0.4, auditCost: 1.3 } as const;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function evaluateGoals(report: BenchReport): Goal[] {
  const goals: Goal[] = [];
  for (const info of report.databases) {
    const mine = report.results.filter((r) => r.db === info.kind);
    if (!mine.length) continue;
    const clients = mine.some((r) => r.clients === 32) ? 32 : Math.max(...mine.map((r) => r.clients));
    const at = mine.filter((r) => r.clients === clients);
    // Issue 10, "Done when": scale 50 on PostgreSQL, scale 10 on PGlite.
    const applies = info.scale >= (info.kind === 'postgres' ? 50 : 10);
    const where = `${dbTag(info)}, ${clients} clients${applies ? '' : ' — the goal applies at scale 50 (PostgreSQL), 10 (PGlite)'}`;
    const judge = (r: PairResult, name: string, pass: boolean, detail: string) =>
      goals.push({
        name: `${name} (${r.key})`,
        pass: r.a.errors || r.b.errors || r.a.requests === 0 ? false : pass,
        detail: `${detail}${r.a.errors ? `, ${r.a.errors} errors` : ''}${r.a.requests === 0 ? ', no request finished' : ''} [${where}]`,
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
    `Goals · commit ${report.commit} · ${m.cores} cores, ${m.cpu}, ${m.ramGiB} GiB · ${report.databases.map(dbTag).join(', ')}`,
    ...report.goals.map((g) => `  [${verdict(g)}] ${g.name}: ${g.detail}`),
  ].join('\n');
}
