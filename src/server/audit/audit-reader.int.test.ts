import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../contracts/audit.ts';
import { queryRows } from '../../db/open-db.ts';
import { insertUser } from '../../db/seed/factories.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { announcedSituation, getSituation } from '../../test/situation-fixtures.ts';
import { parseConfig } from '../config.ts';
import { exportAuditEntries } from './export-audit-entries.ts';

/**
 * Issue 11: the audit log as its readers read it — labels in their language, who acted and for which institution,
 * the situation's number, the person's name only where the access policy shows that reader the identity; filters,
 * pages after a cursor, the CSV export; on PGlite and PostgreSQL.
 */
let t: TestApp;
let admin: string; // administration only: no file shows it a person
let adminPro: string; // an administrator who also announces (ORP): sees the persons of the files it announced
let adminDe: string;
let pro: string;
let mine: { id: string; personId: string; number: string }; // announced by adminPro
let theirs: { id: string; personId: string; number: string }; // announced by pro
let adminProId: string;

type Page = { items: AuditEntry[]; nextCursor: string | null; pageSize: number };
const list = async (cookie: string, q: string) => {
  const response = await t.request(cookie, { method: 'GET', url: `/api/audit?${q}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
};
const lastId = async () =>
  Number((await queryRows<{ m: string | null }>(t.database.db, sql`SELECT max(id) AS m FROM audit_log`))[0]?.m ?? 0);
const rowsAfter = (id: number) =>
  queryRows<{ action: string; record_type: string | null; subject_person_id: string | null; details: unknown }>(
    t.database.db,
    sql`SELECT action, record_type, subject_person_id, details FROM audit_log WHERE id > ${id} ORDER BY id`,
  );

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-03-02T08:00:00Z');
  const both = await insertUser(t.database.db, {
    username: 'admin.pro',
    givenName: 'Alix',
    familyName: 'Double',
    institutionId: t.world.orp.id,
    officeId: t.world.orpOffice.id,
    roles: ['admin', 'field_professional'],
  });
  adminProId = both.id;
  await insertUser(t.database.db, {
    username: 'admin.de',
    institutionId: t.world.bureau.id,
    roles: ['admin'],
    language: 'de',
  });
  const signInAll = async () => {
    admin = await t.signIn('admin');
    adminPro = await t.signIn('admin.pro');
    adminDe = await t.signIn('admin.de');
    pro = await t.signIn('pro');
  };
  await signInAll();
  const a = await announcedSituation(t, adminPro, {
    officialName: 'Zufferey',
    firstNames: 'Noé',
    navs13: '756.1234.5678.97',
  });
  mine = { ...a, number: (await getSituation(t, adminPro, a.id)).json().number };
  t.clock.now = new Date('2026-03-05T09:00:00Z');
  await signInAll(); // three days on, yesterday's sessions have ended
  const b = await announcedSituation(t, pro, { officialName: 'Bonvin', firstNames: 'Iris', navs13: '' });
  theirs = { ...b, number: (await getSituation(t, pro, b.id)).json().number };
  await getSituation(t, pro, b.id);
});
afterAll(() => t.close());

describe('the audit log, readable', () => {
  it('labels actions and records in the reader’s language, with the user’s name and institution', async () => {
    const fr = (await list(admin, `subject=${mine.number}&action=situation.announce`)).items;
    expect(fr[0]).toMatchObject({
      action: 'situation.announce',
      actionLabel: 'Situation annoncée',
      recordTypeLabel: 'Situation',
      actorName: 'Alix Double',
      actorInstitutionName: 'ORP Sion',
      situationId: mine.id,
      situationNumber: mine.number,
    });
    // A user record by name (an administrator reads the accounts anyway), not by id.
    await t.request(admin, { method: 'GET', url: `/api/users/${t.world.users.pro.id}` });
    const read = (await list(admin, `action=user.read&subject=${t.world.users.pro.id}`)).items;
    expect(read[0]).toMatchObject({ actionLabel: 'Utilisateur consulté', recordTypeLabel: 'Utilisateur' });
    expect(read[0]?.recordName).toBe('Test pro (pro)');
    const de = (await list(adminDe, `subject=${mine.number}&action=situation.announce`)).items;
    expect(de[0]).toMatchObject({
      actionLabel: 'Situation gemeldet',
      actorInstitutionName: 'RAV Sitten',
      situationNumber: mine.number,
    });
  });

  it('shows the person’s name only to a reader the policy lets see that situation’s identity', async () => {
    const byPure = (await list(admin, `subject=${mine.number}&pageSize=200`)).items;
    expect(byPure.length).toBeGreaterThan(2);
    expect(byPure.every((e) => e.personName === null)).toBe(true);
    expect(JSON.stringify(byPure)).not.toContain('Zufferey');

    const byAnnouncer = (await list(adminPro, `subject=${mine.number}&pageSize=200`)).items;
    const named = byAnnouncer.filter((e) => e.situationId === mine.id);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((e) => e.personName === 'Zufferey Noé')).toBe(true);
    // A row on the person alone (created before any situation) names them through the situation the reader sees.
    expect(byAnnouncer.find((e) => e.action === 'person.create')?.personName).toBe('Zufferey Noé');

    // The other professional's file: the administrator who announces elsewhere does not see who it is.
    const other = (await list(adminPro, `subject=${theirs.number}&pageSize=200`)).items;
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((e) => e.personName === null)).toBe(true);
    expect(other.some((e) => e.situationNumber === theirs.number)).toBe(true);
  });

  it('names the person a row was about, not whoever the situation names today', async () => {
    // A row on `mine` about another person (the file once named someone else, or a person since merged away).
    await t.database.db.execute(sql`
      INSERT INTO audit_log (at, actor_user_id, action, record_type, record_id, subject_person_id, allowed, details)
      VALUES (${new Date('2026-03-05T10:00:00Z')}, ${adminProId}, 'situation.save_draft', 'situation', ${mine.id},
              ${theirs.personId}, true, '{}'::jsonb)`);
    const rows = (await list(adminPro, `subject=${mine.number}&pageSize=200`)).items;
    const aboutOther = rows.find((e) => e.subjectPersonId === theirs.personId && e.situationId === mine.id);
    expect(aboutOther?.situationNumber).toBe(mine.number);
    // adminPro does not see Bonvin's identity: no name, and certainly not Zufferey's.
    expect(aboutOther?.personName).toBeNull();
  });

  it('names a measure kind and a commune in words, not by their ids', async () => {
    const [kind] = await queryRows<{ id: string; name_fr: string; name_de: string }>(
      t.database.db,
      sql`SELECT id, name_fr, name_de FROM measure_kinds ORDER BY code LIMIT 1`,
    );
    await t.database.db.execute(sql`
      INSERT INTO audit_log (at, actor_user_id, action, record_type, record_id, allowed, details)
      VALUES (${new Date('2026-03-05T10:05:00Z')}, ${adminProId}, 'measure_kind.update', 'measure_kind', ${kind!.id},
              true, '{}'::jsonb)`);
    const [fr] = (await list(admin, `subject=${kind!.id}`)).items;
    expect(fr?.recordName).toBe(kind!.name_fr);
    const [de] = (await list(adminDe, `subject=${kind!.id}`)).items;
    expect(de?.recordName).toBe(kind!.name_de);
  });

  it('audits the reading, with a row per person whose name the page showed, never the name typed', async () => {
    const from = await lastId();
    await list(adminPro, `person=${encodeURIComponent('zuffe')}&pageSize=5`);
    const rows = await rowsAfter(from);
    expect(rows.map((r) => r.action)).toEqual(['audit.list', 'audit.list']);
    expect(rows[0]?.details).toMatchObject({ personFilter: [mine.personId], rows: 5 });
    expect(JSON.stringify(rows)).not.toContain('zuffe');
    expect(rows[1]).toMatchObject({ record_type: 'person', subject_person_id: mine.personId });
  });

  it('finds a person by name or NAVS13, only among the persons the reader may see', async () => {
    const byName = (await list(adminPro, `person=${encodeURIComponent('Zufferey Noé')}&pageSize=200`)).items;
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((e) => e.subjectPersonId === mine.personId)).toBe(true);
    const byNavs = (await list(adminPro, 'person=7561234567897&pageSize=200')).items;
    // The same rows, and newest the reading by name just done: reading the log about someone is on their record.
    expect(byNavs.slice(1).map((e) => e.id)).toEqual(byName.map((e) => e.id));
    expect(byNavs[0]).toMatchObject({ action: 'audit.list', actorUserId: adminProId, personName: 'Zufferey Noé' });
    // Neither the pure administrator nor the announcer of another file learns that Iris Bonvin is in the log.
    expect((await list(admin, 'person=Zufferey')).items).toEqual([]);
    expect((await list(adminPro, 'person=Bonvin')).items).toEqual([]);
  });

  it('filters by user, action, outcome and Swiss calendar days', async () => {
    const byUser = (await list(admin, `actorUserId=${adminProId}&pageSize=200`)).items;
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e) => e.actorUserId === adminProId)).toBe(true);
    const byAction = (await list(admin, 'action=situation.announce&pageSize=200')).items;
    expect(byAction.map((e) => e.situationNumber).sort()).toEqual([mine.number, theirs.number].sort());
    // 2 March in Switzerland: the first situation only; 5 March: the second.
    const second = (await list(admin, 'action=situation.announce&from=2026-03-05&to=2026-03-05')).items;
    expect(second.map((e) => e.situationNumber)).toEqual([theirs.number]);
    const first = (await list(admin, 'action=situation.announce&from=2026-03-01&to=2026-03-02')).items;
    expect(first.map((e) => e.situationNumber)).toEqual([mine.number]);
    expect((await list(admin, 'from=2099-01-01')).items).toEqual([]);
    const denied = (await list(admin, 'allowed=false&pageSize=200')).items;
    expect(denied.every((e) => !e.allowed)).toBe(true);
  });

  it('pages newest first after a cursor, without gaps or repeats, and refuses a forged cursor', async () => {
    const all = (await list(admin, `actorUserId=${adminProId}&pageSize=200`)).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(
        admin,
        `actorUserId=${adminProId}&pageSize=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const forged = Buffer.from(JSON.stringify(["2026-01-01'; DROP TABLE x", '1'])).toString('base64url');
    const bad = await t.request(admin, { method: 'GET', url: `/api/audit?cursor=${forged}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('cursor');
    const unknownAction = await t.request(admin, { method: 'GET', url: '/api/audit?action=user.' });
    expect(unknownAction.statusCode).toBe(400);
  });

  it('is for administrators only: 403 and a refusal in the log for anyone else, page and export', async () => {
    const from = await lastId();
    expect((await t.request(pro, { method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await t.request(pro, { method: 'GET', url: '/api/audit/export' })).statusCode).toBe(403);
    expect((await t.request(null, { method: 'GET', url: '/api/audit/export' })).statusCode).toBe(401);
    const rows = await rowsAfter(from);
    expect(rows.map((r) => r.action)).toEqual(['audit.list', 'audit.export']);
  });
});

describe('the CSV export', () => {
  it('writes the filtered rows for Swiss Excel: BOM, `;`, French headers and labels, names as shown', async () => {
    const from = await lastId();
    const response = await t.request(adminPro, {
      method: 'GET',
      url: `/api/audit/export?subject=${mine.number}&action=situation.announce`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="journal-audit-2026-03-05.csv"');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Date et heure;Utilisateur;Institution;Action;Code de l’action;Type d’enregistrement;Enregistrement;' +
        'Identifiant de l’enregistrement;Situation;Personne;Adresse IP;Résultat;Position dans la chaîne;' +
        'N° de l’entrée',
    );
    expect(lines).toHaveLength(3); // header, one row, the final line end
    expect(lines[1]).toMatch(
      new RegExp(
        `^02\\.03\\.2026 09:00:00;Alix Double;ORP Sion;Situation annoncée;situation\\.announce;Situation;;${
          mine.id
        };${mine.number};Zufferey Noé;[^;]*;Autorisé;;\\d+$`,
      ),
    );
    const rows = await rowsAfter(from);
    expect(rows.map((r) => r.action)).toEqual(['audit.export', 'audit.export']);
    expect(rows[0]?.details).toMatchObject({ rows: 1, truncated: false, filters: { subject: mine.number } });
    expect(rows[1]).toMatchObject({ record_type: 'person', subject_person_id: mine.personId });
  });

  it('in German for a German reader, without the names that reader may not see', async () => {
    const response = await t.request(adminDe, {
      method: 'GET',
      url: `/api/audit/export?subject=${mine.number}&action=situation.announce`,
    });
    expect(response.headers['content-disposition']).toBe('attachment; filename="audit-protokoll-2026-03-05.csv"');
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]?.startsWith('Datum und Zeit;Benutzer;Institution;Aktion;Code der Aktion;')).toBe(true);
    expect(lines[1]).toContain(`;Alix Double;RAV Sitten;Situation gemeldet;situation.announce;Situation;`);
    expect(lines[1]).toContain(`;${mine.number};;`); // no person
    expect(response.body).not.toContain('Zufferey');
  });

  it('stops at its bound and says so on its last line', async () => {
    const ctx = {
      db: t.database.db,
      config: parseConfig({ WEB_DIST_DIR: '/nonexistent', AUDIT_KEY: 'k'.repeat(40) }),
      now: () => t.clock.now,
      ip: '192.0.2.9',
      lang: 'fr' as const,
      actor: {
        userId: t.world.users.admin.id,
        institutionId: t.world.bureau.id,
        regionId: null,
        roles: ['admin' as const],
      },
    };
    const result = await exportAuditEntries(ctx, {}, 3);
    expect(result).toMatchObject({ rows: 3, truncated: true });
    const lines = result.csv.split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toContain('Export limité aux 3 entrées les plus récentes');
  });
});
