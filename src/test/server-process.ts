import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** Helpers for tests that run the real server process (`src/server/main.ts`). */
export const serverChildren: ChildProcess[] = [];

export function buildWeb(outDir: string) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
}

export async function stopServers() {
  for (const child of serverChildren) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(serverChildren.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function startServer(webDist: string, env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', WEB_DIST_DIR: webDist, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverChildren.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForHealth(port: number, proc: ReturnType<typeof startServer>) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`server exited: ${proc.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not start: ${proc.output()}`);
}

export async function signInOver(port: number, username: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: await response.json(), cookie: response.headers.get('set-cookie') ?? '' };
}
