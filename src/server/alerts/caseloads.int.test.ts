import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/alerts/alert-rules.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { migrate } from '../../db/migrate.ts';
import { type Database, openDatabase, queryRows } from '../../db/open-db.ts';
import { insertUser } from '../../db/seed/factories.ts';
import { auditLog, outboxMessages, situations, users } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { checkCaseloadKeys, derivedCaseloadKey } from './caseload-key.ts';
import { rotateCaseloadKey } from './rotate-caseload-key.ts';
import { uploadCaseload } from './upload-caseload.ts';
import { sendAlertDigest } from './send-alert-digest.ts';

/**
 * Issue 14 on PGlite and PostgreSQL (seed 004 §2: the alert system for persons followed by several bodies at once;
 * seed 000: prevention). Two institutions upload overlapping caseloads: each correspondent gets one alert naming the
 * other institution and its contact, nothing more; a third sees nothing; no NAVS13 of a caseload is stored in clear;
 * machine tokens (expired or revoked: 401); a re-upload without the person closes the alert; the end-of-rights rule
 * fires once and says why.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NAVS_A = '756.9217.0769.85';
const NAVS_A_COMPACT = '7569217076985';
const NAVS_B = '756.1234.5678.97';
const NAVS_C = '756.1111.2222.39';
const NAVS_D = '756.4444.5555.62';

let t: TestApp;
const sessions = new Map<string, string>();
const as = async (u: string) => {
  if (!sessions.has(u)) sessions.set(u, await t.signIn(u));
  return sessions.get(u) as string;
};
const today = () => swissDay(t.clock.now);
const csv = (rows: string[][]) =>
  ['navs13;reference;followed_since;laci_end;risk_flags', ...rows.map((r) => r.join(';'))].join('\n');
const upload = async (who: string, body: string, dryRun = false) =>
  t.request(await as(who), {
    method: 'POST',
    url: `/api/caseload/upload?dryRun=${dryRun}`,
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
const alertsOf = async (who: string, closed = false) => {
  const res = await t.request(await as(who), { method: 'GET', url: `/api/alerts?closed=${closed}` });
  expect(res.statusCode).toBe(200);
  return res.json().alerts as Record<string, unknown>[];
};

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  await insertUser(db, {
    username: 'cms.repondant',
    institutionId: t.world.cms.id,
    roles: ['cii_correspondent'],
    givenName: 'Claire',
    familyName: 'Bonvin',
    phone: '027 111 22 33',
    email: 'claire.bonvin@cms.example.ch',
    language: 'de',
  });
  await insertUser(db, {
    username: 'oai.repondant',
    institutionId: t.world.oai.id,
    roles: ['cii_correspondent'],
  });
  await db.execute(sql`UPDATE users SET phone = '027 999 00 11', given_name = 'Yves', family_name = 'Mayor'
                        WHERE username = 'repondant'`);
});
afterAll(async () => {
  await t?.close();
});

describe('caseload upload', () => {
  it('a dry run lists the refused rows with translated reasons and changes nothing', async () => {
    const res = await upload(
      'repondant',
      csv([
        [NAVS_A, 'ORP-1', '2026-01-05', '', ''],
        ['756.9217.0769.84', 'ORP-2', '2026-01-05', '', ''],
        [NAVS_B, 'ORP-3', '2026-02-30', '', ''],
      ]),
      true,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: true, rows: 3, accepted: 1, alertsRaised: 0 });
    expect(body.rejected).toEqual([
      { line: 3, reference: 'ORP-2', reasons: [expect.stringContaining('numéro AVS invalide')] },
      {
        line: 4,
        reference: 'ORP-3',
        reasons: ['Colonne followed_since : ce n’est pas une date (aaaa-mm-jj ou jj.mm.aaaa).'],
      },
    ]);
    const [n] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM caseload_entries`);
    expect(n?.n).toBe(0);
  });

  it('reads an XLSX workbook too (a spreadsheet date as a date), and its template', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Suivis');
    sheet.addRow(['navs13', 'reference', 'followed_since']);
    sheet.addRow([NAVS_A, 'ORP-X', new Date(Date.UTC(2025, 2, 10))]);
    const res = await t.request(await as('repondant'), {
      method: 'POST',
      url: '/api/caseload/upload?dryRun=true',
      headers: { 'content-type': XLSX },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(res.json()).toMatchObject({ dryRun: true, rows: 1, accepted: 1, rejected: [] });
    const template = await t.request(await as('repondant'), { method: 'GET', url: '/api/caseload/template?lang=de' });
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(read.worksheets.map((w) => w.name)).toEqual(['Fallliste', 'Erläuterungen']);
  });

  it('only a correspondent uploads, for their own institution; the template downloads', async () => {
    const res = await upload('pro', csv([[NAVS_A, 'X', '2026-01-05', '', '']]));
    expect(res.statusCode).toBe(403);
    const template = await t.request(await as('repondant'), {
      method: 'GET',
      url: '/api/caseload/template?format=csv',
    });
    expect(template.statusCode).toBe(200);
    expect(template.body).toContain('navs13;reference;followed_since;laci_end;risk_flags');
  });
});

describe('co-follow-up alerts', () => {
  it('overlapping caseloads: one alert each, naming the other and its contact, nothing more', async () => {
    expect(
      (
        await upload(
          'repondant',
          csv([
            [NAVS_A, 'ORP-A', '2025-03-10', '', 'health,debts'],
            [NAVS_B, 'ORP-B', '2025-04-01', '', ''],
          ]),
        )
      ).statusCode,
    ).toBe(200);
    const cms = await upload(
      'cms.repondant',
      csv([
        [NAVS_A.replaceAll('.', ''), 'CMS-SECRET-REF', '2025-09-15', '', 'addiction'],
        [NAVS_C, 'CMS-C', '2025-01-01', '', ''],
      ]),
    );
    expect(cms.json()).toMatchObject({ accepted: 2, alertsRaised: 1 });

    const orp = await alertsOf('repondant');
    expect(orp).toEqual([
      {
        id: expect.any(String),
        rule: 'co_follow_up',
        state: 'open',
        stateReason: '',
        stateChangedAt: null,
        stateBy: null,
        reference: 'ORP-A',
        otherInstitution: { nameFr: 'CMS Sion', nameDe: 'SMZ Sitten' },
        otherSince: '2025-09',
        contacts: [{ name: 'Claire Bonvin', phone: '027 111 22 33', email: 'claire.bonvin@cms.example.ch' }],
        why: {},
        situationId: null,
        createdAt: expect.any(String),
        version: 1,
      },
    ]);
    // Nothing else crosses: not the other's reference, nor its risk flags, nor any number.
    const text = JSON.stringify(orp);
    for (const secret of ['CMS-SECRET-REF', 'addiction', NAVS_A_COMPACT, '0769']) expect(text).not.toContain(secret);

    const other = await alertsOf('cms.repondant');
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({
      reference: 'CMS-SECRET-REF',
      otherInstitution: { nameFr: 'ORP Sion' },
      otherSince: '2025-03',
      contacts: [{ name: 'Yves Mayor', phone: '027 999 00 11' }],
    });
    expect(JSON.stringify(other)).not.toContain('ORP-A');
  });

  it('a third institution sees nothing, and may not act on the others’ alerts (404)', async () => {
    expect(await alertsOf('oai.repondant')).toEqual([]);
    const [orpAlert] = await alertsOf('repondant');
    const res = await t.request(await as('oai.repondant'), {
      method: 'POST',
      url: `/api/alerts/${orpAlert?.id}/action`,
      payload: { action: 'lapse', version: 1 },
    });
    expect(res.statusCode).toBe(404);
    const home = await t.request(await as('repondant'), { method: 'GET', url: '/api/me/attention' });
    expect(home.json().items).toContainEqual({ kind: 'alerts', count: 1 });
  });

  it('the same pair is not raised twice while it stands', async () => {
    const again = await upload(
      'repondant',
      csv([
        [NAVS_A, 'ORP-A', '2025-03-10', '', ''],
        [NAVS_B, 'ORP-B', '2025-04-01', '', ''],
      ]),
    );
    expect(again.json()).toMatchObject({ alertsRaised: 0, alertsClosed: 0 });
    expect(await alertsOf('repondant')).toHaveLength(1);
  });

  it('a real upload whose every row is refused changes nothing (it would have emptied the list)', async () => {
    const res = await upload('repondant', csv([['756.9217.0769.84', 'ORP-A', '2025-03-10', '', '']]));
    expect(res.json()).toMatchObject({ accepted: 0, left: 0, fileProblems: [expect.stringContaining('Aucune ligne')] });
    expect(await alertsOf('repondant')).toHaveLength(1);
  });

  it('the database holds no NAVS13 of a caseload in clear, with or without dots', async () => {
    const tables = await queryRows<{ table_name: string }>(
      t.database.db,
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(
        t.database.db,
        sql`SELECT t::text AS row FROM ${sql.identifier(table_name)} t`,
      );
      for (const { row } of rows) {
        for (const navs of [NAVS_A, NAVS_A_COMPACT, NAVS_B, NAVS_B.replaceAll('.', '')])
          expect(row, table_name).not.toContain(navs);
      }
    }
  });

  it('a re-upload without the person closes the alert on both sides', async () => {
    const res = await upload('cms.repondant', csv([[NAVS_C, 'CMS-C', '2025-01-01', '', '']]));
    expect(res.json()).toMatchObject({ left: 1, alertsClosed: 1 });
    expect(await alertsOf('repondant')).toEqual([]);
    expect(await alertsOf('cms.repondant')).toEqual([]);
    const closed = await alertsOf('repondant', true);
    expect(closed).toEqual([expect.objectContaining({ reference: 'ORP-A', state: 'closed' })]);
  });
});

describe('early-risk rules', () => {
  it('LACI rights ending within three months, two risk factors: once, for the holder only, says why', async () => {
    const laciEnd = addDays(today(), 30);
    const file = csv([
      [NAVS_D, 'ORP-D', '2025-06-01', laciEnd, 'health, debts'],
      [NAVS_B, 'ORP-B', '2025-04-01', addDays(today(), 30), 'health'],
    ]);
    expect((await upload('repondant', file)).json()).toMatchObject({ alertsRaised: 1 });
    expect((await upload('repondant', file)).json()).toMatchObject({ alertsRaised: 0 });
    const alerts = await alertsOf('repondant');
    expect(alerts).toEqual([
      expect.objectContaining({
        rule: 'laci_end_risk',
        reference: 'ORP-D',
        otherInstitution: null,
        contacts: [],
        why: { laciEnd, monthsBefore: 3, riskFactors: 2, minRiskFactors: 2 },
      }),
    ]);
    expect(await alertsOf('cms.repondant')).toEqual([]);
    expect(await alertsOf('oai.repondant')).toEqual([]);
  });

  it('the rules are data the Bureau reads', async () => {
    const res = await t.request(await as('coord'), { method: 'GET', url: '/api/alert-rules' });
    expect(res.json().rules).toContainEqual({
      code: 'laci_end_risk',
      validFrom: '2012-01-01',
      validTo: null,
      params: { monthsBefore: 3, minRiskFactors: 2 },
    });
  });
});

describe('alert actions', () => {
  it('not relevant needs a reason; a stale version is a 409; a draft starts from an alert', async () => {
    const cms = await upload(
      'cms.repondant',
      csv([
        [NAVS_C, 'CMS-C', '2025-01-01', '', ''],
        [NAVS_D, 'CMS-D', '2025-02-01', '', ''],
      ]),
    );
    expect(cms.json().alertsRaised).toBe(1);
    const [coFollowUp] = (await alertsOf('repondant')).filter((a) => a.rule === 'co_follow_up');
    const [laci] = (await alertsOf('repondant')).filter((a) => a.rule === 'laci_end_risk');
    const cookie = await as('repondant');
    const noReason = await t.request(cookie, {
      method: 'POST',
      url: `/api/alerts/${coFollowUp?.id}/action`,
      payload: { action: 'not_relevant', reason: ' ', version: 1 },
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await t.request(cookie, {
      method: 'POST',
      url: `/api/alerts/${coFollowUp?.id}/action`,
      payload: { action: 'not_relevant', reason: 'Suivi déjà coordonné', version: 1 },
    });
    expect(ok.statusCode).toBe(204);
    const stale = await t.request(cookie, {
      method: 'POST',
      url: `/api/alerts/${coFollowUp?.id}/action`,
      payload: { action: 'lapse', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const draft = await t.request(cookie, {
      method: 'POST',
      url: `/api/alerts/${laci?.id}/draft`,
      payload: { version: 1 },
    });
    expect(draft.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(situations).where(eq(situations.id, draft.json().situationId));
    expect(row).toMatchObject({
      status: 'draft',
      announcingInstitutionId: t.world.orp.id,
      riskFactors: ['health', 'debts'],
      targetGroups: ['laci_end_of_rights'],
    });
    // The internal reference stays on the alert: the description travels to every reader of the file.
    expect(row?.description).toBe('');
    expect(row?.regionId).toBe(t.world.region.id);
    const after = await alertsOf('repondant');
    expect(after.find((a) => a.id === laci?.id)).toMatchObject({ state: 'drafted', situationId: row?.id });
    expect(after.find((a) => a.id === coFollowUp?.id)).toMatchObject({
      state: 'not_relevant',
      stateReason: 'Suivi déjà coordonné',
      stateBy: 'Yves Mayor',
      stateChangedAt: t.clock.now.toISOString(),
    });
    const closedByTandem = (await alertsOf('repondant', true)).find((a) => a.state === 'closed');
    expect(closedByTandem).toMatchObject({ stateBy: null, stateChangedAt: expect.any(String) });
  });
});

describe('figures', () => {
  it('statistics readers count co-follow-ups per institution pair and month, small counts hidden', async () => {
    await insertUser(t.database.db, {
      username: 'stats',
      institutionId: t.world.bureau.id,
      roles: ['statistics_reader'],
    });
    const res = await t.request(await as('stats'), {
      method: 'GET',
      url: '/api/figures/co-follow-ups?publication=public',
    });
    expect(res.statusCode).toBe(200);
    const month = swissDay(t.clock.now).slice(0, 7);
    expect(res.json().rows).toEqual(
      expect.arrayContaining([
        {
          month,
          institutionA: expect.objectContaining({ nameFr: expect.any(String) }),
          institutionB: expect.objectContaining({ nameFr: expect.any(String) }),
          count: null,
        },
      ]),
    );
    expect(res.body).not.toMatch(/ORP-|CMS-/);
    // The internal view is exact; the public one hides small counts; another year has none of them.
    const year = Number(month.slice(0, 4));
    const get = async (q: string) =>
      (await t.request(await as('stats'), { method: 'GET', url: `/api/figures/co-follow-ups?${q}` })).json();
    const internal = await get(`year=${year}&publication=internal`);
    expect(internal.publication).toBe('internal');
    expect(internal.rows.length).toBeGreaterThan(0);
    expect(internal.rows.every((r: { count: number | null }) => typeof r.count === 'number' && r.count > 0)).toBe(true);
    const published = await get(`year=${year}&publication=public`);
    expect(published.rows.map((r: { count: number | null }) => r.count)).toContain(null);
    expect((await get(`year=${year - 1}`)).rows).toEqual([]);
    expect((await get(`from=${year - 1}-01-01&to=${year - 1}-12-31`)).rows).toEqual([]);
    expect((await get(`from=${month}-01&to=${swissDay(t.clock.now)}`)).rows.length).toBeGreaterThan(0);
    const refused = await t.request(await as('stats'), {
      method: 'GET',
      url: `/api/figures/co-follow-ups?from=${year}-01-01&to=${year}-12-31&publication=public`,
    });
    expect(refused.statusCode).toBe(400);
    const other = await t.request(await as('repondant'), { method: 'GET', url: '/api/figures/co-follow-ups' });
    expect(other.statusCode).toBe(403);
  });
});

describe('machine tokens', () => {
  const createToken = async (institutionId: string, expiresOn: string) => {
    const res = await t.request(await as('admin'), {
      method: 'POST',
      url: '/api/machine-tokens',
      payload: { institutionId, label: 'Système OAI', expiresOn },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { token: { id: string; version: number }; secret: string };
  };
  const push = (secret: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/machine/caseload?dryRun=false',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${secret}` },
      payload: body,
    });

  it('a token uploads its institution’s caseload; it is kept hashed; every use is audited', async () => {
    const { token, secret } = await createToken(t.world.oai.id, addDays(today(), 30));
    const res = await push(secret, csv([[NAVS_C, 'AI-77', '2025-05-01', '', '']]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 1, alertsRaised: 1 });
    expect(await alertsOf('oai.repondant')).toEqual([
      expect.objectContaining({ reference: 'AI-77', otherInstitution: { nameFr: 'CMS Sion', nameDe: 'SMZ Sitten' } }),
    ]);
    const [stored] = await queryRows<{ token_hash: string }>(
      t.database.db,
      sql`SELECT token_hash FROM machine_tokens WHERE id = ${token.id}`,
    );
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(secret);
    const uses = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'machine_token.use'), eq(auditLog.recordId, token.id)));
    expect(uses).toHaveLength(1);
    const list = await t.request(await as('admin'), { method: 'GET', url: '/api/machine-tokens' });
    expect(list.body).not.toContain(secret);
    // Not the correspondents': tokens are the administrators'.
    expect((await t.request(await as('repondant'), { method: 'GET', url: '/api/machine-tokens' })).statusCode).toBe(
      403,
    );
  });

  it('a token sent with a session cookie acts with no user: its audit rows name no actor', async () => {
    const { token, secret } = await createToken(t.world.oai.id, addDays(today(), 30));
    const res = await t.request(await as('repondant'), {
      method: 'POST',
      url: '/api/machine/caseload?dryRun=true',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${secret}` },
      payload: csv([[NAVS_C, 'AI-77', '2025-05-01', '', '']]),
    });
    expect(res.statusCode, res.body).toBe(200);
    const use = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'machine_token.use'), eq(auditLog.recordId, token.id)));
    const uploads = await queryRows<{ actor_user_id: string | null }>(
      t.database.db,
      sql`SELECT actor_user_id FROM audit_log
            WHERE action = 'caseload.upload' AND details->>'machineTokenId' = ${token.id}`,
    );
    expect(use.map((u) => u.actorUserId)).toEqual([null]);
    expect(uploads.map((u) => u.actor_user_id)).toEqual([null]);
  });

  it('an expired, a revoked, an unknown or a missing token gets 401', async () => {
    const file = csv([[NAVS_C, 'AI-77', '2025-05-01', '', '']]);
    const expiring = await createToken(t.world.oai.id, addDays(today(), 1));
    const revoked = await createToken(t.world.oai.id, addDays(today(), 30));
    const revoke = await t.request(await as('admin'), {
      method: 'POST',
      url: `/api/machine-tokens/${revoked.token.id}/revoke`,
      payload: { version: revoked.token.version },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await push(revoked.secret, file)).statusCode).toBe(401);
    expect((await push(`tdm_${'x'.repeat(43)}`, file)).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/machine/caseload',
          headers: { 'content-type': 'text/csv' },
          payload: file,
        })
      ).statusCode,
    ).toBe(401);
    expect((await push(expiring.secret, file)).statusCode).toBe(200);
    t.clock.advanceMinutes(3 * 24 * 60);
    sessions.clear();
    expect((await push(expiring.secret, file)).statusCode).toBe(401);
    const refusals = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'machine_token.use'), eq(auditLog.allowed, false)));
    expect(refusals.length).toBeGreaterThanOrEqual(4);
  });
});

describe('a draft from a co-follow-up alert', () => {
  it('no region guessed for a correspondent without one; the other institution follows; nothing shared', async () => {
    const [alert] = (await alertsOf('oai.repondant')).filter((a) => a.rule === 'co_follow_up' && a.state === 'open');
    expect(alert).toMatchObject({ reference: 'AI-77' });
    const cookie = await as('oai.repondant');
    const guessed = await t.request(cookie, {
      method: 'POST',
      url: `/api/alerts/${alert?.id}/draft`,
      payload: { version: alert?.version },
    });
    expect(guessed.statusCode, guessed.body).toBe(400);
    expect(guessed.json().error.fields).toEqual([
      expect.objectContaining({ path: 'regionId', message: expect.stringContaining('région') }),
    ]);
    const draft = await t.request(cookie, {
      method: 'POST',
      url: `/api/alerts/${alert?.id}/draft`,
      payload: { version: alert?.version, regionId: t.world.otherRegion.id },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const [row] = await t.database.db.select().from(situations).where(eq(situations.id, draft.json().situationId));
    expect(row).toMatchObject({ regionId: t.world.otherRegion.id, description: '' });
    expect(JSON.stringify(row)).not.toContain('AI-77');
    const read = await t.request(cookie, { method: 'GET', url: `/api/situations/${row?.id}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().followingInstitutionIds ?? read.json().draft?.followingInstitutionIds).toEqual(
      expect.arrayContaining([t.world.oai.id, t.world.cms.id]),
    );
  });
});

describe('daily digest', () => {
  it('one e-mail a day per correspondent, in their language, with nothing of a person', async () => {
    const keys = { keys: [derivedCaseloadKey(t.audit.key)], file: null, source: 'derived' as const };
    await sendAlertDigest({ db: t.database.db, now: t.clock.now, keys });
    await sendAlertDigest({ db: t.database.db, now: t.clock.now, keys });
    const mails = await t.database.db.select().from(outboxMessages);
    const cms = mails.filter((m) => m.toAddresses.includes('claire.bonvin@cms.example.ch'));
    expect(cms).toHaveLength(1);
    expect(cms[0]?.language).toBe('de');
    expect(cms[0]?.subject).toMatch(/^Tandem: \d+ neue Warnung/);
    expect(cms[0]?.textBody).not.toContain('CMS-');
  });
});

describe('key rotation', () => {
  it('re-keys every pseudonym without a number in clear: the same file matches the same persons', async () => {
    const oldKeys = [derivedCaseloadKey(t.audit.key)];
    const before = await queryRows<{ pseudonym: string }>(t.database.db, sql`SELECT pseudonym FROM caseload_entries`);
    const newKey = 'rotated-key-0123456789-0123456789-0123456789';
    const result = await rotateCaseloadKey(t.database.db, { oldKeys, newKey, now: t.clock.now });
    expect(result.rekeyed).toBeGreaterThanOrEqual(new Set(before.map((b) => b.pseudonym)).size);
    const after = await queryRows<{ pseudonym: string }>(t.database.db, sql`SELECT pseudonym FROM caseload_entries`);
    expect(after.map((r) => r.pseudonym).filter((p) => before.some((b) => b.pseudonym === p))).toEqual([]);
    const standing = (await alertsOf('repondant')).length;
    const [orp] = await t.database.db.select().from(users).where(eq(users.username, 'repondant'));
    const caller = {
      db: t.database.db,
      now: () => t.clock.now,
      ip: 'test',
      lang: 'fr' as const,
      actor: { userId: orp?.id ?? '', institutionId: t.world.orp.id, regionId: null, roles: orp?.roles ?? [] },
    };
    const file = csv([
      [NAVS_D, 'ORP-D', '2025-06-01', addDays(today(), 25), 'health, debts'],
      [NAVS_B, 'ORP-B', '2025-04-01', '', ''],
    ]);
    const again = await uploadCaseload(caller, {
      institutionId: t.world.orp.id,
      file: { content: Buffer.from(file), type: 'text/csv' },
      dryRun: false,
      keys: { keys: result.chain, file: null, source: 'env' },
    });
    expect(again).toMatchObject({ left: 0, alertsRaised: 0, alertsClosed: 0 });
    expect(await alertsOf('repondant')).toHaveLength(standing);
    // The old key alone no longer passes the start's check.
    await expect(checkCaseloadKeys(t.database.db, oldKeys, t.clock.now)).rejects.toThrow(/not the one/);
  });
});

/** The data directory's bytes (PGlite only: the files are in this process's reach). */
describe.runIf(process.env.TEST_DB !== 'postgres')('the PGlite data directory', () => {
  it('holds no NAVS13 of a caseload, with or without dots', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-caseload-'));
    let database: Database | null = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'pgdata') });
    try {
      await migrate(database);
      const app = await createTestApp({}, { database });
      database = null;
      const cookie = await app.signIn('repondant');
      const res = await app.request(cookie, {
        method: 'POST',
        url: '/api/caseload/upload?dryRun=false',
        headers: { 'content-type': 'text/csv' },
        payload: csv([
          [NAVS_A, 'ORP-A', '2025-03-10', '', ''],
          [NAVS_B.replaceAll('.', ''), 'ORP-B', '2025-04-01', '', ''],
        ]),
      });
      expect(res.json()).toMatchObject({ accepted: 2 });
      await app.close();
      const files: string[] = [];
      const walk = (d: string) => {
        for (const name of readdirSync(d)) {
          const p = join(d, name);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(p);
        }
      };
      walk(dir);
      expect(files.length).toBeGreaterThan(10);
      for (const navs of [NAVS_A, NAVS_A_COMPACT, NAVS_B, NAVS_B.replaceAll('.', '')]) {
        const needle = Buffer.from(navs, 'utf8');
        for (const f of files) expect(readFileSync(f).includes(needle), `${navs} in ${f}`).toBe(false);
      }
    } finally {
      await database?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
