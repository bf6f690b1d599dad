import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, stopGroup } from './server-process.ts';

/**
 * How long `npm start` takes until it answers /api/health, and how much memory the server then holds idle
 * (issue 10, decision 015). Goals: a warm start under 3 s on PGlite and under 2 s on PostgreSQL; under 400 MB
 * resident idle. Each start is a real `npm start` in a process group of its own, stopped by its id.
 *
 * Used by the benchmark (scripts/bench/run.ts through web-measures.ts: `measureStart`, `measureIdleRss`), or alone:
 *   npx tsx scripts/bench/start-time.ts [--runs 5] [--via npm|node|tsx] [--idle 30] [--pglite DIR] [--database-url URL]
 * Without --pglite a temporary PGlite directory is created (its first start seeds the demo canton); with
 * DATABASE_URL (or --database-url) PostgreSQL is measured too — AUDIT_KEY or AUDIT_KEY_FILE as the server needs
 * them, else .tmp/bench/audit.key (created) as the other bench scripts do.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const START_GOAL_MS = { pglite: 3_000, postgres: 2_000 } as const;
export const IDLE_RSS_GOAL_MB = 400;
const BENCH_KEY_FILE = join(ROOT, '.tmp/bench/audit.key');

type Kind = 'pglite' | 'postgres';
/** npm: `npm start` as a user types it; node: the launcher without npm; tsx: the sources through tsx (as before). */
export type Via = 'npm' | 'node' | 'tsx';

export interface StartOptions {
  /** PostgreSQL is measured too when given (else DATABASE_URL of the environment, when `useEnv`). */
  databaseUrl?: string;
  /** A PGlite data directory to start on; without it a temporary one (removed after). */
  pgliteDir?: string;
  /** Fewer runs (2 instead of 5) and a shorter idle wait. */
  quick?: boolean;
  runs?: number;
  via?: Via;
  /** Seconds the server stays idle before its memory is read (measureIdleRss). */
  idleSeconds?: number;
  log?: (line: string) => void;
}

export interface StartResult {
  kind: Kind;
  /** Median of the warm starts, spawn to the first 200 of /api/health. */
  ms: number;
  goalMs: number;
  pass: boolean;
  runs: number[];
  /** The start that prepared the database (and built what was stale), not counted. */
  firstStartMs: number;
  via: Via;
  machine: string;
}

export interface IdleRssResult {
  kind: Kind;
  /** Resident memory of the server process, in MB, after `idleSeconds` without requests. */
  rssMb: number;
  goalMb: number;
  pass: boolean;
  after: 'first start' | 'warm start';
  idleSeconds: number;
  /** Every process of the start (npm, sh, node) together. */
  treeMb: number;
  machine: string;
}

const machine = () => `${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`;

interface Target {
  kind: Kind;
  env: Record<string, string>;
  cleanup(): void;
}

function pgliteTarget(dir?: string): Target {
  const dataDir = dir ? resolve(dir) : mkdtempSync(join(tmpdir(), 'tandem-start-'));
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    cleanup: () => {
      if (!dir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function postgresTarget(url: string): Target {
  const env: Record<string, string> = { DATABASE_URL: url };
  if (!process.env.AUDIT_KEY && !process.env.AUDIT_KEY_FILE) {
    if (!existsSync(BENCH_KEY_FILE)) {
      mkdirSync(dirname(BENCH_KEY_FILE), { recursive: true });
      writeFileSync(BENCH_KEY_FILE, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    }
    env.AUDIT_KEY_FILE = BENCH_KEY_FILE;
  }
  return { kind: 'postgres', env, cleanup: () => {} };
}

function targets(opts: StartOptions): Target[] {
  const list = [pgliteTarget(opts.pgliteDir)];
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (url) list.push(postgresTarget(url));
  return list;
}

const COMMANDS: Record<Via, [string, string[]]> = {
  npm: ['npm', ['start', '--silent']],
  node: [process.execPath, ['scripts/start/start.mjs']],
  tsx: [process.execPath, ['--import', 'tsx', 'src/server/main.ts']],
};

interface Started {
  child: ChildProcess;
  ms: number;
  output: () => string;
  port: number;
}

/** Spawns a start in its own process group and waits for /api/health; throws with its output if it dies. */
async function start(target: Target, via: Via, timeoutMs: number): Promise<Started> {
  const port = await freePort();
  const [command, args] = COMMANDS[via];
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...target.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = t0 + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server stopped (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return { child, ms: Math.round(performance.now() - t0), output: () => output, port };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await stopGroup(child);
  throw new Error(`no answer on /api/health within ${timeoutMs} ms:\n${output}`);
}

/** The processes of a group (Linux /proc): pid, resident MB, command line. */
function groupProcesses(pgid: number) {
  const found: { pid: number; rssMb: number; command: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state, ppid, pgrp, …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      found.push({ pid: Number(name), rssMb: Math.round(rssKb / 1024), command });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
};

/**
 * Warm starts: one start first prepares the database (creates and seeds a new PGlite directory, migrates) and
 * builds what is stale; then `runs` starts on the prepared database, each stopped before the next.
 */
export async function measureStart(opts: StartOptions = {}): Promise<StartResult[]> {
  const log = opts.log ?? console.log;
  const via = opts.via ?? 'npm';
  const runs = opts.runs ?? (opts.quick ? 2 : 5);
  const results: StartResult[] = [];
  for (const target of targets(opts)) {
    try {
      const first = await start(target, via, 300_000);
      await stopGroup(first.child);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const warm = await start(target, via, 60_000);
        times.push(warm.ms);
        await stopGroup(warm.child);
      }
      const ms = median(times);
      const goalMs = START_GOAL_MS[target.kind];
      const result = {
        kind: target.kind,
        ms,
        goalMs,
        pass: ms < goalMs,
        runs: times,
        firstStartMs: first.ms,
        via,
        machine: machine(),
      };
      log(
        `warm start (${via === 'npm' ? 'npm start' : via}), ${target.kind}: ${ms} ms median of ${times.join(', ')}` +
          ` — goal under ${goalMs} ms: ${result.pass ? 'pass' : 'FAIL'}` +
          ` (first start ${first.ms} ms; ${result.machine})`,
      );
      results.push(result);
    } finally {
      target.cleanup();
    }
  }
  return results;
}

/**
 * Resident memory of the server process after it has been idle `idleSeconds` (30; 10 when quick): after the first
 * start of a new PGlite directory (which creates and seeds the database, in a process apart) and after a warm start; on
 * PostgreSQL after a warm start.
 */
export async function measureIdleRss(opts: StartOptions = {}): Promise<IdleRssResult[]> {
  const log = opts.log ?? console.log;
  const via = opts.via ?? 'npm';
  const idleSeconds = opts.idleSeconds ?? (opts.quick ? 10 : 30);
  const results: IdleRssResult[] = [];
  for (const target of targets(opts)) {
    try {
      const phases: IdleRssResult['after'][] =
        target.kind === 'pglite' && !opts.pgliteDir ? ['first start', 'warm start'] : ['warm start'];
      for (const after of phases) {
        const started = await start(target, via, 300_000);
        await new Promise((r) => setTimeout(r, idleSeconds * 1_000));
        const group = started.child.pid ? groupProcesses(started.child.pid) : [];
        const server = group.reduce((big, p) => (p.rssMb > big.rssMb ? p : big), { pid: 0, rssMb: 0, command: '' });
        await stopGroup(started.child);
        const result: IdleRssResult = {
          kind: target.kind,
          rssMb: server.rssMb,
          goalMb: IDLE_RSS_GOAL_MB,
          pass: server.rssMb > 0 && server.rssMb < IDLE_RSS_GOAL_MB,
          after,
          idleSeconds,
          treeMb: group.reduce((sum, p) => sum + p.rssMb, 0),
          machine: machine(),
        };
        log(
          `idle memory, ${target.kind}, after the ${after}: ${result.rssMb} MB resident ` +
            `(all its processes ${result.treeMb} MB) after ${idleSeconds} s idle — ` +
            `goal under ${IDLE_RSS_GOAL_MB} MB: ${result.pass ? 'pass' : 'FAIL'}`,
        );
        results.push(result);
      }
    } finally {
      target.cleanup();
    }
  }
  return results;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      via: { type: 'string' },
      idle: { type: 'string' },
      pglite: { type: 'string' },
      'database-url': { type: 'string' },
      quick: { type: 'boolean' },
      'no-memory': { type: 'boolean' },
    },
  });
  const via = (values.via ?? 'npm') as Via;
  if (!(via in COMMANDS)) throw new Error(`--via: npm, node or tsx, not ${via}`);
  const opts: StartOptions = {
    via,
    quick: values.quick,
    runs: values.runs ? Number(values.runs) : undefined,
    idleSeconds: values.idle ? Number(values.idle) : undefined,
    pgliteDir: values.pglite,
    databaseUrl: values['database-url'],
  };
  const starts = await measureStart(opts);
  const memory = values['no-memory'] ? [] : await measureIdleRss(opts);
  process.exit([...starts, ...memory].every((r) => r.pass) ? 0 : 1);
}
