import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/alerts/alert-rules.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { insertUser } from '../../db/seed/factories.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { announcedSituation } from '../../test/situation-fixtures.ts';

/**
 * Issue 14 on PGlite and PostgreSQL: persons already in Tandem's situations join the matching through the same
 * pseudonym (the announcing institution follows them), and the "moved between caseloads" rule tells the institution
 * where a person appeared, within a month of leaving another list, without naming that institution (seed 000:
 * prevention; seed 004 §2).
 */
let t: TestApp;
const sessions = new Map<string, string>();
const as = async (u: string) => {
  if (!sessions.has(u)) sessions.set(u, await t.signIn(u));
  return sessions.get(u) as string;
};
const csv = (rows: string[][]) =>
  ['navs13;reference;followed_since;laci_end;risk_flags', ...rows.map((r) => r.join(';'))].join('\n');
const upload = async (who: string, body: string) =>
  t.request(await as(who), {
    method: 'POST',
    url: '/api/caseload/upload?dryRun=false',
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
const alertsOf = async (who: string) =>
  (await t.request(await as(who), { method: 'GET', url: '/api/alerts' })).json().alerts as Record<string, unknown>[];

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.database.db, {
    username: 'cms.repondant',
    institutionId: t.world.cms.id,
    roles: ['cii_correspondent'],
  });
  await insertUser(t.database.db, {
    username: 'oai.repondant',
    institutionId: t.world.oai.id,
    roles: ['cii_correspondent'],
  });
});
afterAll(async () => {
  await t?.close();
});

describe('situations join the matching', () => {
  it('announced by the ORP, in the CMS’s caseload: an alert to each, the ORP’s naming its file', async () => {
    const { id } = await announcedSituation(t, await as('pro'), { navs13: '756.4444.5555.62' });
    const number = (await t.request(await as('pro'), { method: 'GET', url: `/api/situations/${id}` })).json().number;
    const res = await upload('cms.repondant', csv([['7564444555562', 'CMS-9', '2025-02-01', '', '']]));
    expect(res.json()).toMatchObject({ accepted: 1, alertsRaised: 1 });
    expect(await alertsOf('cms.repondant')).toEqual([
      expect.objectContaining({
        rule: 'co_follow_up',
        reference: 'CMS-9',
        otherInstitution: expect.objectContaining({ nameFr: 'ORP Sion' }),
      }),
    ]);
    expect(await alertsOf('repondant')).toEqual([
      expect.objectContaining({ rule: 'co_follow_up', reference: number, otherSince: '2025-02' }),
    ]);
    expect(await alertsOf('oai.repondant')).toEqual([]);
  });
});

describe('moved between caseloads', () => {
  it('left one list, in another within a month: told to the new holder only, not naming the other', async () => {
    const today = swissDay(t.clock.now);
    await upload('oai.repondant', csv([['756.1111.2222.39', 'AI-1', '2025-01-01', '', '']]));
    // The OAI's next list no longer has them: a departure today.
    await upload('oai.repondant', csv([['756.1234.5678.97', 'AI-2', '2025-01-01', '', '']]));
    t.clock.advanceMinutes(10 * 24 * 60);
    sessions.clear();
    const since = addDays(today, 5);
    const res = await upload(
      'cms.repondant',
      csv([
        ['7564444555562', 'CMS-9', '2025-02-01', '', ''],
        ['756.1111.2222.39', 'CMS-10', since, '', ''],
      ]),
    );
    expect(res.json()).toMatchObject({ alertsRaised: 1 });
    const moved = (await alertsOf('cms.repondant')).filter((a) => a.rule === 'caseload_transfer');
    expect(moved).toEqual([
      expect.objectContaining({
        reference: 'CMS-10',
        otherInstitution: null,
        contacts: [],
        why: { leftOn: today, followedSince: since, withinDays: 31 },
      }),
    ]);
    expect(JSON.stringify(moved)).not.toMatch(/Office AI|IV-Stelle|AI-1/);
    expect((await alertsOf('oai.repondant')).filter((a) => a.rule === 'caseload_transfer')).toEqual([]);
  });
});

describe('probing with numbers (decision 026, residual risks)', () => {
  it('a closed situation is no longer a following: uploading its number raises nothing', async () => {
    const { id } = await announcedSituation(t, await as('pro'), {
      navs13: '756.9217.0769.85',
      officialName: 'Zufferey',
      firstNames: 'Marc',
      birthDate: '1970-01-02',
      sex: 'male',
    });
    await t.database.db.execute(sql`UPDATE situations SET status = 'closed' WHERE id = ${id}`);
    const res = await upload('oai.repondant', csv([['7569217076985', 'AI-9', '2025-01-01', '', '']]));
    expect(res.json()).toMatchObject({ accepted: 1, alertsRaised: 0 });
    expect((await alertsOf('oai.repondant')).filter((a) => a.rule === 'co_follow_up')).toEqual([]);
  });
});
