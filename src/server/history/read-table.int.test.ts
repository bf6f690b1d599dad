import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/alerts/alert-rules.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { queryRows } from '../../db/open-db.ts';
import { insertUser } from '../../db/seed/factories.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';

/**
 * A few KB of XLSX can declare a sheet of a million rows by 16 384 columns (one blank cell far right, one value far
 * down). The shared reader refuses it from its dimensions, before reading a cell, with a translated 400 and nothing
 * changed — for the caseload upload (session and machine token) and the administrator's history import alike.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;

/** Headers A1:C1, a blank styled cell at column `wide` of row 1, a value at row `tall` of column A. */
async function hostileBook(headers: string[], wide: number, tall: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('x');
  sheet.getRow(1).values = headers;
  const blank = sheet.getRow(1).getCell(wide);
  blank.value = '';
  blank.numFmt = '0';
  sheet.getCell(tall, 1).value = '1';
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.database.db, {
    username: 'oai.repondant',
    institutionId: t.world.oai.id,
    roles: ['cii_correspondent'],
  });
});
afterAll(async () => {
  await t?.close();
});

const caseloadHeaders = ['navs13', 'reference', 'followed_since'];

describe('a sheet whose dimensions are too large is refused at once', () => {
  it('the caseload upload (session): wide or tall, a quick translated 400, nothing changed', async () => {
    const cookie = await t.signIn('oai.repondant');
    for (const [wide, tall, key] of [
      [16_384, 3, 'colonnes'],
      [3, 1_048_576, 'lignes'],
      [200, 200, 'colonnes'],
    ] as const) {
      const started = Date.now();
      const res = await t.request(cookie, {
        method: 'POST',
        url: '/api/caseload/upload?dryRun=false',
        headers: { 'content-type': XLSX },
        payload: await hostileBook(caseloadHeaders, wide, tall),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(key);
      expect(Date.now() - started).toBeLessThan(3_000);
    }
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM caseload_entries WHERE institution_id = ${t.world.oai.id}`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('the caseload upload by machine token, in German when asked', async () => {
    const admin = await t.signIn('admin');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/machine-tokens',
      payload: { institutionId: t.world.oai.id, label: 'Système OAI', expiresOn: addDays(swissDay(t.clock.now), 30) },
    });
    expect(created.statusCode, created.body).toBe(200);
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/machine/caseload?dryRun=false',
      headers: {
        'content-type': XLSX,
        authorization: `Bearer ${created.json().secret}`,
        'accept-language': 'de',
      },
      payload: await hostileBook(caseloadHeaders, 16_384, 1_048_576),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toMatch(/Zeilen|Spalten/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('the history import: the same quick 400, nothing imported', async () => {
    const admin = await t.signIn('admin');
    for (const [wide, tall] of [
      [16_384, 3],
      [3, 1_048_576],
    ] as const) {
      const started = Date.now();
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/history/import?dryRun=true',
        headers: { 'content-type': XLSX },
        payload: await hostileBook(['external_key', 'announced_on', 'region'], wide, tall),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(Date.now() - started).toBeLessThan(3_000);
    }
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM situations WHERE imported`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('a normal sheet still reads, blank cells as empty text', async () => {
    const cookie = await t.signIn('oai.repondant');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('x');
    sheet.addRow(['navs13', 'reference', 'followed_since', 'laci_end']);
    sheet.addRow(['756.9217.0769.85', 'AI-1', new Date('2025-01-02T00:00:00Z')]);
    const res = await t.request(cookie, {
      method: 'POST',
      url: '/api/caseload/upload?dryRun=true',
      headers: { 'content-type': XLSX },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, accepted: 1 });
  });
});
