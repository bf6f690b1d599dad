import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const newUser = () => ({
  username: `new.user${Math.floor(Math.random() * 1e6)}`,
  email: 'new.user@example.ch',
  givenName: 'Zoé',
  familyName: 'Émery',
  institutionId: t.world.orp.id,
  officeId: t.world.orpOffice.id,
  regionId: t.world.region.id,
  roles: ['field_professional'],
  language: 'de',
});

const editable = (user: Record<string, unknown>) => {
  const { version, email, givenName, familyName, institutionId, officeId, regionId, roles, language, disabled } = user;
  return { version, email, givenName, familyName, institutionId, officeId, regionId, roles, language, disabled };
};

describe('user administration', () => {
  it('creates a user with a temporary password that must be changed before anything else', async () => {
    const created = await t.request(admin, { method: 'POST', url: '/api/users', payload: newUser() });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(temporaryPassword).toHaveLength(16);
    expect(user.mustChangePassword).toBe(true);

    const cookie = await t.signIn(user.username, temporaryPassword);
    const blocked = await t.request(cookie, { method: 'GET', url: '/api/directory' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toBe('Ändern Sie zuerst Ihr vorläufiges Passwort.');
    const attention = await t.request(cookie, { method: 'GET', url: '/api/me/attention' });
    expect(attention.json().items).toContainEqual({ kind: 'change_password' });
    const changed = await t.request(cookie, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: temporaryPassword, newPassword: 'my-own-long-passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.request(cookie, { method: 'GET', url: '/api/directory' })).statusCode).toBe(200);
  });

  it('keeps a correspondent’s phone (given in an alert): set, kept when absent, checked', async () => {
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser(), phone: ' +41 27 606 00 00 ' },
    });
    expect(created.statusCode).toBe(201);
    const { user } = created.json();
    expect(user.phone).toBe('+41 27 606 00 00');
    // An update that does not name the phone keeps it.
    const renamed = await t.request(admin, {
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: { ...editable(user), givenName: 'Zoë' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().phone).toBe('+41 27 606 00 00');
    const bad = await t.request(admin, {
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: { ...editable(renamed.json()), phone: 'call me =cmd|' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'phone', message: expect.any(String) }]);
    const read = await t.request(admin, { method: 'GET', url: `/api/users/${user.id}` });
    expect(read.json().phone).toBe('+41 27 606 00 00');
    const cleared = await t.request(admin, {
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: { ...editable(read.json()), phone: '' },
    });
    expect(cleared.json().phone).toBe('');
  });

  it('answers 400 with field-level messages in the caller language', async () => {
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser(), email: 'not-an-email', roles: [], username: 'x' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.message).toBe('Certaines données sont invalides. Corrigez les champs signalés.');
    const byPath = Object.fromEntries(
      body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(byPath.email).toBe('Adresse e-mail invalide.');
    expect(byPath.roles).toBe('Choisissez au moins un rôle.');
    expect(byPath.username).toBe('Au moins 3 caractères.');
    expect(JSON.stringify(body)).not.toMatch(/stack|at \w+ \(/);
  });

  it('refuses a taken user name and a coordinator without region, changing nothing', async () => {
    const taken = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser(), username: 'PRO' },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toEqual([{ path: 'username', message: 'Ce nom d’utilisateur est déjà pris.' }]);
    const before = (await t.request(admin, { method: 'GET', url: '/api/users?pageSize=200' })).json().total;
    const coordinator = await t.request(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser(), regionId: null, roles: ['regional_coordinator'] },
    });
    expect(coordinator.statusCode).toBe(400);
    expect(coordinator.json().error.fields[0].path).toBe('regionId');
    expect((await t.request(admin, { method: 'GET', url: '/api/users?pageSize=200' })).json().total).toBe(before);
  });

  it('answers 404 alike for a missing user and one the caller may not see', async () => {
    const pro = await t.signIn('pro');
    const missing = await t.request(pro, { method: 'GET', url: '/api/users/00000000-0000-4000-8000-000000000000' });
    const hidden = await t.request(pro, { method: 'GET', url: `/api/users/${t.world.users.social.id}` });
    expect(missing.statusCode).toBe(404);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    expect(hidden.json()).toEqual({ error: { code: 'not_found', message: 'Introuvable.' } });
    const badId = await t.request(pro, { method: 'GET', url: '/api/users/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
  });

  it('scopes lists by the policy: admin all, correspondent own institution, others only themselves', async () => {
    const all = (await t.request(admin, { method: 'GET', url: '/api/users?pageSize=200' })).json();
    const correspondent = await t.signIn('repondant');
    const mine = (await t.request(correspondent, { method: 'GET', url: '/api/users?pageSize=200' })).json();
    expect(mine.items.every((u: { institutionId: string }) => u.institutionId === t.world.orp.id)).toBe(true);
    expect(mine.items.length).toBeLessThan(all.items.length);
    expect(mine.items.every((u: { abilities: { update: boolean } }) => !u.abilities.update)).toBe(true);
    const pro = await t.signIn('pro');
    const self = (await t.request(pro, { method: 'GET', url: '/api/users' })).json();
    expect(self.items.map((u: { username: string }) => u.username)).toEqual(['pro']);
    // Not even through a filter that names another institution.
    const sneaky = (await t.request(pro, { method: 'GET', url: `/api/users?institutionId=${t.world.cms.id}` })).json();
    expect(sneaky.items).toEqual([]);
  });

  it('refuses writes to non-admins with 404 for a record, 403 for a creation', async () => {
    const correspondent = await t.signIn('repondant');
    const user = (await t.request(correspondent, { method: 'GET', url: `/api/users/${t.world.users.pro.id}` })).json();
    const update = await t.request(correspondent, {
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: editable(user),
    });
    expect(update.statusCode).toBe(404);
    const create = await t.request(correspondent, { method: 'POST', url: '/api/users', payload: newUser() });
    expect(create.statusCode).toBe(403);
  });

  it('lets only one of two concurrent updates of a user win; the other gets 409', async () => {
    const user = (await t.request(admin, { method: 'GET', url: `/api/users/${t.world.users.colleague.id}` })).json();
    const [a, b] = await Promise.all([
      t.request(admin, {
        method: 'PUT',
        url: `/api/users/${user.id}`,
        payload: { ...editable(user), givenName: 'Alice' },
      }),
      t.request(admin, {
        method: 'PUT',
        url: `/api/users/${user.id}`,
        payload: { ...editable(user), givenName: 'Bob' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('conflict');
    const winner = a.statusCode === 200 ? a : b;
    const now = (await t.request(admin, { method: 'GET', url: `/api/users/${user.id}` })).json();
    expect(now.givenName).toBe(winner.json().givenName);
    expect(now.version).toBe(user.version + 1);
  });

  it('resets a password: old sessions end, the temporary one works once changed', async () => {
    const before = await t.signIn('coord');
    const reset = await t.request(admin, {
      method: 'POST',
      url: `/api/users/${t.world.users.coordinator.id}/reset-password`,
    });
    expect(reset.statusCode).toBe(200);
    expect((await t.request(before, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const after = await t.signIn('coord', reset.json().temporaryPassword);
    expect((await t.request(after, { method: 'GET', url: '/api/me' })).json().mustChangePassword).toBe(true);
  });

  it('sorts names as a Swiss reader expects (accents, case) via the ICU collation', async () => {
    for (const familyName of ['Zoé', 'eric', 'Élodie']) {
      await t.request(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { ...newUser(), familyName, givenName: 'Sort' },
      });
    }
    const list = (await t.request(admin, { method: 'GET', url: '/api/users?q=Sort&pageSize=50' })).json();
    expect(list.items.map((u: { familyName: string }) => u.familyName)).toEqual(['Élodie', 'eric', 'Zoé']);
  });
});
