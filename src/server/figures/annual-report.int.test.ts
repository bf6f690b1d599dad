import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../db/seed/factories.ts';
import { auditLog } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';

/**
 * Issue 13 on PGlite and PostgreSQL: the annual report's texts, written by the cantonal CII officer per year and
 * language (version, 409 on a stale one), read by the statistics readers, and the PDF in French and German in the
 * structure of the 2012 report (seed 004 §2–§7). Reads, writes and prints are audited.
 */
let t: TestApp;
const sessions = new Map<string, string>();
const as = async (u: string) => {
  if (!sessions.has(u)) sessions.set(u, await t.signIn(u));
  return sessions.get(u) as string;
};
const call = async (u: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
  t.request(await as(u), { method, url, payload });
const texts = (achievements: string, version: number | null) => ({
  achievements,
  copil: 'Le COPIL s’est réuni à trois reprises.',
  cdc: 'Le CDC s’est réuni six fois.',
  commission: 'La Commission droit s’est réunie une fois.',
  bureau: 'Trente-quatre séances de travail.',
  conclusions: 'Une culture CII existe réellement en Valais !',
  version,
});
const pdfText = (pdf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'annual-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

beforeAll(async () => {
  t = await createTestApp();
  const { bureau } = t.world;
  await insertUser(t.database.db, { username: 'copil.stats', institutionId: bureau.id, roles: ['statistics_reader'] });
  await insertUser(t.database.db, {
    username: 'cii.officer',
    institutionId: bureau.id,
    roles: ['bureau_member', 'statistics_reader'],
  });
  t.clock.now = new Date('2013-01-20T09:00:00Z');
});
afterAll(() => t.close());

describe('the annual report (issue 13)', () => {
  it('the officer writes the texts of a year and language; a stale version gets 409 and changes nothing', async () => {
    const empty = await call('cii.officer', 'GET', '/api/figures/annual-report?year=2012&lang=fr');
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ year: 2012, language: 'fr', achievements: '', version: null });

    const first = await call(
      'cii.officer',
      'PUT',
      '/api/figures/annual-report?year=2012&lang=fr',
      texts('- Procédures', null),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, achievements: '- Procédures', updatedBy: expect.any(String) });
    const second = await call(
      'cii.officer',
      'PUT',
      '/api/figures/annual-report?year=2012&lang=fr',
      texts('- Formations', 1),
    );
    expect(second.json().version).toBe(2);
    const stale = await call('cii.officer', 'PUT', '/api/figures/annual-report?year=2012&lang=fr', texts('- Perdu', 1));
    expect(stale.statusCode).toBe(409);
    const again = await call(
      'cii.officer',
      'PUT',
      '/api/figures/annual-report?year=2012&lang=fr',
      texts('- Perdu', null),
    );
    expect(again.statusCode).toBe(409);
    const read = await call('copil.stats', 'GET', '/api/figures/annual-report?year=2012&lang=fr');
    expect(read.json()).toMatchObject({ achievements: '- Formations', version: 2 });
    // German is its own text.
    expect(
      (await call('copil.stats', 'GET', '/api/figures/annual-report?year=2012&lang=de')).json().version,
    ).toBeNull();
  });

  it('only the cantonal officer writes (others 403); who reads no figures reads no report', async () => {
    for (const who of ['copil.stats', 'coord', 'admin']) {
      const r = await call(who, 'PUT', '/api/figures/annual-report?year=2012&lang=de', texts('Nein', null));
      expect(r.statusCode, who).toBe(403);
    }
    for (const who of ['pro', 'admin']) {
      expect((await call(who, 'GET', '/api/figures/annual-report?year=2012&lang=fr')).statusCode, who).toBe(403);
      expect((await call(who, 'GET', '/api/figures/annual-report/pdf?year=2012&lang=fr')).statusCode, who).toBe(403);
    }
  });

  it('bad input: a year out of range or an unknown language is refused with a translated message', async () => {
    const r = await call('cii.officer', 'PUT', '/api/figures/annual-report?year=1999&lang=fr', texts('x', null));
    expect(r.statusCode).toBe(400);
    expect((await call('cii.officer', 'GET', '/api/figures/annual-report?year=2012&lang=it')).statusCode).toBe(400);
    const long = await call('cii.officer', 'PUT', '/api/figures/annual-report?year=2012&lang=de', {
      ...texts('x'.repeat(20_001), null),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBeTruthy();
  });

  it('the PDF in French and in German: the sections of seed 004, the texts, the published figures', async () => {
    await call('cii.officer', 'PUT', '/api/figures/annual-report?year=2012&lang=de', {
      ...texts('- Schulungen', null),
      conclusions: 'Eine IIZ-Kultur existiert.',
    });
    const fr = await call('copil.stats', 'GET', '/api/figures/annual-report/pdf?year=2012&lang=fr');
    expect(fr.statusCode, fr.body).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    expect(fr.headers['content-disposition']).toContain('rapport-annuel-cii-2012.pdf');
    const frText = pdfText(fr.rawPayload).replace(/\s+/g, ' ');
    for (const s of [
      'Rapport annuel 2012',
      '2. Réalisations clés pour l’année 2012',
      '3. Activités du COPIL',
      '4. Activités du Comité de développement et de coordination (CDC)',
      '5. Activités de la Commission droit',
      '6. Activités du Bureau CII',
      '7. Conclusion et recommandations',
      'Formations',
      'Une culture CII existe réellement en Valais !',
      '0 situations ont été annoncées en 2012',
      'inférieurs à 3 sont masqués',
    ])
      expect(frText).toContain(s);
    const de = await call('cii.officer', 'GET', '/api/figures/annual-report/pdf?year=2012&lang=de');
    expect(de.headers['content-disposition']).toContain('jahresbericht-cii-2012.pdf');
    const deText = pdfText(de.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['Jahresbericht 2012', '6. Tätigkeit des IIZ-Büros', 'Schulungen', 'Eine IIZ-Kultur existiert.'])
      expect(deText).toContain(s);
  });

  it('reads, writes and prints are audited', async () => {
    const rows = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.allowed, true)));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['annual_report.read', 'annual_report.update', 'annual_report.print']) expect(actions).toContain(a);
    const refused = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.allowed, false), eq(auditLog.action, 'annual_report.update')));
    expect(refused.length).toBeGreaterThan(0);
  });
});
