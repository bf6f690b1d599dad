import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_COLUMNS } from '../../domain/history/history-import.ts';
import { insertUser } from '../../db/seed/factories.ts';
import { auditLog, carePassages, situations } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';

/**
 * Issue 13 on PGlite and PostgreSQL: an administrator imports the CII's history from a CSV or XLSX file. A dry run
 * lists every refused row with its reason and changes nothing; the import creates anonymous situations marked
 * `imported` with their passages; importing the same file again changes nothing; the figures count them. Audited.
 */
let t: TestApp;
const sessions = new Map<string, string>();
const as = async (u: string) => {
  if (!sessions.has(u)) sessions.set(u, await t.signIn(u));
  return sessions.get(u) as string;
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const send = async (who: string, body: string | Buffer, dryRun: boolean, type = 'text/csv') =>
  t.request(await as(who), {
    method: 'POST',
    url: `/api/history/import?dryRun=${dryRun}`,
    headers: { 'content-type': type },
    payload: body,
  });

const rows: Record<string, string>[] = [
  // 2012, Sion: a tandem ended with an insertion, still in work at 6 months, not at 12.
  {
    external_key: 'ASGAL-1',
    announced_on: '2012-02-01',
    decided_on: '2012-02-15',
    region: 'SION',
    institution_kind: 'orp',
    decision: 'taken_into_care',
    care1_kind: 'tandem',
    care1_started_on: '2012-03-01',
    care1_ended_on: '2012-09-14',
    care1_outcome: 'inserted',
    follow_up_6_months: 'in_work',
    follow_up_12_months: 'not_in_work',
  },
  // 2012, Monthey: a round table, then a network follow-up.
  {
    external_key: 'ASGAL-2',
    announced_on: '12.03.2012',
    decided_on: '26.03.2012',
    region: 'monthey',
    institution_kind: 'CMS',
    decision: 'taken_into_care',
    care1_kind: 'round_table',
    care1_started_on: '02.04.2012',
    care1_ended_on: '10.05.2012',
    care1_outcome: 'oriented_network_follow_up',
    care2_kind: 'network_follow_up',
    care2_started_on: '10.05.2012',
    care2_ended_on: '30.11.2012',
    care2_outcome: 'followed_by_institution',
  },
  // 2012: refused.
  {
    external_key: 'ASGAL-3',
    announced_on: '2012-05-07',
    decided_on: '2012-05-21',
    region: 'SION',
    institution_kind: 'cms',
    decision: 'refused',
  },
  // Refused rows: an unknown region; a tandem ended before it started.
  {
    external_key: 'ASGAL-4',
    announced_on: '2012-05-07',
    decided_on: '2012-05-21',
    region: 'GENEVE',
    institution_kind: 'orp',
    decision: 'refused',
  },
  {
    external_key: 'ASGAL-5',
    announced_on: '2012-06-07',
    decided_on: '2012-06-21',
    region: 'SION',
    institution_kind: 'orp',
    decision: 'taken_into_care',
    care1_kind: 'tandem',
    care1_started_on: '2012-07-01',
    care1_ended_on: '2012-06-30',
    care1_outcome: 'inserted',
  },
];
const csv = (rs: Record<string, string>[]) =>
  [HISTORY_COLUMNS.join(';'), ...rs.map((r) => HISTORY_COLUMNS.map((c) => r[c] ?? '').join(';'))].join('\r\n');
const importedCount = async () =>
  (await t.database.db.select().from(situations).where(eq(situations.imported, true))).length;

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.database.db, {
    username: 'copil.stats',
    institutionId: t.world.bureau.id,
    roles: ['statistics_reader'],
  });
  t.clock.now = new Date('2014-02-03T09:00:00Z');
});
afterAll(() => t.close());

describe('the history import (issue 13)', () => {
  it('the administrator downloads the template, as CSV and as XLSX; no one else', async () => {
    const admin = await as('admin');
    const csvFile = await t.request(admin, { method: 'GET', url: '/api/history/template?format=csv' });
    expect(csvFile.statusCode).toBe(200);
    expect(csvFile.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HISTORY_COLUMNS.join(';'));
    const xlsx = await t.request(admin, { method: 'GET', url: '/api/history/template?format=xlsx&lang=de' });
    expect(xlsx.headers['content-disposition']).toContain('vorlage-historie.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Historie', 'Erläuterungen']);
    // The template's own examples import as they are.
    const dry = await send('admin', csvFile.rawPayload, true);
    expect(dry.json()).toMatchObject({ rows: 3, imported: 3, rejected: [], fileProblems: [] });
    for (const who of ['copil.stats', 'coord', 'pro']) {
      expect((await t.request(await as(who), { method: 'GET', url: '/api/history/template' })).statusCode).toBe(403);
      expect((await send(who, csv(rows), true)).statusCode, who).toBe(403);
    }
  });

  it('a dry run lists every refused row with its reason, translated, and changes nothing', async () => {
    const r = await send('admin', csv(rows), true);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ dryRun: true, rows: 5, imported: 3, unchanged: 0, fileProblems: [] });
    expect(body.rejected).toEqual([
      { line: 5, externalKey: 'ASGAL-4', reasons: [expect.stringContaining('région « GENEVE » inconnue')] },
      { line: 6, externalKey: 'ASGAL-5', reasons: ['Colonne care1_ended_on : la fin précède le début.'] },
    ]);
    expect(await importedCount()).toBe(0);
  });

  it('a file that is not the template is refused as a whole, nothing changed', async () => {
    const missing = await send('admin', 'external_key;announced;region\nA;2012-01-01;SION', false);
    expect(missing.json().fileProblems).toEqual([
      'La colonne obligatoire announced_on manque.',
      'La colonne obligatoire decided_on manque.',
      'La colonne obligatoire institution_kind manque.',
      'La colonne obligatoire decision manque.',
      'La colonne announced n’existe pas dans le modèle.',
    ]);
    const garbage = await send('admin', Buffer.from([0x50, 0x4b, 3, 4, 0, 1, 2]), false, XLSX);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.message).toContain('ni un CSV ni un classeur Excel');
    expect(await importedCount()).toBe(0);
  });

  it('imports the accepted rows as anonymous situations and their passages; a second run changes nothing', async () => {
    const first = await send('admin', csv(rows), false);
    expect(first.json()).toMatchObject({ dryRun: false, imported: 3, unchanged: 0 });
    expect(first.json().rejected).toHaveLength(2);
    const imported = await t.database.db.select().from(situations).where(eq(situations.imported, true));
    expect(imported.map((s) => [s.externalKey, s.status, s.anonymous, s.personId]).sort()).toEqual([
      ['ASGAL-1', 'closed', true, null],
      ['ASGAL-2', 'closed', true, null],
      ['ASGAL-3', 'refused', true, null],
    ]);
    const passages = await t.database.db
      .select({ kind: carePassages.kind, outcome: carePassages.outcome })
      .from(carePassages)
      .innerJoin(situations, eq(situations.id, carePassages.situationId))
      .where(eq(situations.imported, true));
    expect(passages.map((p) => `${p.kind}:${p.outcome}`).sort()).toEqual([
      'network_follow_up:followed_by_institution',
      'round_table:oriented_network_follow_up',
      'tandem:inserted',
    ]);
    const again = await send('admin', csv(rows), false);
    expect(again.json()).toMatchObject({ imported: 0, unchanged: 3 });
    expect(await importedCount()).toBe(3);
  });

  it('an XLSX file imports the same way (dates as spreadsheet dates), idempotent on the key', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Historique');
    sheet.addRow([...HISTORY_COLUMNS]);
    const row = { ...rows[0], external_key: 'ASGAL-6' } as Record<string, string>;
    sheet.addRow(
      HISTORY_COLUMNS.map((c) => (c.endsWith('_on') && row[c] ? new Date(`${row[c]}T00:00:00Z`) : (row[c] ?? ''))),
    );
    sheet.addRow(HISTORY_COLUMNS.map((c) => rows[0]?.[c] ?? ''));
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const r = await send('admin', file, false, XLSX);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ rows: 2, imported: 1, unchanged: 1, rejected: [] });
    expect(await importedCount()).toBe(4);
  });

  it('the figures count them: 2012 situations, tandems, insertions, follow-ups', async () => {
    const f = (await t.request(await as('copil.stats'), { method: 'GET', url: '/api/figures?year=2012' })).json();
    const key = (k: string) => f.keyFigures.find((x: { key: string }) => x.key === k)?.value;
    expect(key('situations_announced')).toBe(4);
    expect(key('situations_imported')).toBe(4);
    expect(key('refused')).toBe(1);
    expect(key('tandem_situations')).toBe(2);
    expect(key('tandem_inserted')).toBe(2);
    expect(key('round_table_held')).toBe(1);
    expect(key('network_follow_up_situations')).toBe(1);
    const durability = f.tables.find((x: { key: string }) => x.key === 'durability');
    const six = durability.rows.findIndex((r: { key: string }) => r.key === 'months_6');
    const twelve = durability.rows.findIndex((r: { key: string }) => r.key === 'months_12');
    expect(durability.cells[six]).toEqual([2, 0, 0]);
    expect(durability.cells[twelve]).toEqual([0, 2, 0]);
    expect(f.timeToInsertion.situations).toBe(2);
    // 2013 has none of them.
    const y2013 = (await t.request(await as('copil.stats'), { method: 'GET', url: '/api/figures?year=2013' })).json();
    expect(y2013.keyFigures.find((x: { key: string }) => x.key === 'situations_announced')?.value).toBe(0);
  });

  it('imported situations are marked as such in the list and on the situation page', async () => {
    const coord = await as('coord');
    const list = (await t.request(coord, { method: 'GET', url: '/api/situations?pageSize=200' })).json();
    const mine = list.items.filter((s: { number: string }) => s.number.startsWith('HIST-'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s: { imported: boolean; displayName: string | null }) => s.imported && !s.displayName)).toBe(
      true,
    );
    const page = await t.request(coord, { method: 'GET', url: `/api/situations/${mine[0].id}` });
    expect(page.json()).toMatchObject({ imported: true, anonymous: true, person: null });
  });

  it('every dry run and import is audited', async () => {
    const audited = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'history.import'), eq(auditLog.allowed, true)));
    const runs = audited.map((a) => a.details as { dryRun: boolean; imported: number });
    expect(runs.some((r) => r.dryRun && r.imported === 0)).toBe(true);
    expect(runs.filter((r) => !r.dryRun).map((r) => r.imported)).toContain(3);
  });

  it('an administrator corrects an imported row by re-importing its key with correct=true, audited', async () => {
    const send2 = async (body: string, dryRun: boolean, correct: boolean) =>
      t.request(await as('admin'), {
        method: 'POST',
        url: `/api/history/import?dryRun=${dryRun}&correct=${correct}`,
        headers: { 'content-type': 'text/csv' },
        payload: body,
      });
    // ASGAL-1 was a Sion tandem ended with an insertion; ASGAL-1 in truth ended for lack of cooperation, in Monthey.
    const fixed = {
      ...rows[0],
      region: 'MONTHEY',
      care1_outcome: 'lack_of_cooperation',
      follow_up_6_months: '',
      follow_up_12_months: '',
    } as Record<string, string>;
    const file = csv([fixed, rows[2] as Record<string, string>]);
    const COLUMNS = ['region', 'care', 'follow_up_6_months', 'follow_up_12_months'];
    // Without correct=true the key is left as it is (idempotent), said so.
    const plain = (await send2(file, false, false)).json();
    expect(plain, JSON.stringify(plain)).toMatchObject({ imported: 0, unchanged: 2, corrected: [] });
    // …and the changed row is not passed off as unchanged: the answer says it differs, the option would apply it.
    expect(plain.differing).toEqual([{ externalKey: 'ASGAL-1', columns: COLUMNS }]);
    // The dry run says what would be corrected, and changes nothing.
    const dry = (await send2(file, true, true)).json();
    expect(dry).toMatchObject({ dryRun: true, imported: 0, unchanged: 1 });
    expect(dry.corrected).toEqual([{ externalKey: 'ASGAL-1', columns: COLUMNS }]);
    expect(dry.differing).toEqual([]);
    const outcomeOf = async () =>
      (
        await t.database.db
          .select({ outcome: carePassages.outcome, regionId: situations.regionId, version: situations.version })
          .from(carePassages)
          .innerJoin(situations, eq(situations.id, carePassages.situationId))
          .where(eq(situations.externalKey, 'ASGAL-1'))
      )[0];
    expect((await outcomeOf())?.outcome).toBe('inserted');
    // Corrected: the situation and its passage replaced, nothing else; one audit entry per corrected situation.
    const done = (await send2(file, false, true)).json();
    expect(done).toMatchObject({ dryRun: false, imported: 0, unchanged: 1 });
    expect(done.corrected).toHaveLength(1);
    const after = await outcomeOf();
    expect(after).toMatchObject({ outcome: 'lack_of_cooperation', regionId: t.world.otherRegion.id, version: 2 });
    expect(await importedCount()).toBe(4);
    const [situation] = await t.database.db.select().from(situations).where(eq(situations.externalKey, 'ASGAL-1'));
    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'history.correct'));
    expect(audited.map((a) => [a.recordId, a.details])).toEqual([
      [situation?.id, { externalKey: 'ASGAL-1', columns: COLUMNS }],
    ]);
    // The figures follow: 2012 has one tandem insertion less.
    const f = (await t.request(await as('copil.stats'), { method: 'GET', url: '/api/figures?year=2012' })).json();
    expect(f.keyFigures.find((x: { key: string }) => x.key === 'tandem_inserted')?.value).toBe(1);
    // Sent again: nothing left to correct.
    expect((await send2(file, false, true)).json()).toMatchObject({ unchanged: 2, corrected: [], differing: [] });
    // Only an administrator.
    const coord = await t.request(await as('coord'), {
      method: 'POST',
      url: '/api/history/import?dryRun=false&correct=true',
      headers: { 'content-type': 'text/csv' },
      payload: file,
    });
    expect(coord.statusCode).toBe(403);
  });
});
