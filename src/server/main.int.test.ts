import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCheckpoints } from '../domain/audit/checkpoint.ts';
import { TEST_AUDIT_KEY, openTestDatabase } from '../test/int-harness.ts';
import { buildWeb, freePort, signInOver, startServer, stopServers, waitForHealth } from '../test/server-process.ts';
import { auditMac } from './audit/audit-mac.ts';

/**
 * The real process, as `npm start` runs it: migrations at start, demo seed on
 * an empty database, API and built web app on one port. On PostgreSQL two
 * instances serve one database; on PGlite a second process is refused.
 */
const onPostgres = process.env.TEST_DB === 'postgres';
const work = mkdtempSync(join(tmpdir(), 'tandem-main-'));
const webDist = join(work, 'web');
let databaseUrl: string | undefined;
let closeDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  buildWeb(webDist);
  if (onPostgres) {
    const database = await openTestDatabase(); // an empty database: the server migrates and seeds it
    databaseUrl = database.url;
    closeDatabase = database.close;
  }
}, 180_000);

afterAll(async () => {
  await stopServers();
  await closeDatabase?.();
  rmSync(work, { recursive: true, force: true });
});

describe('the server process', () => {
  it('migrates and seeds at start, then serves the API and the built web app on one port', async () => {
    const port = await freePort();
    const env: Record<string, string> = onPostgres
      ? { PORT: String(port), DATABASE_URL: databaseUrl!, AUDIT_KEY: TEST_AUDIT_KEY }
      : { PORT: String(port), DATA_DIR: join(work, 'data') };
    const server = startServer(webDist, env);
    await waitForHealth(port, server);

    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<div id="root">');
    // A client-side route is answered by the app, an unknown API path by a JSON 404.
    expect(await (await fetch(`http://127.0.0.1:${port}/users`)).text()).toContain('<div id="root">');
    expect((await fetch(`http://127.0.0.1:${port}/api/docs/json`)).status).toBe(200);

    const admin = await signInOver(port, 'admin', 'Tandem-Demo-2026');
    expect(admin.status).toBe(200);
    expect(admin.cookie).toMatch(/HttpOnly/i);
    expect(admin.cookie).toMatch(/SameSite=Strict/i);
    const apiMissing = await fetch(`http://127.0.0.1:${port}/api/nothing-here`, {
      headers: { cookie: admin.cookie.split(';')[0]! },
    });
    expect(apiMissing.status).toBe(404);
    expect(await apiMissing.json()).toEqual({ error: { code: 'not_found', message: 'Introuvable.' } });

    if (onPostgres) {
      // A second instance on the same database: no state in the process, the session works on both.
      const port2 = await freePort();
      const second = startServer(webDist, {
        PORT: String(port2),
        DATABASE_URL: databaseUrl!,
        AUDIT_KEY: TEST_AUDIT_KEY,
      });
      await waitForHealth(port2, second);
      const cookie = admin.cookie.split(';')[0]!;
      const me = await fetch(`http://127.0.0.1:${port2}/api/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect((await me.json()).username).toBe('admin');
    } else {
      // A second process on the same PGlite directory stops at once with a clear message.
      const second = startServer(webDist, { PORT: String(await freePort()), DATA_DIR: join(work, 'data') });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/already in use by process \d+/);

      // The audit key was created beside the database, readable by its owner only; the
      // start anchored the seeded chain with a signed checkpoint beside it, and a stop adds one.
      expect(server.output()).toContain('Warning: PGlite runs as its one superuser');
      const verified = await fetch(`http://127.0.0.1:${port}/api/audit/verify`, {
        method: 'POST',
        headers: { cookie: admin.cookie.split(';')[0]! },
      });
      const report = await verified.json();
      expect(report).toMatchObject({ ok: true, pending: 0 });
      expect(report.checkpoint.seq).toBeGreaterThan(10);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const keyFile = join(work, 'data', 'audit.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'utf8');
      const checkpoints = readCheckpoints(
        auditMac(key),
        readFileSync(join(work, 'data', 'audit-checkpoints.jsonl'), 'utf8'),
      );
      expect(checkpoints.invalidLines).toEqual([]);
      expect(checkpoints.valid).toHaveLength(2);
      expect(checkpoints.latest!.seq).toBeGreaterThan(report.checkpoint.seq);
    }
  }, 180_000);

  it('stops at start with the name of a bad configuration variable', async () => {
    const server = startServer(webDist, { PORT: 'not-a-port', DATA_DIR: join(work, 'bad') });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT');
    // PostgreSQL without an audit key: stopped before connecting, naming the variable.
    const keyless = startServer(webDist, {
      PORT: String(await freePort()),
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(await keyless.exited).toBe(1);
    expect(keyless.output()).toContain('AUDIT_KEY_FILE: required with DATABASE_URL');
  }, 60_000);
});
