import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, PASSWORD, createTestApp } from '../../test/int-harness.ts';

const signIn = (t: TestApp, username: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password: PASSWORD },
    remoteAddress,
    headers,
  });

async function auditedIp(t: TestApp, userId: string) {
  const admin = await t.signIn('admin');
  const audit = await t.request(admin, { method: 'GET', url: `/api/audit?actorUserId=${userId}` });
  return audit.json().items[0].ip as string;
}

describe('behind a TLS-terminating proxy named by its address (TRUST_PROXY=10.1.1.1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '10.1.1.1' });
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure and audits the client address, not the proxy', async () => {
    const response = await signIn(t, 'pro', '10.1.1.1', {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.45',
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'tandem_session')!.secure).toBe(true);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(await auditedIp(t, t.world.users.pro.id)).toBe('203.0.113.45');
  });

  it('believes no X-Forwarded-* header from an address it does not name', async () => {
    const response = await signIn(t, 'colleague', '198.51.100.9', {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.46',
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'tandem_session')!.secure).toBeFalsy();
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(await auditedIp(t, t.world.users.colleague.id)).toBe('198.51.100.9');
  });

  it('does not mark it Secure over plain http', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'repondant', password: PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'tandem_session')!.secure).toBeFalsy();
  });
});

describe('behind one proxy counted as a hop (TRUST_PROXY=1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1' });
  });
  afterAll(() => t.close());

  it('takes the address the proxy saw, not one the client wrote before it', async () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    const response = await signIn(t, 'pro', '10.1.1.1', {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '6.6.6.6, 203.0.113.47',
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'tandem_session')!.secure).toBe(true);
    expect(await auditedIp(t, t.world.users.pro.id)).toBe('203.0.113.47');
  });
});

describe('without a proxy (TRUST_PROXY unset)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For, so a client cannot choose its address to dodge the login throttle', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: 'pro', password: 'wrong-password' },
        remoteAddress: '198.51.100.20',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      expect(response.statusCode).toBe(401);
    }
    const sixth = await signIn(t, 'pro', '198.51.100.20', {
      'x-forwarded-for': '203.0.113.99',
      'x-forwarded-proto': 'https',
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['strict-transport-security']).toBeUndefined();
  });
});
