import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { sealAllPending } from './seal-audit-chain.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

interface Row {
  id: string;
  action: string;
  record_id: string | null;
  actor_user_id: string | null;
  actor_institution_id: string | null;
  allowed: boolean;
  ip: string | null;
}
const rowsAfter = (id: number) =>
  queryRows<Row>(t.database.db, sql`SELECT * FROM audit_log WHERE id > ${id} ORDER BY id`);
const lastId = async () =>
  Number((await queryRows<{ m: string | null }>(t.database.db, sql`SELECT max(id) AS m FROM audit_log`))[0]?.m ?? 0);

describe('audit log', () => {
  it('records each read and each write of a user record: who, institution, action, record, IP, allowed', async () => {
    const from = await lastId();
    const target = t.world.users.pro.id;
    const read = await t.request(admin, { method: 'GET', url: `/api/users/${target}`, remoteAddress: '192.0.2.200' });
    const user = read.json();
    await t.request(admin, {
      method: 'PUT',
      url: `/api/users/${target}`,
      remoteAddress: '192.0.2.200',
      payload: {
        version: user.version,
        email: user.email,
        givenName: 'Renamed',
        familyName: user.familyName,
        institutionId: user.institutionId,
        officeId: user.officeId,
        regionId: user.regionId,
        roles: user.roles,
        language: user.language,
        disabled: false,
      },
    });
    await t.request(admin, { method: 'GET', url: '/api/users' });
    const rows = await rowsAfter(from);
    expect(rows.map((r) => r.action)).toEqual(['user.read', 'user.update', 'user.list']);
    expect(rows[0]).toMatchObject({
      record_id: target,
      actor_user_id: t.world.users.admin.id,
      actor_institution_id: t.world.bureau.id,
      allowed: true,
      ip: '192.0.2.200',
    });
    expect(rows[1]).toMatchObject({ record_id: target, allowed: true });
    // Details name the changed fields, never their values.
    const [details] = await queryRows<{ details: unknown }>(
      t.database.db,
      sql`SELECT details FROM audit_log WHERE id = ${rows[1]!.id}`,
    );
    expect(JSON.stringify(details)).toContain('givenName');
    expect(JSON.stringify(details)).not.toContain('Renamed');
  });

  it('records refused reads as denied', async () => {
    const from = await lastId();
    const pro = await t.signIn('pro');
    const response = await t.request(pro, { method: 'GET', url: `/api/users/${t.world.users.social.id}` });
    expect(response.statusCode).toBe(404);
    const rows = (await rowsAfter(from)).filter((r) => r.action === 'user.read');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      allowed: false,
      record_id: t.world.users.social.id,
      actor_user_id: t.world.users.pro.id,
    });
  });

  it('records sign-in success and failure and admin actions on organisations', async () => {
    const from = await lastId();
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'pro', password: 'bad-password' },
    });
    await t.request(admin, {
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'SIERRE', nameFr: 'Sierre', nameDe: 'Siders' },
    });
    const actions = (await rowsAfter(from)).map((r) => `${r.action}:${r.allowed}`);
    expect(actions).toEqual(['auth.sign_in:false', 'region.create:true']);
  });

  it('refuses to delete, rewrite or truncate the audit tables (append-only), whoever asks', async () => {
    await sealAllPending(t.database.db, t.audit.key);
    for (const statement of [
      'DELETE FROM audit_log',
      "UPDATE audit_log SET action = 'x'",
      'TRUNCATE audit_log CASCADE',
      'DELETE FROM audit_chain',
      "UPDATE audit_chain SET mac = 'x'",
      'TRUNCATE audit_chain',
      'TRUNCATE audit_chain_legacy',
      "INSERT INTO audit_chain_legacy (seq, audit_id, hash) SELECT 1, max(id), '0' FROM audit_log",
    ]) {
      await expect(t.database.execScript(statement), statement).rejects.toThrow(/append-only/);
    }
  });

  it('gives each entry its chain position once sealed, from the chain table', async () => {
    const from = await lastId();
    await t.request(admin, { method: 'GET', url: '/api/users' });
    const unsealed = (await t.request(admin, { method: 'GET', url: '/api/audit?action=user.list&pageSize=1' })).json()
      .items[0];
    expect(Number(unsealed.id)).toBeGreaterThan(from);
    expect(unsealed.seq).toBeNull();
    await sealAllPending(t.database.db, t.audit.key);
    const sealed = (await t.request(admin, { method: 'GET', url: '/api/audit?action=user.list&pageSize=200' })).json()
      .items;
    const entry = sealed.find((e: { id: string }) => e.id === unsealed.id);
    const [chain] = await queryRows<{ seq: string | number }>(
      t.database.db,
      sql`SELECT seq FROM audit_chain WHERE audit_id = ${unsealed.id}`,
    );
    expect(entry.seq).toBe(Number(chain!.seq));
  });

  it('seals rows into a keyed chain that verifies, and detects an edited row', async () => {
    const ok = await t.request(admin, { method: 'POST', url: '/api/audit/verify' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      ok: true,
      brokenAtSeq: null,
      pending: 0,
      checkpoint: null,
      invalidCheckpointLines: [],
    });
    expect(ok.json().checked).toBeGreaterThanOrEqual(8);

    // Someone with the rights to disable the guard edits a sealed row directly.
    await t.database.execScript(`
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
      UPDATE audit_log SET record_id = 'someone-else' WHERE id = (SELECT audit_id FROM audit_chain WHERE seq = 3);
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
    const broken = await t.request(admin, { method: 'POST', url: '/api/audit/verify' });
    expect(broken.json()).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'hash_mismatch' });
  });

  it('filters by user, subject, action and date, and is for admins only', async () => {
    const byActor = (
      await t.request(admin, { method: 'GET', url: `/api/audit?actorUserId=${t.world.users.pro.id}&pageSize=200` })
    ).json();
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e: { actorUserId: string }) => e.actorUserId === t.world.users.pro.id)).toBe(true);
    const bySubject = (
      await t.request(admin, { method: 'GET', url: `/api/audit?subject=${t.world.users.social.id}` })
    ).json();
    expect(bySubject.items.some((e: { allowed: boolean }) => !e.allowed)).toBe(true);
    const byAction = (
      await t.request(admin, { method: 'GET', url: '/api/audit?action=auth.sign_in&pageSize=200' })
    ).json();
    expect(byAction.items.length).toBeGreaterThan(0);
    expect(byAction.items.every((e: { action: string }) => e.action === 'auth.sign_in')).toBe(true);
    const future = (await t.request(admin, { method: 'GET', url: '/api/audit?from=2099-01-01' })).json();
    expect(future.items).toEqual([]);
    const pro = await t.signIn('pro');
    expect((await t.request(pro, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });
});
