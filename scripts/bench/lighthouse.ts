import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse, { desktopConfig } from 'lighthouse';
import { freePort, stopGroup } from './server-process.ts';

/**
 * Lighthouse 12 (performance and accessibility) on the built web app in Debian's Chromium, for the sign-in page,
 * the home page, a situation page and a tandem file (issue 10, decision 015). Goal: ≥ 95 in both, on every page.
 *
 * Used by the benchmark (`runLighthouse` through web-measures.ts), or alone:
 *   npx tsx scripts/bench/lighthouse.ts [--base-url http://127.0.0.1:3000] [--form-factor desktop|mobile] [--runs 3]
 * Without --base-url a server is started (`npm start`'s launcher, builds included) on a temporary PGlite directory
 * with the demo canton, on 127.0.0.1 and a free port, and stopped by its id afterwards. Pages that need a session
 * get the cookie of a demo user signed in through the API (`extraHeaders`).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_PASSWORD = 'Tandem-Demo-2026';
export const LIGHTHOUSE_GOAL = 95;

export type FormFactor = 'desktop' | 'mobile';
export interface LighthouseOptions {
  /** A running built app; without it one is started on a temporary PGlite directory. */
  baseUrl?: string;
  /**
   * desktop (the default: the app is used at office workstations on the canton's network) or mobile (Lighthouse's
   * default: a mid-range phone on a slow 4G connection, the CPU slowed four times).
   */
  formFactor?: FormFactor;
  /** Runs per page; the median performance score counts (1 when quick, else 3). */
  runs?: number;
  quick?: boolean;
  log?: (line: string) => void;
}

export interface PageScores {
  page: string;
  path: string;
  user: string | null;
  formFactor: FormFactor;
  performance: number;
  accessibility: number;
  pass: boolean;
  /** Of the median run, in ms (CLS unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };
  /** Accessibility audits that failed, by id. */
  failedAccessibility: string[];
  /** The performance opportunities Lighthouse names, by id, with the savings it estimates (ms). */
  opportunities: { id: string; ms: number }[];
}

/** The built app on a temporary PGlite directory with the demo canton. */
async function startDemoServer(log: (line: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-lighthouse-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/start/start.mjs'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
    if (Date.now() > deadline) {
      await stopGroup(child);
      throw new Error(`the server did not answer within 5 minutes:\n${output}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`server ${baseUrl} (pid ${child.pid}, PGlite in ${dataDir})`);
  return {
    baseUrl,
    stop: async () => {
      await stopGroup(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with a DevTools port for Lighthouse. */
async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'tandem-lighthouse-chromium-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((done, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error(`Chromium gave no DevTools port:\n${err}`)), 30_000);
    child.stderr?.on('data', (d) => {
      err += d;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.on('exit', () => fail(new Error(`Chromium stopped:\n${err}`)));
  });
  return {
    port,
    stop: async () => {
      await stopGroup(child);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in of ${username}: no cookie`);
  return cookie;
}

async function getJson<T>(baseUrl: string, cookie: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

interface Summary {
  id: string;
  status: string;
}

/** The four pages, found in the demo canton: a situation the coordinator reviews, a tandem file its tandem keeps. */
async function pages(baseUrl: string) {
  const coordinator = 'coord.sion';
  const coordCookie = await signIn(baseUrl, coordinator);
  const { items } = await getJson<{ items: Summary[] }>(baseUrl, coordCookie, '/api/situations?pageSize=50');
  const situation = items.find((s) => s.status === 'under_review') ?? items[0];
  if (!situation) throw new Error(`${coordinator} sees no situation`);

  const member = 'tandem.orp';
  const memberCookie = await signIn(baseUrl, member);
  const own = await getJson<{ items: Summary[] }>(baseUrl, memberCookie, '/api/situations?pageSize=50&status=tandem');
  let tandemFile: Summary | undefined;
  for (const s of own.items) {
    const file = await getJson<{ mandate: unknown }>(baseUrl, memberCookie, `/api/situations/${s.id}/tandem`);
    if (file.mandate) {
      tandemFile = s;
      break;
    }
  }
  if (!tandemFile) throw new Error(`${member} has no tandem file with a mandate`);
  return [
    { page: 'sign-in', path: '/sign-in', user: null, cookie: null },
    { page: 'home', path: '/', user: coordinator, cookie: coordCookie },
    { page: 'situation', path: `/situations/${situation.id}`, user: coordinator, cookie: coordCookie },
    { page: 'tandem file', path: `/situations/${tandemFile.id}`, user: member, cookie: memberCookie },
  ];
}

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);
const medianBy = <T>(values: T[], key: (v: T) => number) =>
  [...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)] as T;

export async function runLighthouse(opts: LighthouseOptions = {}): Promise<PageScores[]> {
  const log = opts.log ?? console.log;
  const formFactor = opts.formFactor ?? 'desktop';
  const runs = opts.runs ?? (opts.quick ? 1 : 3);
  const server = opts.baseUrl ? null : await startDemoServer(log);
  const baseUrl = opts.baseUrl ?? server?.baseUrl ?? '';
  const chromium = await launchChromium();
  const results: PageScores[] = [];
  try {
    for (const p of await pages(baseUrl)) {
      const reports = [];
      // A run Lighthouse could not complete (a runtime error, a metric it could not compute) scores 0: it is
      // logged and run again, twice at most, rather than counted.
      for (let attempt = 0; reports.length < runs && attempt < runs + 2; attempt++) {
        const result = await lighthouse(
          `${baseUrl}${p.path}`,
          {
            port: chromium.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            ...(p.cookie ? { extraHeaders: { Cookie: p.cookie } } : {}),
          },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${p.path}`);
        const failed =
          result.lhr.runtimeError?.code ?? (result.lhr.categories.performance?.score == null && 'no score');
        if (failed) log(`Lighthouse ${p.page}: a run failed (${failed}), run again`);
        else reports.push(result.lhr);
      }
      if (reports.length === 0) throw new Error(`Lighthouse could not complete a run of ${p.path}`);
      const lhr = medianBy(reports, (r) => r.categories.performance?.score ?? 0);
      const audits = lhr.audits;
      const metric = (id: string) =>
        Math.round((audits[id]?.numericValue ?? 0) * (id === 'cumulative-layout-shift' ? 1000 : 1));
      const accessibilityRefs = lhr.categories.accessibility?.auditRefs ?? [];
      const performanceRefs = lhr.categories.performance?.auditRefs ?? [];
      const scores: PageScores = {
        page: p.page,
        path: p.path,
        user: p.user,
        formFactor,
        performance: score(lhr.categories.performance?.score),
        accessibility: score(lhr.categories.accessibility?.score),
        pass: false,
        metrics: {
          fcp: metric('first-contentful-paint'),
          lcp: metric('largest-contentful-paint'),
          tbt: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift') / 1000,
          speedIndex: metric('speed-index'),
        },
        failedAccessibility: accessibilityRefs
          .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
          .map((ref) => ref.id),
        opportunities: performanceRefs
          .map((ref) => ({ id: ref.id, ms: Math.round(audits[ref.id]?.metricSavings?.LCP ?? 0) }))
          .filter((o) => o.ms > 0),
      };
      scores.pass = scores.performance >= LIGHTHOUSE_GOAL && scores.accessibility >= LIGHTHOUSE_GOAL;
      const m = scores.metrics;
      log(
        `Lighthouse ${formFactor}, ${p.page} (${p.user ?? 'signed out'}): ` +
          `performance ${scores.performance}, accessibility ${scores.accessibility} — ` +
          `goal ≥ ${LIGHTHOUSE_GOAL}: ${scores.pass ? 'pass' : 'FAIL'}` +
          ` (FCP ${m.fcp} ms, LCP ${m.lcp} ms, TBT ${m.tbt} ms, CLS ${m.cls}, SI ${m.speedIndex} ms` +
          `${runs > 1 ? `; median of ${reports.map((r) => score(r.categories.performance?.score)).join(', ')}` : ''})` +
          (scores.failedAccessibility.length ? ` failed: ${scores.failedAccessibility.join(', ')}` : ''),
      );
      results.push(scores);
    }
  } finally {
    await chromium.stop();
    await server?.stop();
  }
  return results;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      'form-factor': { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean' },
    },
  });
  const formFactor = (values['form-factor'] ?? 'desktop') as FormFactor;
  if (formFactor !== 'desktop' && formFactor !== 'mobile') throw new Error('--form-factor: desktop or mobile');
  const results = await runLighthouse({
    baseUrl: values['base-url'],
    formFactor,
    runs: values.runs ? Number(values.runs) : undefined,
    quick: values.quick,
  });
  process.exit(results.every((r) => r.pass) ? 0 : 1);
}
