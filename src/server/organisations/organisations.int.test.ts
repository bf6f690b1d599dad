import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

describe('organisations', () => {
  it('creates and edits regions, institutions, offices and communes with optimistic concurrency', async () => {
    const region = await t.request(admin, {
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'MARTIGNY', nameFr: 'Martigny', nameDe: 'Martinach' },
    });
    expect(region.statusCode).toBe(201);
    const commune = await t.request(admin, {
      method: 'POST',
      url: '/api/communes',
      payload: {
        bfsNumber: 6136,
        name: 'Martigny',
        canton: 'vs',
        district: 'Martigny',
        language: 'fr',
        regionId: region.json().id,
      },
    });
    expect(commune.statusCode).toBe(201);
    const institution = await t.request(admin, {
      method: 'POST',
      url: '/api/institutions',
      payload: {
        kind: 'commune',
        nameFr: 'Commune de Martigny',
        nameDe: 'Gemeinde Martinach',
        regionId: region.json().id,
        communeId: commune.json().id,
      },
    });
    expect(institution.statusCode).toBe(201);
    const office = await t.request(admin, {
      method: 'POST',
      url: '/api/offices',
      payload: { institutionId: institution.json().id, name: 'Guichet social', regionId: region.json().id },
    });
    expect(office.statusCode).toBe(201);

    const directory = (await t.request(admin, { method: 'GET', url: '/api/directory' })).json();
    const saved = directory.communes.find((c: { id: string }) => c.id === commune.json().id);
    expect(saved).toMatchObject({ canton: 'VS', version: 1 });

    const edit = (name: string, version: number) =>
      t.request(admin, {
        method: 'PUT',
        url: `/api/regions/${region.json().id}`,
        payload: { code: 'MARTIGNY', nameFr: name, nameDe: 'Martinach', version },
      });
    expect((await edit('Martigny et environs', 1)).statusCode).toBe(200);
    const stale = await edit('Autre nom', 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/modifié par quelqu’un d’autre/);
    expect(
      (
        await t.request(admin, {
          method: 'PUT',
          url: '/api/regions/00000000-0000-4000-8000-000000000000',
          payload: { code: 'X', nameFr: 'x', nameDe: 'x', version: 1 },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a commune institution without a commune and a duplicate BFS number', async () => {
    const institution = await t.request(admin, {
      method: 'POST',
      url: '/api/institutions',
      payload: { kind: 'commune', nameFr: 'Sans commune', nameDe: 'Ohne Gemeinde', regionId: null, communeId: null },
    });
    expect(institution.statusCode).toBe(400);
    expect(institution.json().error.fields[0].path).toBe('communeId');
    const duplicate = await t.request(admin, {
      method: 'POST',
      url: '/api/communes',
      payload: { bfsNumber: 6136, name: 'Doublon', canton: 'VS', district: 'X', language: 'fr', regionId: null },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields[0].path).toBe('bfsNumber');
  });

  it('imports communes from CSV, reporting each rejected row and why', async () => {
    const csv = [
      'BFS-Nr;Gemeinde;Kanton;Bezirk;Sprache',
      '6002;Brig-Glis;VS;Brig;de',
      '6007;Naters;VS;Brig;deutsch',
      'abc;Nowhere;VS;Brig;de',
      '6297;Visp;Wallis;Visp;it',
      '6002;Brig again;VS;Brig;de',
      '"6136";"Martigny-Ville";"VS";"Martigny";"fr"',
    ].join('\r\n');
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/communes/import',
      payload: { csv },
      headers: { 'accept-language': 'fr' },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.created).toBe(2);
    expect(report.updated).toBe(1); // 6136 existed already
    expect(report.rejected).toEqual([
      { line: 4, reasons: ['Numéro OFS invalide : « abc ».'] },
      {
        line: 5,
        reasons: ['Canton invalide : « Wallis » (deux lettres, p. ex. VS).', 'Langue invalide : « it » (fr ou de).'],
      },
      { line: 6, reasons: ['Numéro OFS 6002 déjà présent plus haut dans le fichier.'] },
    ]);
    const directory = (await t.request(admin, { method: 'GET', url: '/api/directory' })).json();
    expect(directory.communes.find((c: { bfsNumber: number }) => c.bfsNumber === 6136).name).toBe('Martigny-Ville');
  });

  it('rejects a file without the needed columns, changing nothing', async () => {
    const response = await t.request(admin, {
      method: 'POST',
      url: '/api/communes/import',
      payload: { csv: 'name,canton\nSion,VS' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].message).toMatch(/Colonnes manquantes/);
  });

  it('lets every user read the directory but only admins change it', async () => {
    const pro = await t.signIn('pro');
    expect((await t.request(pro, { method: 'GET', url: '/api/directory' })).statusCode).toBe(200);
    const refused = await t.request(pro, {
      method: 'POST',
      url: '/api/regions',
      payload: { code: 'NOPE', nameFr: 'x', nameDe: 'x' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
