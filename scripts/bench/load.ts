import { performance } from 'node:perf_hooks';

/**
 * The load loops of `npm run bench`. A pair compares A (what the application
 * does) with B (a floor, or the same work without one part) in one run: time
 * is cut into slices, A and B take turns in the order A B B A A B … so that
 * whatever else the machine does at the time hits both alike. In a slice,
 * `clients` async loops send requests back to back; each loop stops at the end
 * of the slice or when the slice's request budget is spent, and the slice ends
 * when its requests in flight have answered. A pair that overruns its time
 * budget (a very slow A) stops after the current slice and says so.
 */
export interface LoadOptions {
  clients: number;
  /** Time given to each side, in ms, split over the rounds. */
  durationMs: number;
  rounds: number;
  /** At most this many requests per slice. */
  maxPerSlice: number;
  /** Stop the pair after this long, whatever is left. */
  budgetMs: number;
}

export interface SideStats {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  firstError?: string;
}

export interface PairStats {
  a: SideStats;
  b: SideStats;
  /** A's throughput over B's. */
  throughputRatio: number;
  /** A's p95 over B's. */
  p95Ratio: number;
  /** The pair ran out of its time budget before every slice ran. */
  truncated: boolean;
}

/** A request: `n` counts the requests of this side, to rotate over ids. */
export type Request = (n: number) => Promise<unknown>;

interface Slice {
  latencies: number[];
  errors: number;
  ms: number;
  firstError?: string;
}

async function runSlice(request: Request, counter: { n: number }, o: LoadOptions, sliceMs: number): Promise<Slice> {
  const start = performance.now();
  const end = start + sliceMs;
  const latencies: number[] = [];
  let issued = 0;
  let errors = 0;
  let firstError: string | undefined;
  const loop = async () => {
    while (performance.now() < end && issued < o.maxPerSlice) {
      issued += 1;
      const t0 = performance.now();
      try {
        await request(counter.n++);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: o.clients }, loop));
  return { latencies, errors, ms: performance.now() - start, firstError };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;

function statsOf(slices: Slice[]): SideStats {
  const latencies = slices.flatMap((s) => s.latencies).sort((x, y) => x - y);
  const seconds = slices.reduce((sum, s) => sum + s.ms, 0) / 1000;
  const errors = slices.reduce((sum, s) => sum + s.errors, 0);
  return {
    requests: latencies.length,
    errors,
    seconds,
    throughput: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    mean: latencies.length ? latencies.reduce((s, x) => s + x, 0) / latencies.length : Number.NaN,
    firstError: slices.find((s) => s.firstError)?.firstError,
  };
}

export async function measurePair(a: Request, b: Request, o: LoadOptions): Promise<PairStats> {
  const sliceMs = o.durationMs / o.rounds;
  const slices = { a: [] as Slice[], b: [] as Slice[] };
  const counters = { a: { n: 0 }, b: { n: 0 } };
  const started = performance.now();
  let truncated = false;
  // A B, B A, A B, …: each side goes first as often as second.
  const order = Array.from({ length: o.rounds }, (_, i) => (i % 2 === 0 ? ['a', 'b'] : ['b', 'a'])).flat() as (
    | 'a'
    | 'b'
  )[];
  for (const [i, side] of order.entries()) {
    if (performance.now() - started > o.budgetMs && i % 2 === 0) {
      truncated = true;
      break;
    }
    slices[side].push(await runSlice(side === 'a' ? a : b, counters[side], o, sliceMs));
  }
  const sa = statsOf(slices.a);
  const sb = statsOf(slices.b);
  return {
    a: sa,
    b: sb,
    throughputRatio: sb.throughput > 0 ? sa.throughput / sb.throughput : Number.NaN,
    p95Ratio: sa.p95 / sb.p95,
    truncated,
  };
}
