import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAttempts } from '../../db/schema.ts';
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

  // The owner, from another address, still signs in: nobody can lock someone else out.
  it('after five failures an address is locked out of the account, even with the right password', async () => {
    const attacker = '198.51.100.66';
    for (let i = 0; i < 5; i++) expect((await signInRaw('colleague', 'wrong-password', attacker)).statusCode).toBe(401);
    const locked = await signInRaw('colleague', PASSWORD, attacker);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/depuis votre adresse.*réessayez dans 15 minutes\./);
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    const german = await signInRaw('colleague', PASSWORD, attacker, 'de');
    expect(german.json().error.message).toMatch(/von Ihrer Adresse aus/);

    // The owner, from another address, is not locked out by the attacker.
    expect((await signInRaw('colleague', PASSWORD, '198.51.100.99')).statusCode).toBe(200);
    // ...and that success does not give the attacker's address new guesses.
    expect((await signInRaw('colleague', PASSWORD, attacker)).statusCode).toBe(429);

    // The admin sees an account with a locked address on the home page and in the user list.
    const admin = await t.signIn('admin');
    const attention = await t.request(admin, { method: 'GET', url: '/api/me/attention' });
    expect(attention.json().items).toContainEqual({ kind: 'locked_accounts', count: 1 });
    const user = await t.request(admin, { method: 'GET', url: `/api/users/${t.world.users.colleague.id}` });
    expect(new Date(user.json().lockedUntil).getTime()).toBe(t.clock.now.getTime() + 15 * 60_000);

    t.clock.advanceMinutes(16);
    expect((await signInRaw('colleague', PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('lifts the locks of every address when an administrator resets the password', async () => {
    const addresses = ['198.51.100.70', '198.51.100.71'];
    for (const ip of addresses) for (let i = 0; i < 5; i++) await signInRaw('outsider', 'wrong-password', ip);
    for (const ip of addresses) expect((await signInRaw('outsider', PASSWORD, ip)).statusCode).toBe(429);
    const admin = await t.signIn('admin');
    const reset = await t.request(admin, {
      method: 'POST',
      url: `/api/users/${t.world.users.outsider.id}/reset-password`,
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user.lockedUntil).toBeNull();
    for (const ip of addresses)
      expect((await signInRaw('outsider', reset.json().temporaryPassword, ip)).statusCode).toBe(200);
  });

  it('slows an account down after ten failures from many addresses, without locking it', async () => {
    for (let i = 0; i < 10; i++)
      expect((await signInRaw('coord.monthey', 'wrong-password', `203.0.113.${100 + i}`)).statusCode).toBe(401);
    // The eleventh attempt, from an address never seen, right password or not, waits one second after the last failure.
    const slowed = await signInRaw('coord.monthey', PASSWORD, '203.0.113.200');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.headers['retry-after']).toBe('1');
    expect(slowed.json().error.message).toBe(
      'Trop d’échecs de connexion récents à ce compte. Par prudence, attendez 1 seconde avant de réessayer.',
    );
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    expect((await signInRaw('coord.monthey', 'wrong-again', '203.0.113.201')).statusCode).toBe(401);
    // Eleven failures: two seconds now.
    expect((await signInRaw('coord.monthey', PASSWORD, '203.0.113.200')).headers['retry-after']).toBe('2');
    t.clock.now = new Date(t.clock.now.getTime() + 2000);
    expect((await signInRaw('coord.monthey', PASSWORD, '203.0.113.200')).statusCode).toBe(200);
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
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { 'accept-language': 'de-CH,de;q=0.9' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toMatch(/Sitzung/);
  });
});

function pick(user: Record<string, unknown>) {
  const { version, email, givenName, familyName, institutionId, officeId, regionId, roles, language } = user;
  return { version, email, givenName, familyName, institutionId, officeId, regionId, roles, language };
}

describe('concurrent sign-in attempts', () => {
  // Each recorded attempt is one password verification (argon2): an attempt is recorded before it is verified, and
  // only then (src/server/auth/sign-in.ts). Counting the rows counts the verifications.
  const recorded = async (username: string) =>
    (await t.database.db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.usernameKey, username)))[0]!
      .n;

  it('from one address: at most five of twenty-five wrong passwords are verified, the rest are refused', async () => {
    const before = await recorded('social');
    const responses = await Promise.all(
      Array.from({ length: 25 }, () => signInRaw('social', 'wrong-password', '192.0.2.200')),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect((await recorded('social')) - before).toBe(5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('from twenty-five addresses: at most ten are verified before the account slows down', async () => {
    const before = await recorded('coord');
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signInRaw('coord', 'wrong-password', `192.0.2.${150 + i}`)),
    );
    expect((await recorded('coord')) - before).toBe(10);
    expect(responses.filter((r) => r.statusCode === 429)).toHaveLength(15);
  });
});
