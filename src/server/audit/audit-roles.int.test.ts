import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DatabaseRoleError, migrateAsOwner } from '../../db/app-role.ts';
import { openDatabase } from '../../db/open-db.ts';
import { TEST_AUDIT_KEY, type TestApp, createTestApp } from '../../test/int-harness.ts';
import { freePort, signInOver, startServer, stopServers, waitForHealth } from '../../test/server-process.ts';
import { sealAllPending } from './seal-audit-chain.ts';

/**
 * PostgreSQL only (PGlite has one superuser): the tables belong to an owner
 * role that migrates; the application's role may append to and read the audit
 * tables and nothing else, and still does all its normal work.
 */
const superUrl = () => inject('databaseUrl');
const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
const owner = `tandem_owner_${suffix}`;
const appRole = `tandem_app_${suffix}`;
const databases: string[] = [];
const urlAs = (role: string, database: string) => {
  const url = new URL(superUrl());
  url.username = role;
  url.password = '';
  url.pathname = `/${database}`;
  return url.toString();
};

async function asSuperuser<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: superUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function newDatabase(ownedBy: string) {
  const name = `t_roles_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  databases.push(name);
  await asSuperuser((c) => c.query(`CREATE DATABASE ${name} OWNER ${ownedBy}`));
  return name;
}

beforeAll(async () => {
  await asSuperuser(async (c) => {
    await c.query(`CREATE ROLE ${owner} LOGIN`);
    await c.query(`CREATE ROLE ${appRole} LOGIN`);
  });
});

afterAll(async () => {
  await stopServers();
  await asSuperuser(async (c) => {
    for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`DROP ROLE IF EXISTS ${appRole}`);
    await c.query(`DROP ROLE IF EXISTS ${owner}`);
  });
});

describe('the application role on PostgreSQL', () => {
  let t: TestApp;
  let name: string;
  let client: pg.Client;

  beforeAll(async () => {
    name = await newDatabase(owner);
    const app = await openDatabase({ kind: 'postgres', url: urlAs(appRole, name) });
    expect(await migrateAsOwner(app, urlAs(owner, name))).toEqual({ appRole, ownerRole: owner });
    t = await createTestApp({}, { database: app });
    client = new pg.Client({ connectionString: urlAs(appRole, name) });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await t?.close();
  });

  it('does its normal work: sign-in, audited reads and writes, sealing, verification', async () => {
    const admin = await t.signIn('admin');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'SIERRE', nameFr: 'Sierre', nameDe: 'Siders' },
    });
    expect(created.statusCode).toBe(201);
    await t.request(admin, { method: 'GET', url: '/api/users' });
    expect(await sealAllPending(t.database.db, t.audit.key)).toBeGreaterThan(0);
    const report = (await t.request(admin, { method: 'POST', url: '/api/audit/verify' })).json();
    expect(report).toMatchObject({ ok: true, pending: 0 });
    expect(report.checked).toBeGreaterThanOrEqual(3);
    const { rows } = await client.query('SELECT current_user AS me, (SELECT count(*)::int FROM audit_chain) AS links');
    expect(rows[0]).toMatchObject({ me: appRole });
    expect(rows[0].links).toBeGreaterThanOrEqual(3);
  });

  it('may not update, delete, truncate, alter, disable the triggers of or drop the audit tables', async () => {
    const refused = [
      "UPDATE audit_log SET action = 'x'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log CASCADE',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'DROP TABLE audit_log CASCADE',
      "UPDATE audit_chain SET mac = 'x'",
      'DELETE FROM audit_chain',
      'TRUNCATE audit_chain',
      'ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_append_only',
      'DROP TABLE audit_chain',
      "INSERT INTO audit_chain_legacy (seq, audit_id, hash) VALUES (1, 1, 'x')",
      'DROP TABLE audit_chain_legacy',
      "INSERT INTO schema_migrations (name) VALUES ('9999_fake')",
      "SELECT setval('audit_log_id_seq', 1)",
      `SET ROLE ${owner}`,
    ];
    for (const statement of refused) {
      await expect(client.query(statement), statement).rejects.toMatchObject({ code: '42501' });
    }
    // The rows are all still there, and still append-only for the owner too (triggers).
    const { rows } = await client.query('SELECT count(*)::int AS n FROM audit_log');
    expect(rows[0].n).toBeGreaterThan(3);
  });

  it('may append to and read the audit tables', async () => {
    await client.query("INSERT INTO audit_log (at, action, allowed) VALUES (now(), 'test.append', true)");
    const { rows } = await client.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.append'");
    expect(rows[0].n).toBe(1);
  });
});

describe('roles that could reach around the grants', () => {
  it('are refused at start, with the reason', async () => {
    const member = `tandem_member_${suffix}`;
    await asSuperuser((c) => c.query(`CREATE ROLE ${member} LOGIN IN ROLE ${owner}`));
    try {
      const ownedByApp = await newDatabase(appRole);
      const ownedByOwner = await newDatabase(owner);
      const attempt = async (role: string, database: string) => {
        const app = await openDatabase({ kind: 'postgres', url: urlAs(role, database), poolSize: 1 });
        try {
          return await migrateAsOwner(app, urlAs(owner, database));
        } finally {
          await app.close();
        }
      };
      await expect(attempt(owner, ownedByOwner)).rejects.toThrow(/is also the role of DATABASE_OWNER_URL/);
      await expect(attempt(member, ownedByOwner)).rejects.toThrow(new RegExp(`is a member of "${owner}"`));
      await expect(attempt('postgres', ownedByOwner)).rejects.toThrow(/is a superuser/);
      await expect(attempt(appRole, ownedByApp)).rejects.toThrow(DatabaseRoleError);
      await expect(attempt(appRole, ownedByApp)).rejects.toThrow(/owns the schema "public" \(or the database\)/);
    } finally {
      await asSuperuser((c) => c.query(`DROP ROLE ${member}`));
    }
  });

  it('are refused when they still own tables from before the two roles', async () => {
    const name = await newDatabase(owner);
    // An installation that ran as one role: the tables belong to the application's role.
    await asSuperuser(async () => {
      const c = new pg.Client({ connectionString: urlAs('postgres', name) });
      await c.connect();
      try {
        await c.query(`CREATE TABLE legacy_thing (id int); ALTER TABLE legacy_thing OWNER TO ${appRole}`);
      } finally {
        await c.end();
      }
    });
    const app = await openDatabase({ kind: 'postgres', url: urlAs(appRole, name), poolSize: 1 });
    try {
      await expect(migrateAsOwner(app, urlAs(owner, name))).rejects.toThrow(
        new RegExp(`owns tables \\(legacy_thing…\\).*REASSIGN OWNED BY "${appRole}" TO "${owner}"`),
      );
    } finally {
      await app.close();
    }
  });
});

describe('the server process with two roles', () => {
  it('migrates as the owner, seeds and serves as the application role', async () => {
    const name = await newDatabase(owner);
    const port = await freePort();
    const server = startServer('/nonexistent', {
      PORT: String(port),
      DATABASE_URL: urlAs(appRole, name),
      DATABASE_OWNER_URL: urlAs(owner, name),
      AUDIT_KEY: TEST_AUDIT_KEY,
      LOG_LEVEL: 'warn',
    });
    await waitForHealth(port, server);
    expect(server.output()).toContain(
      `Migrations ran as "${owner}"; "${appRole}" may only append to and read the audit tables.`,
    );
    expect(server.output()).not.toContain('no DATABASE_OWNER_URL');
    expect(server.output()).toContain('Warning: no AUDIT_CHECKPOINT_FILE');
    const admin = await signInOver(port, 'admin', 'Tandem-Demo-2026');
    expect(admin.status).toBe(200);
    const verify = await fetch(`http://127.0.0.1:${port}/api/audit/verify`, {
      method: 'POST',
      headers: { cookie: admin.cookie.split(';')[0]! },
    });
    expect(await verify.json()).toMatchObject({ ok: true, pending: 0 });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 180_000);
});
