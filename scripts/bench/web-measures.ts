import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Goal } from './report.ts';

/**
 * The start and web-app figures come from ./start-time.ts (measureStart, and
 * an idle-memory measure) and ./lighthouse.ts (runLighthouse), written beside
 * this bench. They are imported when present; otherwise the goals print "not
 * measured". Their answers are read defensively: what they return is theirs.
 */
const here = dirname(fileURLToPath(import.meta.url));

type Loose = Record<string, unknown>;
const asList = (x: unknown): Loose[] =>
  Array.isArray(x) ? (x as Loose[]) : x && typeof x === 'object' ? [x as Loose] : [];

async function load(file: string): Promise<Loose | null> {
  const path = join(here, file);
  if (!existsSync(path)) return null;
  return (await import(path)) as Loose;
}

export interface WebOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  quick: boolean;
}

export async function webMeasures(o: WebOptions, log: (line: string) => void) {
  const goals: Goal[] = [];
  const raw: Record<string, unknown> = {};
  const start = await load('start-time.ts').catch((e: Error) => ({ error: e.message }) as Loose);
  if (!start || typeof start.measureStart !== 'function') {
    const why = start?.error ? `not measured: ${String(start.error)}` : 'not measured: module missing';
    goals.push({ name: 'warm start (start-time.ts)', pass: null, detail: why });
    goals.push({ name: 'idle memory (start-time.ts)', pass: null, detail: why });
  } else {
    try {
      const results = asList(await (start.measureStart as (x: WebOptions) => Promise<unknown>)(o));
      raw.start = results;
      for (const r of results) {
        log(`start: ${JSON.stringify(r)}`);
        goals.push({
          name: `warm start, ${String(r.kind ?? '?')}: under ${String(r.goalMs ?? '?')} ms`,
          pass: typeof r.pass === 'boolean' ? r.pass : null,
          detail: `${String(r.ms ?? '?')} ms`,
        });
      }
      const rss = Object.entries(start).find(([name, f]) => /rss|memory/i.test(name) && typeof f === 'function');
      if (rss) {
        const results = asList(await (rss[1] as (x: WebOptions) => Promise<unknown>)(o));
        raw.idleMemory = results;
        for (const r of results) {
          log(`idle memory: ${JSON.stringify(r)}`);
          goals.push({
            name: `idle memory${r.kind ? `, ${String(r.kind)}` : ''} (${rss[0]})`,
            pass: typeof r.pass === 'boolean' ? r.pass : null,
            detail: JSON.stringify(r),
          });
        }
      } else goals.push({ name: 'idle memory', pass: null, detail: 'not measured: no memory measure exported' });
    } catch (error) {
      goals.push({ name: 'warm start', pass: null, detail: `not measured: ${(error as Error).message}` });
    }
  }

  const lighthouse = await load('lighthouse.ts').catch((e: Error) => ({ error: e.message }) as Loose);
  if (!lighthouse || typeof lighthouse.runLighthouse !== 'function') {
    goals.push({
      name: 'Lighthouse performance and accessibility ≥ 95',
      pass: null,
      detail: lighthouse?.error ? `not measured: ${String(lighthouse.error)}` : 'not measured: module missing',
    });
    return { goals, raw };
  }
  try {
    const scores = (await (lighthouse.runLighthouse as (x: WebOptions) => Promise<unknown>)(o)) as unknown;
    raw.lighthouse = scores;
    const pages = Array.isArray(scores)
      ? (scores as Loose[]).map((s) => [String(s.page ?? s.name ?? s.url ?? '?'), s] as const)
      : Object.entries((scores ?? {}) as Record<string, Loose>);
    for (const [page, s] of pages) {
      const found = ['performance', 'accessibility'].map((cat) => {
        const v = Number((s as Loose)[cat] ?? ((s as Loose).scores as Loose | undefined)?.[cat]);
        return [cat, Number.isFinite(v) ? (v <= 1 ? v * 100 : v) : Number.NaN] as const;
      });
      const known = found.every(([, v]) => Number.isFinite(v));
      goals.push({
        name: `Lighthouse ${page}: performance and accessibility ≥ 95`,
        pass: known ? found.every(([, v]) => v >= 95) : null,
        detail: found.map(([c, v]) => `${c} ${Number.isFinite(v) ? v.toFixed(0) : '?'}`).join(', '),
      });
    }
  } catch (error) {
    goals.push({ name: 'Lighthouse', pass: null, detail: `not measured: ${(error as Error).message}` });
  }
  return { goals, raw };
}
