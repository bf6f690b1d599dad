import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';

/**
 * The built web app as the server sends it: hashed files under /assets cached for a year, compressed as the
 * browser accepts (the .br and .gz written at build time), index.html revalidated on every load (decision 015).
 */
let t: TestApp;
let web: string;
const script = `export const screen = ${JSON.stringify('Tandem '.repeat(400))};\n`;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'tandem-web-'));
  mkdirSync(join(web, 'assets'));
  mkdirSync(join(web, '.vite'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Tandem</title><script src="/assets/index-AbC123.js">');
  writeFileSync(join(web, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(web, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script));
  writeFileSync(join(web, 'assets', 'index-AbC123.js.gz'), gzipSync(script));
  // A file the build did not compress (under 1 KB).
  writeFileSync(join(web, 'assets', 'tiny-Z9.css'), 'body{margin:0}');
  writeFileSync(join(web, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-AbC123.js"}}');
  t = await createTestApp({ WEB_DIST_DIR: web });
});
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('a hashed file of the web app', () => {
  // In brotli to a browser that accepts it, in gzip to one that accepts only gzip, else as it is.
  it('is sent in the best encoding the browser accepts', async () => {
    const brotli = await get('/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const gzip = await get('/assets/index-AbC123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    for (const plain of [await get('/assets/index-AbC123.js', 'identity'), await get('/assets/index-AbC123.js')]) {
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);
    }
    for (const response of [brotli, gzip]) {
      expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(Number(response.headers['content-length'])).toBeLessThan(script.length / 10);
    }
  });

  it('is kept a year by the browser without asking again, and says its encoding depends on the request', async () => {
    for (const response of [await get('/assets/index-AbC123.js', 'br'), await get('/assets/tiny-Z9.css', 'br')]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(response.headers.vary).toLowerCase()).toContain('accept-encoding');
    }
  });

  it('keeps the security headers', async () => {
    const response = await get('/assets/index-AbC123.js', 'br');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('that does not exist (a chunk of an older version) is a 404, not the page', async () => {
    const response = await get('/assets/index-Old999.js', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('the page', () => {
  it('is revalidated on every load, at its address and at every client-side route', async () => {
    for (const url of ['/', '/index.html', '/situations/new', '/audit']) {
      const response = await get(url, 'br');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.body, url).toContain('/assets/index-AbC123.js');
    }
  });

  it('does not give away the build manifest nor the compressed files under their own names', async () => {
    const manifest = await get('/.vite/manifest.json');
    expect(manifest.body).not.toContain('"file"');
    expect((await get('/assets/index-AbC123.js.br')).statusCode).toBe(404);
  });

  it('leaves the API uncached', async () => {
    const response = await get('/api/health', 'br');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
