import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failWith, installFailingPersonTrigger } from '../../test/failing-trigger.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { personInput } from '../../test/situation-fixtures.ts';

/**
 * The application log (pino) is read by operators and shipped to log
 * stores: no personal data may reach it, even when a query fails with the
 * person's data as its parameters.
 */
let t: TestApp;
let lines: string[] = [];
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
  await installFailingPersonTrigger(t.database.db);
});
afterAll(() => t.close());

const person = {
  navs13: '756.1234.5678.97',
  officialName: 'Zumofen-Logtest',
  firstNames: 'Séraphine',
  birthDate: '1961-07-23',
  street: 'Chemin des Secrets 77',
  postalCode: '3930',
  phone: '+41 27 555 66 77',
  email: 'seraphine.zumofen@example.ch',
};
const personalValues = [
  'Zumofen',
  'Séraphine',
  'Seraphine',
  '1961-07-23',
  '1961',
  'Chemin des Secrets',
  '555 66 77',
  'seraphine.zumofen',
  '756.1234.5678.97',
  '7561234567897',
];

async function failingInsert(code: string) {
  lines = [];
  const pro = await t.signIn('pro');
  const response = await t.request(pro, {
    method: 'POST',
    url: '/api/persons',
    payload: { person: personInput({ ...person, locality: failWith(code) }), confirmDistinctFrom: [] },
  });
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { response, entries, text: lines.join('\n') };
}

describe('a failing insert of a person', () => {
  it('is logged with its class, SQLSTATE, constraint and route, and none of the person’s data', async () => {
    const { response, entries, text } = await failingInsert('23514');
    expect(response.statusCode).toBe(500);
    for (const value of personalValues) expect(text, value).not.toContain(value);
    expect(text).not.toMatch(/insert into|params|refused person/i);
    const failure = entries.find((e) => e.msg === 'request failed');
    expect(failure).toMatchObject({
      level: 50,
      route: '/api/persons',
      method: 'POST',
      err: { code: '23514', constraint: 'test_person_rule' },
    });
    expect((failure!.err as { type: string }).type).toMatch(/Error/);
  });

  it('mapped to a 4xx by the safety net, is logged the same way', async () => {
    const { response, entries, text } = await failingInsert('23503');
    expect(response.statusCode).toBe(400);
    expect(entries.find((e) => e.msg === 'database refused the request data')).toMatchObject({
      level: 40,
      route: '/api/persons',
      err: { code: '23503', constraint: 'test_person_rule' },
    });
    for (const value of personalValues) expect(text, value).not.toContain(value);
  });

  it('logs every request by its route pattern, never its URL', async () => {
    lines = [];
    const pro = await t.signIn('pro');
    await t.request(pro, { method: 'GET', url: '/api/situations?q=Zumofen' });
    const request = lines
      .map((line) => JSON.parse(line))
      .find((e) => e.msg === 'request' && e.route === '/api/situations');
    expect(request).toMatchObject({ method: 'GET', status: 200 });
    expect(lines.join('\n')).not.toContain('Zumofen');
  });
});
