import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, PASSWORD } from '../../test/int-harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signInRaw = (username: string, password: string, ip = '192.0.2.10', lang = 'fr') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username, password },
    remoteAddress: ip,
    headers: { 'accept-language': lang },
  });

describe('sign-in', () => {
  it('signs in with the right password, sets an httpOnly SameSite=Strict cookie, and answers the profile', async () => {
    const response = await signInRaw('Pro', PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().username).toBe('pro');
    const cookie = response.cookies.find((c) => c.name === 'tandem_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await t.request(`tandem_session=${cookie.value}`, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
  });

  it('refuses a wrong password with the same message as an unknown account, in the caller language', async () => {
    const wrong = await signInRaw('pro', 'not-the-password', '192.0.2.11', 'de');
    const unknown = await signInRaw('nobody', 'not-the-password', '192.0.2.11', 'de');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('Benutzername oder Passwort ist falsch.');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('locks an account after five failures, even for the right password, then lets it in after the lock time', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signInRaw('colleague', 'wrong-password', `198.51.100.${i}`)).statusCode).toBe(401);
    }
    const locked = await signInRaw('colleague', PASSWORD, '198.51.100.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/bloqué temporairement/);
    expect(locked.headers['retry-after']).toBeDefined();

    // The admin sees the locked account on the home page.
    const admin = await t.signIn('admin');
    const attention = await t.request(admin, { method: 'GET', url: '/api/me/attention' });
    expect(attention.json().items).toContainEqual({ kind: 'locked_accounts', count: 1 });

    t.clock.advanceMinutes(16);
    expect((await signInRaw('colleague', PASSWORD, '198.51.100.99')).statusCode).toBe(200);
  });

  it('rate-limits one address after thirty failures whatever the account names', async () => {
    for (let i = 0; i < 30; i++) await signInRaw(`ghost${i}`, 'wrong-password', '203.0.113.7');
    const blocked = await signInRaw('pro', PASSWORD, '203.0.113.7');
    expect(blocked.statusCode).toBe(429);
    expect((await signInRaw('pro', PASSWORD, '203.0.113.8')).statusCode).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const admin = await t.signIn('admin');
    const user = (await t.request(admin, { method: 'GET', url: `/api/users/${t.world.users.social.id}` })).json();
    const disabled = await t.request(admin, {
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: { ...pick(user), disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await signInRaw('social', PASSWORD, '192.0.2.50')).statusCode).toBe(401);
    const enabled = await t.request(admin, {
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: { ...pick(disabled.json()), disabled: false },
    });
    expect(enabled.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('expire after the idle timeout', async () => {
    const cookie = await t.signIn('pro');
    t.clock.advanceMinutes(29);
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.clock.advanceMinutes(29); // activity at minute 29 kept it alive
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    const expired = await t.request(cookie, { method: 'GET', url: '/api/me' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('unauthenticated');
  });

  it('expire after the absolute timeout even when used', async () => {
    const cookie = await t.signIn('pro');
    for (let minutes = 25; minutes < 600; minutes += 25) {
      t.clock.advanceMinutes(25); // never idle for long: 23 requests up to 9 h 35
      expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(26); // 10 h 01 after sign-in
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('end at sign-out', async () => {
    const cookie = await t.signIn('pro');
    const out = await t.request(cookie, { method: 'POST', url: '/api/auth/sign-out' });
    expect(out.statusCode).toBe(200);
    expect((await t.request(cookie, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('a password change ends the other sessions and needs the current password', async () => {
    const first = await t.signIn('repondant');
    const second = await t.signIn('repondant');
    const wrong = await t.request(first, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'a-new-long-passphrase' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('currentPassword');
    const tooShort = await t.request(first, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields[0].message).toMatch(/12 caractères/);
    const ok = await t.request(first, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: 'a-new-long-passphrase' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.request(first, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await t.request(second, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await signInRaw('repondant', 'a-new-long-passphrase', '192.0.2.77')).statusCode).toBe(200);
  });

  it('rejects requests without a session with 401 and a translated message', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/users', headers: { 'accept-language': 'de-CH,de;q=0.9' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toMatch(/Sitzung/);
  });
});

function pick(user: Record<string, unknown>) {
  const { version, email, givenName, familyName, institutionId, officeId, regionId, roles, language } = user;
  return { version, email, givenName, familyName, institutionId, officeId, regionId, roles, language };
}
