import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { PairStats, SideStats } from './load.ts';

/**
 * What `npm run bench` prints and keeps: the context of every figure (commit,
 * machine, database and scale), one line per side of a pair and the ratios,
 * the goals as PASS/FAIL, a JSON file per run for comparison between commits,
 * and `--compare OLD.json`.
 */
export interface Machine {
  cores: number;
  cpu: string;
  ramGiB: number;
  node: string;
}
export interface DatabaseInfo {
  kind: 'postgres' | 'pglite';
  version: string;
  scale: number;
  situations: number;
}
export interface PairResult extends PairStats {
  key: string;
  group: string;
  title: string;
  db: string;
  clients: number;
  aLabel: string;
  bLabel: string;
  note?: string;
}
export interface Goal {
  name: string;
  pass: boolean | null;
  detail: string;
}
export interface BenchReport {
  commit: string;
  dirty: boolean;
  date: string;
  machine: Machine;
  databases: DatabaseInfo[];
  options: Record<string, unknown>;
  results: PairResult[];
  goals: Goal[];
  web: Record<string, unknown>;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}

export function gitCommit(): { commit: string; dirty: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    return {
      commit: git('rev-parse', '--short=10', 'HEAD'),
      dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

export const dbTag = (d: DatabaseInfo) =>
  `${d.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} ${d.version} · scale ${d.scale}`;

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '–');
const rate = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const side = (label: string, s: SideStats) =>
  `${label.padEnd(30)} ${rate(s.throughput).padStart(8)} req/s   p50 ${ms(s.p50).padStart(7)}  p95 ${ms(s.p95).padStart(7)}  p99 ${ms(s.p99).padStart(7)} ms   n=${s.requests}${s.errors ? `  ERRORS ${s.errors}: ${s.firstError}` : ''}`;

export function formatPair(r: PairResult, context: string): string {
  const pct = Number.isFinite(r.throughputRatio) ? `${(r.throughputRatio * 100).toFixed(1)} %` : '–';
  const p95 = Number.isFinite(r.p95Ratio) ? `×${r.p95Ratio.toFixed(2)}` : '–';
  return [
    `${r.title}  [${r.clients} clients · ${context}]`,
    `    A ${side(r.aLabel, r.a)}`,
    `    B ${side(r.bLabel, r.b)}`,
    `    A/B: throughput ${pct}, p95 ${p95}${r.truncated ? '   (stopped early: over its time budget)' : ''}${r.note ? `\n    note: ${r.note}` : ''}`,
  ].join('\n');
}

export function header(report: Pick<BenchReport, 'commit' | 'dirty' | 'date' | 'machine' | 'databases'>): string {
  const m = report.machine;
  return [
    `Tandem bench · commit ${report.commit}${report.dirty ? ' (uncommitted changes)' : ''} · ${report.date}`,
    `Machine: ${m.cores} cores, ${m.cpu}, ${m.ramGiB} GiB RAM, Node ${m.node}`,
    ...report.databases.map((d) => `Database: ${dbTag(d)} (${d.situations.toLocaleString('en')} situations)`),
  ].join('\n');
}

/** Old and new figures of the pairs both runs measured. */
export function compareReports(old: BenchReport, now: BenchReport): string {
  const lines = [
    `Compared with ${old.commit} (${old.date}; ${old.databases.map(dbTag).join(', ')}; ${old.machine.cores} cores):`,
  ];
  const before = new Map(old.results.map((r) => [`${r.db}|${r.key}|${r.clients}`, r]));
  for (const r of now.results) {
    const o = before.get(`${r.db}|${r.key}|${r.clients}`);
    if (!o) continue;
    const change = (a: number, b: number) =>
      a > 0 ? `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)} %` : '–';
    lines.push(
      `  ${`${r.key} · ${r.clients} cl · ${r.db}`.padEnd(46)} A ${rate(o.a.throughput)} → ${rate(r.a.throughput)} req/s (${change(o.a.throughput, r.a.throughput)}), p95 ${ms(o.a.p95)} → ${ms(r.a.p95)} ms; A/B ${(o.throughputRatio * 100).toFixed(0)} % → ${(r.throughputRatio * 100).toFixed(0)} %`,
    );
  }
  if (lines.length === 1) lines.push('  (no pair in common)');
  return lines.join('\n');
}

export const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as BenchReport;
