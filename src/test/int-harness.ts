import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { ensureMeasureCatalogue } from '../db/seed/measure-catalogue.ts';
import { type Database, openDatabase } from '../db/open-db.ts';
import { TEST_PASSWORD, insertInstitution, insertOffice, insertRegion, insertUser } from '../db/seed/factories.ts';
import { buildApp } from '../server/app.ts';
import { type AuditSettings, resolveAuditSettings } from '../server/audit/audit-settings.ts';
import { parseConfig } from '../server/config.ts';
import { DEMO_PASSWORD } from '../db/seed/demo-canton.ts';
import { seedDemo } from './demo-canton.ts';

/**
 * One fresh database per test file: an in-memory PGlite, or a new database on
 * the test PostgreSQL server (TEST_DB picks, set by the vitest project), with
 * migrations applied and a small world of organisations and users.
 */
export const PASSWORD = TEST_PASSWORD;
/** The fixed audit key of the tests (AUDIT_KEY), unless a test passes its own AUDIT_KEY or AUDIT_KEY_FILE. */
export const TEST_AUDIT_KEY = 'test-audit-key-0123456789-abcdefghijklmnop';

export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (process.env.TEST_DB !== 'postgres') return openDatabase({ kind: 'pglite', dataDir: null });
  const adminUrl = inject('databaseUrl');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const database = await openDatabase({ kind: 'postgres', url });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export async function seedWorld(database: Database) {
  const db = database.db;
  const region = await insertRegion(db, { code: 'SION', nameFr: 'Sion', nameDe: 'Sitten' });
  const otherRegion = await insertRegion(db, { code: 'MONTHEY', nameFr: 'Monthey', nameDe: 'Monthey' });
  const bureau = await insertInstitution(db, { kind: 'bureau_cii', nameFr: 'Bureau CII', nameDe: 'IIZ-Büro' });
  const orp = await insertInstitution(db, {
    kind: 'orp',
    nameFr: 'ORP Sion',
    nameDe: 'RAV Sitten',
    regionId: region.id,
  });
  const cms = await insertInstitution(db, {
    kind: 'cms',
    nameFr: 'CMS Sion',
    nameDe: 'SMZ Sitten',
    regionId: region.id,
  });
  const oai = await insertInstitution(db, { kind: 'oai', nameFr: 'Office AI', nameDe: 'IV-Stelle' });
  const orpOffice = await insertOffice(db, { institutionId: orp.id, name: 'ORP Sion', regionId: region.id });
  const admin = await insertUser(db, { username: 'admin', institutionId: bureau.id, roles: ['admin'] });
  const pro = await insertUser(db, {
    username: 'pro',
    institutionId: orp.id,
    officeId: orpOffice.id,
    roles: ['field_professional'],
  });
  const colleague = await insertUser(db, {
    username: 'colleague',
    institutionId: orp.id,
    roles: ['field_professional'],
  });
  const correspondent = await insertUser(db, {
    username: 'repondant',
    institutionId: orp.id,
    roles: ['cii_correspondent'],
  });
  const social = await insertUser(db, {
    username: 'social',
    institutionId: cms.id,
    roles: ['field_professional'],
    language: 'de',
  });
  const coordinator = await insertUser(db, {
    username: 'coord',
    institutionId: bureau.id,
    regionId: region.id,
    roles: ['regional_coordinator', 'bureau_member'],
  });
  const outsider = await insertUser(db, { username: 'outsider', institutionId: oai.id, roles: ['field_professional'] });
  const otherCoordinator = await insertUser(db, {
    username: 'coord.monthey',
    institutionId: bureau.id,
    regionId: otherRegion.id,
    roles: ['regional_coordinator', 'bureau_member'],
  });
  return {
    region,
    otherRegion,
    bureau,
    orp,
    cms,
    oai,
    orpOffice,
    users: { admin, pro, colleague, correspondent, social, coordinator, outsider, otherCoordinator },
  };
}

export type World = Awaited<ReturnType<typeof seedWorld>>;

export interface TestApp<W = World> {
  app: FastifyInstance;
  database: Database;
  /** The audit key and checkpoint file the app was built with. */
  audit: AuditSettings;
  world: W;
  clock: { now: Date; advanceMinutes(minutes: number): void };
  /** Signs in and returns the session cookie header. */
  signIn(username: string, password?: string): Promise<string>;
  request(cookie: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * `options.database`: a database already migrated (e.g. opened as the
 * application's role after migrating as the owner); the app closes it.
 * `options.logStream`: where the app's log lines go (tests of what is logged).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { database?: Database; logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  if (!options.database) await migrate(database);
  await ensureMeasureCatalogue(database.db);
  const world = await seedWorld(database);
  return appOn(database, world, env, options);
}

/** The app on a prepared database, with a movable clock and the sign-in and request helpers. */
async function appOn<W>(
  database: Database,
  world: W,
  env: Record<string, string>,
  options: { logStream?: { write(line: string): void }; now?: Date; password?: string },
): Promise<TestApp<W>> {
  const clock = {
    now: options.now ?? new Date(),
    advanceMinutes(minutes: number) {
      this.now = new Date(this.now.getTime() + minutes * 60_000);
    },
  };
  const keyEnv = env.AUDIT_KEY || env.AUDIT_KEY_FILE ? {} : { AUDIT_KEY: TEST_AUDIT_KEY };
  const config = parseConfig({ WEB_DIST_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...keyEnv, ...env });
  // No data directory: the key comes from the environment, a checkpoint file only if the test names one.
  const { warnings: _, ...audit } = resolveAuditSettings(config, { dataDir: null, chainStarted: false });
  const app = await buildApp({
    db: database.db,
    config,
    audit,
    now: () => clock.now,
    logger: options.logStream ? { stream: options.logStream } : false,
  });
  await app.ready();
  let ipCounter = 0;
  const testApp: TestApp<W> = {
    app,
    database,
    audit,
    world,
    clock,
    async signIn(username, password = options.password ?? PASSWORD) {
      // Each sign-in from its own address so the per-IP throttle does not couple tests.
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username, password },
        remoteAddress: `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`,
      });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'tandem_session');
      return `tandem_session=${cookie!.value}`;
    },
    request(cookie, options) {
      return app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) } });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
  return testApp;
}

/** The app on the demo canton of `npm start` (its users sign in with the demo password). */
export async function createDemoTestApp(now = new Date()) {
  const database = await openTestDatabase();
  const demo = await seedDemo(database, now);
  return appOn(database, demo, {}, { now, password: DEMO_PASSWORD });
}
