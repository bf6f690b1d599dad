import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failWith, installFailingPersonTrigger } from '../../test/failing-trigger.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { draftBody, personInput } from '../../test/situation-fixtures.ts';

/**
 * Input an attacker would try: NUL bytes, unknown ids, impossible dates.
 * Every one must be a 400 naming the field, never a 500.
 */
let t: TestApp;
let pro: string;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-03-10T09:00:00Z');
  pro = await t.signIn('pro');
});
afterAll(() => t.close());

type ErrorJson = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
const fields = (body: ErrorJson) => Object.fromEntries((body.error.fields ?? []).map((f) => [f.path, f.message]));

describe('a NUL byte in any string', () => {
  it('in a query string is a 400 naming the parameter', async () => {
    const response = await t.request(pro, { method: 'GET', url: '/api/situations?q=%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation');
    expect(fields(response.json())).toEqual({ q: 'Ce champ contient un caractère non autorisé.' });
  });

  it('in a JSON field is a 400 naming the field, in the caller language', async () => {
    const response = await t.request(pro, {
      method: 'POST',
      url: '/api/situations',
      payload: draftBody(t, { description: 'a\u0000b' }),
      headers: { 'accept-language': 'de' },
    });
    expect(response.statusCode).toBe(400);
    // The session's language (French for `pro`) wins over the header, as for every message.
    expect(fields(response.json())).toEqual({ description: 'Ce champ contient un caractère non autorisé.' });
    const social = await t.signIn('social');
    const german = await t.request(social, {
      method: 'POST',
      url: '/api/persons/duplicates',
      payload: personInput({ officialName: 'x\u0000' }),
    });
    expect(german.statusCode).toBe(400);
    expect(fields(german.json())).toEqual({ officialName: 'Dieses Feld enthält ein unzulässiges Zeichen.' });
  });

  it('deep in a body, in a meeting’s notes or in an array, whatever the route', async () => {
    const person = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: { person: personInput({ street: 'Rue\u0000 1' }), confirmDistinctFrom: [] },
    });
    expect(person.statusCode).toBe(400);
    expect(Object.keys(fields(person.json()))).toEqual(['person.street']);
    const meeting = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${randomUUID()}/meetings`,
      payload: { heldOn: '2026-03-01', kind: 'with_person', personPresent: true, notes: 'a\u0000b' },
    });
    expect(meeting.statusCode).toBe(400);
    expect(Object.keys(fields(meeting.json()))).toEqual(['notes']);
    const list = await t.request(pro, { method: 'GET', url: '/api/situations?status=draft&q=ok&sort=%00newest' });
    expect(list.statusCode).toBe(400);
    expect(Object.keys(fields(list.json()))).toEqual(['sort']);
    const array = await t.request(pro, {
      method: 'POST',
      url: '/api/situations',
      payload: draftBody(t, { riskFactors: ['health', 'debts\u0000'] }),
    });
    expect(array.statusCode).toBe(400);
    expect(Object.keys(fields(array.json()))).toEqual(['riskFactors.1']);
  });

  it('in a text that PostgreSQL would store (a draft) is refused before it reaches the database', async () => {
    const response = await t.request(pro, {
      method: 'POST',
      url: '/api/situations',
      payload: draftBody(t, { helpExpected: 'Coaching\u0000' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/insert|select|0x00|utf8|UTF8/i);
  });
});

describe('numbers and dates the database cannot hold (found by the API fuzz run)', () => {
  it('a version beyond PostgreSQL’s integer is a 400 naming the field, not a database error', async () => {
    const draft = await t.request(pro, { method: 'POST', url: '/api/situations', payload: draftBody(t) });
    for (const version of [2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      const response = await t.request(pro, {
        method: 'POST',
        url: `/api/situations/${draft.json().id}/announce`,
        payload: { version },
      });
      expect(response.statusCode).toBe(400);
      expect(fields(response.json())).toEqual({ version: 'La valeur doit être au plus 2147483647.' });
    }
  });

  it('year 0000, which neither the calendar nor PostgreSQL has, is refused like 30 February', async () => {
    const person = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: { person: personInput({ navs13: '', birthDate: '0000-06-01' }), confirmDistinctFrom: [] },
    });
    expect(person.statusCode).toBe(400);
    expect(fields(person.json())).toEqual({ 'person.birthDate': 'Format invalide.' });
    const audit = await t.request(await t.signIn('admin'), { method: 'GET', url: '/api/audit?from=0000-01-01' });
    expect(audit.statusCode).toBe(400);
    expect(Object.keys(fields(audit.json()))).toEqual(['from']);
    const statement = await t.request(pro, {
      method: 'GET',
      url: `/api/statements/csv?communeId=${randomUUID()}&quarter=0000-Q1`,
    });
    expect(statement.statusCode).toBe(400);
    expect(fields(statement.json())).toEqual({ quarter: 'Format invalide.' });
  });
});

describe('a person', () => {
  it('in an unknown commune is refused with a field message', async () => {
    const response = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: { person: personInput({ communeId: randomUUID() }), confirmDistinctFrom: [] },
    });
    expect(response.statusCode).toBe(400);
    expect(fields(response.json())).toEqual({ 'person.communeId': 'Commune inconnue.' });
  });

  it('born in the future is refused; born today is accepted', async () => {
    const tomorrow = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: {
        person: personInput({ navs13: '', officialName: 'Futur', birthDate: '2026-03-11' }),
        confirmDistinctFrom: [],
      },
    });
    expect(tomorrow.statusCode).toBe(400);
    expect(fields(tomorrow.json())).toEqual({
      'person.birthDate': 'La date de naissance ne peut pas être dans le futur.',
    });
    const today = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: {
        person: personInput({ navs13: '', officialName: 'Nouveau-né', birthDate: '2026-03-10' }),
        confirmDistinctFrom: [],
      },
    });
    expect(today.statusCode).toBe(201);
  });
});

describe('database errors the use cases did not foresee', () => {
  beforeAll(() => installFailingPersonTrigger(t.database.db));
  const insertFailingWith = (code: string) =>
    t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: {
        person: personInput({
          navs13: '',
          officialName: `Code${code}`,
          email: 'secret.person@example.ch',
          locality: failWith(code),
        }),
        confirmDistinctFrom: [],
      },
    });

  it.each([
    ['23503', 400, 'validation'],
    ['22021', 400, 'validation'],
    ['22P02', 400, 'validation'],
    ['22007', 400, 'validation'],
    ['22008', 400, 'validation'],
    ['23505', 409, 'conflict'],
    ['23514', 500, 'internal'],
  ])('SQLSTATE %s answers %i without a word of SQL', async (code, status, errorCode) => {
    const response = await insertFailingWith(code);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(errorCode);
    expect(response.body).not.toMatch(/insert|persons|secret\.person|test_person_rule|SQLSTATE|refused/i);
  });
});
