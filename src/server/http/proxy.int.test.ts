import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, PASSWORD, createTestApp } from '../../test/int-harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
});
afterAll(() => t.close());

describe('behind a TLS-terminating proxy (TRUST_PROXY=true)', () => {
  it('marks the session cookie Secure and audits the client address, not the proxy', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'pro', password: PASSWORD },
      remoteAddress: '10.1.1.1',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.45' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tandem_session')!;
    expect(cookie.secure).toBe(true);
    const admin = await t.signIn('admin');
    const audit = await t.request(admin, { method: 'GET', url: `/api/audit?actorUserId=${t.world.users.pro.id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'auth.sign_in', ip: '203.0.113.45' });
  });

  it('does not mark it Secure over plain http', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'colleague', password: PASSWORD } });
    expect(response.cookies.find((c) => c.name === 'tandem_session')!.secure).toBeFalsy();
  });
});
