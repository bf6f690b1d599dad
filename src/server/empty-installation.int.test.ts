import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, freePort, signInOver, startServer, stopServers, waitForHealth } from '../test/server-process.ts';

// In the int-pglite project only (vitest.config.ts): `--empty` is the embedded start for a new installation.
const work = mkdtempSync(join(tmpdir(), 'tandem-empty-'));
const webDist = join(work, 'web');
beforeAll(() => buildWeb(webDist), 120_000);
afterAll(async () => {
  await stopServers();
  rmSync(work, { recursive: true, force: true });
});

describe('an empty installation (--empty)', () => {
  it('creates one administrator whose password is printed once and must be changed', async () => {
    const port = await freePort();
    const server = startServer(webDist, { PORT: String(port), DATA_DIR: join(work, 'empty') }, ['--empty']);
    await waitForHealth(port, server);
    const password = /shown only once:\s+(\S+)/.exec(server.output())?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const admin = await signInOver(port, 'admin', password!);
    expect(admin.status).toBe(200);
    expect(admin.body.mustChangePassword).toBe(true);
    const users = await fetch(`http://127.0.0.1:${port}/api/users`, {
      headers: { cookie: admin.cookie.split(';')[0]! },
    });
    expect(users.status).toBe(403); // nothing else until the password is changed
  }, 180_000);
});
