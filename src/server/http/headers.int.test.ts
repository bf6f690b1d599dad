import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, PASSWORD, createTestApp } from '../../test/int-harness.ts';

/** Security headers on every answer, and the refusal of state-changing requests from another site. */
let t: TestApp;
let web: string;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tandem</title><div id="root"></div>');
  t = await createTestApp({ WEB_DIST_DIR: web, TRUST_PROXY: '10.1.1.1' });
});
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

describe('every answer', () => {
  it.each([
    ['an API answer', 'GET', '/api/health', 200],
    ['an API refusal', 'GET', '/api/users', 401],
    ['a bad request', 'POST', '/api/auth/sign-in', 400],
    ['an unknown path', 'POST', '/nothing-here', 404],
    ['the web app', 'GET', '/', 200],
    ['a client-side route of the web app', 'GET', '/situations/new', 200],
    ['the API documentation', 'GET', '/api/docs', 200],
    ['the API documentation’s script', 'GET', '/api/docs/static/swagger-initializer.js', 200],
    // Answered by Fastify's router before any hook runs (found by the API fuzz run).
    ['a path with a broken %-escape', 'GET', '/api/situations/%E0%A4%A', 400],
    ['a path parameter beyond the router’s length', 'GET', `/api/situations/${'a'.repeat(5_000)}`, 414],
  ] as const)('%s carries the content security policy and the other headers', async (_what, method, url, status) => {
    const response = await t.app.inject({ method, url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-security-policy']).toBe(CSP);
    const permissions = String(response.headers['permissions-policy']);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
      expect(permissions).toContain(`${feature}=()`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    // Plain http here: no HSTS (see proxy.int.test.ts for https behind a trusted proxy).
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('that the router gives itself has the error body in the caller’s language, not quoting the URL', async () => {
    for (const [url, status] of [
      ['/api/situations/Zufferey%E0%A4%A', 400],
      [`/api/situations/Zufferey${'a'.repeat(5_000)}`, 414],
    ] as const) {
      const response = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'de' } });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ error: { code: 'bad_request', message: 'Ungültige Anfrage.' } });
      expect(response.body).not.toContain('Zufferey');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('from the API is never stored by a browser or a proxy; the web app’s files may be', async () => {
    for (const url of ['/api/health', '/api/users', '/api/nothing-here', '/api/docs/json']) {
      expect((await t.app.inject({ method: 'GET', url })).headers['cache-control'], url).toBe('no-store');
    }
    const cookie = await t.signIn('pro');
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: '/' })).headers['cache-control']).not.toBe('no-store');
  });

  it('over TLS (as told by a trusted proxy) asks the browser to keep to https', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/',
      remoteAddress: '10.1.1.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('a state-changing request naming another origin', () => {
  const signIn = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'colleague', password: PASSWORD },
      headers,
      remoteAddress,
    });

  it('is refused with 403 and a translated message, before anything happens', async () => {
    const french = await signIn({ origin: 'https://evil.example' });
    expect(french.statusCode).toBe(403);
    expect(french.json().error.message).toBe('Cette demande vient d’un autre site : elle est refusée.');
    expect(french.cookies).toHaveLength(0);
    const german = await signIn({ origin: 'http://localhost:8080', 'accept-language': 'de-CH' });
    expect(german.statusCode).toBe(403);
    expect(german.json().error.message).toBe('Diese Anfrage stammt von einer anderen Website und wird abgelehnt.');
    expect((await signIn({ origin: 'null' })).statusCode).toBe(403);
  });

  it('with a session is refused for PUT, PATCH and POST alike', async () => {
    const cookie = await t.signIn('pro');
    const origin = { origin: 'https://evil.example' };
    const patch = await t.request(cookie, {
      method: 'PATCH',
      url: '/api/me/preferences',
      payload: { language: 'de' },
      headers: origin,
    });
    expect(patch.statusCode).toBe(403);
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).json().language).toBe('fr');
    expect((await t.request(cookie, { method: 'POST', url: '/api/auth/sign-out', headers: origin })).statusCode).toBe(
      403,
    );
    expect(
      (
        await t.request(cookie, {
          method: 'PUT',
          url: '/api/users/00000000-0000-4000-8000-000000000000',
          payload: {},
          headers: origin,
        })
      ).statusCode,
    ).toBe(403);
    // A read from another origin is not refused here: the browser does not let that page read the answer.
    expect((await t.request(cookie, { method: 'GET', url: '/api/me', headers: origin })).statusCode).toBe(200);
  });

  it('passes from the same origin, or without an Origin header (scripts, servers)', async () => {
    expect((await signIn({ origin: 'http://localhost:80' })).statusCode).toBe(200);
    expect((await signIn({ origin: 'http://localhost' })).statusCode).toBe(200);
    expect((await signIn({})).statusCode).toBe(200);
  });

  it('compares with the host a trusted proxy forwarded, and only a trusted one', async () => {
    const viaProxy = {
      origin: 'https://tandem.vs.ch',
      'x-forwarded-host': 'tandem.vs.ch',
      'x-forwarded-proto': 'https',
    };
    expect((await signIn(viaProxy, '10.1.1.1')).statusCode).toBe(200);
    expect((await signIn(viaProxy, '198.51.100.30')).statusCode).toBe(403);
    // A plain-http page may not post to the https site.
    expect((await signIn({ ...viaProxy, origin: 'http://tandem.vs.ch' }, '10.1.1.1')).statusCode).toBe(403);
  });
});
