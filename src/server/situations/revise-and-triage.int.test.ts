import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import {
  allCriteria,
  announcedSituation,
  createPerson,
  draftBody,
  getSituation,
  personInput,
} from '../../test/situation-fixtures.ts';

/**
 * Issue 11, "Triage and announcement": a refused announcement revised and
 * announced again; justifications counted in visible characters; a missing
 * field says that it is required; every field's problem at once.
 */
let t: TestApp;
let pro: string;
let coord: string;
let colleague: string;
let social: string;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-03-10T09:00:00Z');
  pro = await t.signIn('pro');
  coord = await t.signIn('coord');
  colleague = await t.signIn('colleague');
  social = await t.signIn('social');
});
afterAll(() => t.close());

type Field = { path: string; message: string };
const fieldsOf = (body: { error: { fields?: Field[] } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.path, f.message]));
const version = async (cookie: string, id: string) => (await getSituation(t, cookie, id)).json().version as number;
const decide = (cookie: string, id: string, body: Record<string, unknown>) =>
  t.request(cookie, { method: 'POST', url: `/api/situations/${id}/decision`, payload: body });
const takeUp = async (id: string) =>
  t.request(coord, {
    method: 'POST',
    url: `/api/situations/${id}/take-up`,
    payload: { version: await version(coord, id) },
  });
const ZWSP3 = '\u200B\u200B\u200B';

async function refusedSituation(name: string) {
  const { id, personId } = await announcedSituation(t, pro, {
    navs13: '',
    officialName: name,
    firstNames: 'Revue',
    birthDate: '1979-05-05',
  });
  await takeUp(id);
  const refused = await decide(coord, id, {
    decision: 'refuse',
    version: await version(coord, id),
    reason: 'Pas de cumul de facteurs décrit',
    suggestions: 'Décrire la situation de santé ; suivi ORP ordinaire en attendant.',
  });
  expect(refused.statusCode).toBe(200);
  return { id, personId };
}

describe('a refused announcement, revised and announced again', () => {
  it('is edited by its announcer, announced again into the queue, the refusal kept on the timeline', async () => {
    const { id, personId } = await refusedSituation('Révisée');
    const first = (await getSituation(t, pro, id)).json();
    expect(first).toMatchObject({ status: 'refused', abilities: { update: true, announce: true } });
    // Revised to nothing visible: announcing again names what is missing and changes nothing.
    const blank = await t.request(pro, {
      method: 'PUT',
      url: `/api/situations/${id}`,
      payload: { ...draftBody(t, { personId }), description: ZWSP3, helpExpected: ' \u200D', version: first.version },
    });
    expect(blank.statusCode).toBe(200);
    const refusedAgain = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: blank.json().version },
    });
    expect(refusedAgain.statusCode).toBe(400);
    expect(fieldsOf(refusedAgain.json())).toEqual({
      description: 'Ce champ est obligatoire.',
      helpExpected: 'Ce champ est obligatoire.',
    });
    const before = (await getSituation(t, pro, id)).json();
    expect(before).toMatchObject({ status: 'refused', version: blank.json().version });

    const revised = await t.request(pro, {
      method: 'PUT',
      url: `/api/situations/${id}`,
      payload: {
        ...draftBody(t, { personId }),
        description: 'Santé : diabète mal suivi. Dettes : poursuites. Fin de droit dans deux mois.',
        version: before.version,
      },
    });
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({ status: 'refused', description: expect.stringMatching(/diabète/) });
    // A stale version is refused; the announcer learns it changed meanwhile.
    const stale = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: before.version },
    });
    expect(stale.statusCode).toBe(409);

    const again = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: revised.json().version },
    });
    expect(again.statusCode).toBe(200);
    const queue = (await t.request(coord, { method: 'GET', url: '/api/triage/queue' })).json();
    expect(queue.announced.map((s: { id: string }) => s.id)).toContain(id);

    const after = (await getSituation(t, coord, id)).json();
    expect(after).toMatchObject({
      status: 'announced',
      decidedAt: null,
      refusalSuggestions: null,
      handledByName: null,
      description: expect.stringMatching(/diabète/),
    });
    const types = after.timeline.map((e: { type: string }) => e.type);
    expect(types.slice(-4)).toEqual(['announce', 'take_up', 'refuse', 'announce']);
    const refusal = after.timeline.find((e: { type: string }) => e.type === 'refuse');
    expect(refusal).toMatchObject({
      fromStatus: 'under_review',
      toStatus: 'refused',
      reason: 'Pas de cumul de facteurs décrit',
      details: { suggestions: 'Décrire la situation de santé ; suivi ORP ordinaire en attendant.' },
    });
    expect(after.timeline.at(-1)).toMatchObject({ fromStatus: 'refused', toStatus: 'announced' });
    // Taken up and decided again like any announcement.
    expect((await takeUp(id)).statusCode).toBe(200);
  });

  it('is revised only by its announcer, only while refused: others get 404', async () => {
    const { id, personId } = await refusedSituation('Autrui');
    const v = await version(pro, id);
    const put = (cookie: string) =>
      t.request(cookie, {
        method: 'PUT',
        url: `/api/situations/${id}`,
        payload: { ...draftBody(t, { personId }), version: v },
      });
    expect((await put(colleague)).statusCode).toBe(404);
    expect((await put(coord)).statusCode).toBe(404);
    const announceAs = (cookie: string) =>
      t.request(cookie, { method: 'POST', url: `/api/situations/${id}/announce`, payload: { version: v } });
    expect((await announceAs(coord)).statusCode).toBe(404);
    expect((await getSituation(t, coord, id)).json()).toMatchObject({ status: 'refused', version: v });
    // Once announced again, the announcement is no longer the announcer's to edit.
    expect((await announceAs(pro)).statusCode).toBe(200);
    expect((await put(pro)).statusCode).toBe(404);
  });

  it('keeps its person, anonymity and region: the refusal and the scans stay with whom they concern', async () => {
    const { id, personId } = await refusedSituation('Gardée');
    const other = await createPerson(t, pro, {
      navs13: '',
      officialName: 'Autre',
      firstNames: 'Personne',
      birthDate: '1981-02-02',
    });
    const v = await version(pro, id);
    const put = (over: Record<string, unknown>) =>
      t.request(pro, {
        method: 'PUT',
        url: `/api/situations/${id}`,
        payload: { ...draftBody(t, { personId }), ...over, version: v },
      });
    const swapped = await put({ personId: other });
    expect(swapped.statusCode).toBe(400);
    expect(fieldsOf(swapped.json())).toEqual({
      personId:
        'Une fois annoncée, la situation garde sa personne, son anonymat et sa région : ' +
        'seul le Bureau CII peut la déplacer vers une autre région.',
    });
    const moved = await put({ regionId: t.world.otherRegion.id, anonymous: true, personId: null, ageBand: '25_34' });
    expect(moved.statusCode).toBe(400);
    expect(Object.keys(fieldsOf(moved.json())).sort()).toEqual(['anonymous', 'regionId']);
    // Nothing changed, and the revision of what it says still works.
    expect((await getSituation(t, pro, id)).json()).toMatchObject({
      version: v,
      personId,
      regionId: t.world.region.id,
    });
    expect((await put({ description: 'Santé et dettes décrites en détail.' })).statusCode).toBe(200);
  });
});

describe('triage answers counted in visible characters', () => {
  it('refuses three zero-width spaces as a justification, a reason or suggestions, and changes nothing', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Invisible',
      firstNames: 'Texte',
      birthDate: '1985-02-02',
    });
    await takeUp(id);
    const v = await version(coord, id);
    const tandem = await decide(coord, id, {
      decision: 'orient',
      careKind: 'tandem',
      version: v,
      reason: 'Cumul',
      eligibility: allCriteria({ realistic_potential: { justification: ZWSP3 } }),
    });
    expect(tandem.statusCode).toBe(400);
    expect(fieldsOf(tandem.json())).toEqual({
      'eligibility.realistic_potential.justification': 'Justifiez la réponse (au moins 3 caractères visibles).',
    });
    const reason = await decide(coord, id, {
      decision: 'refuse',
      version: v,
      reason: `${ZWSP3}\uFEFF`,
      suggestions: ZWSP3,
    });
    expect(reason.statusCode).toBe(400);
    // Both at once: the reason and the suggestions.
    expect(fieldsOf(reason.json())).toEqual({
      reason: 'Ce champ est obligatoire.',
      suggestions: expect.stringMatching(/suggestions/),
    });
    // A missing reason and an unjustified criterion together, not one after the other.
    const together = await decide(coord, id, {
      decision: 'orient',
      careKind: 'tandem',
      version: v,
      reason: '',
      eligibility: allCriteria({ realistic_potential: { justification: '' } }).slice(0, 5),
    });
    expect(fieldsOf(together.json())).toEqual({
      reason: 'Ce champ est obligatoire.',
      'eligibility.realistic_potential.justification': 'Justifiez la réponse (au moins 3 caractères visibles).',
      'eligibility.intensive_coaching_needed': 'Répondez à ce critère.',
    });
    const suggestions = await decide(coord, id, { decision: 'refuse', version: v, reason: 'Non', suggestions: ZWSP3 });
    expect(fieldsOf(suggestions.json())).toHaveProperty('suggestions');
    expect((await getSituation(t, coord, id)).json()).toMatchObject({ status: 'under_review', version: v });
  });
});

describe('field errors', () => {
  it('says that a missing field is required (FR and DE), not "invalid choice", on any route', async () => {
    const { correspondenceLanguage: _, ...withoutLanguage } = personInput({ navs13: '' });
    const fr = await t.request(pro, { method: 'POST', url: '/api/persons/duplicates', payload: withoutLanguage });
    expect(fr.statusCode).toBe(400);
    expect(fieldsOf(fr.json())).toEqual({ correspondenceLanguage: 'Ce champ est obligatoire.' });
    const de = await t.request(social, {
      method: 'POST',
      url: '/api/persons',
      payload: { person: { ...withoutLanguage, sex: null, birthDate: '' }, confirmDistinctFrom: [] },
    });
    expect(fieldsOf(de.json())).toEqual({
      'person.correspondenceLanguage': 'Dieses Feld ist obligatorisch.',
      'person.sex': 'Dieses Feld ist obligatorisch.',
      'person.birthDate': 'Dieses Feld ist obligatorisch.',
    });
    // A wrong value is still named as such.
    const wrong = await t.request(pro, {
      method: 'POST',
      url: '/api/persons/duplicates',
      payload: personInput({ navs13: '', correspondenceLanguage: 'xx' }),
    });
    expect(fieldsOf(wrong.json())).toEqual({ correspondenceLanguage: 'Choix invalide.' });
    // Another route: a decision without its care kind.
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Requis',
      firstNames: 'Champ',
      birthDate: '1986-03-03',
    });
    const noKind = await decide(coord, id, { decision: 'orient', version: 1, reason: 'x' });
    expect(fieldsOf(noKind.json())).toEqual({ careKind: 'Ce champ est obligatoire.' });
  });

  it('names every problem of a person at once: NAVS13, birth date in the future and unknown commune', async () => {
    const person = personInput({
      navs13: '756.9217.0769.84',
      birthDate: '2030-01-01',
      communeId: '00000000-0000-4000-8000-000000000000',
    });
    const check = await t.request(pro, { method: 'POST', url: '/api/persons/duplicates', payload: person });
    expect(Object.keys(fieldsOf(check.json())).sort()).toEqual(['person.birthDate', 'person.navs13']);
    const create = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: { person, confirmDistinctFrom: [] },
    });
    expect(create.statusCode).toBe(400);
    expect(Object.keys(fieldsOf(create.json())).sort()).toEqual([
      'person.birthDate',
      'person.communeId',
      'person.navs13',
    ]);
  });
});

describe('a refusal suggests institutions (issue 13, seed 004 §6)', () => {
  it('names the canton’s institutions or kinds, checked, kept with their names on the timeline', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Suggérée',
      firstNames: 'Revue',
      birthDate: '1977-07-07',
    });
    await takeUp(id);
    const v = await version(coord, id);
    // An institution the directory does not hold, one not of the kind said: each on its line, nothing changed.
    const bad = await decide(coord, id, {
      decision: 'refuse',
      version: v,
      reason: 'Pas de cumul',
      suggestedInstitutions: [
        { kind: 'orp', institutionId: '00000000-0000-4000-8000-000000000000' },
        { kind: 'orp', institutionId: t.world.cms.id },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual({
      'suggestedInstitutions.0': 'Cette institution n’existe pas dans l’annuaire.',
      'suggestedInstitutions.1': 'Cette institution n’est pas du type indiqué.',
    });
    expect((await getSituation(t, coord, id)).json()).toMatchObject({ status: 'under_review', version: v });
    // The ORP of Sion and any OAI, without a note: enough.
    const ok = await decide(coord, id, {
      decision: 'refuse',
      version: v,
      reason: 'Pas de cumul',
      suggestedInstitutions: [
        { kind: 'orp', institutionId: t.world.orp.id },
        { kind: 'oai', institutionId: null },
        { kind: 'orp', institutionId: null },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const refused = (await getSituation(t, pro, id)).json();
    const orp = { kind: 'orp', institutionId: t.world.orp.id, nameFr: t.world.orp.nameFr, nameDe: t.world.orp.nameDe };
    const oai = { kind: 'oai', institutionId: null, nameFr: null, nameDe: null };
    expect(refused.refusalInstitutions).toEqual([orp, oai]);
    expect(refused.refusalSuggestions).toBe('');
    expect(refused.timeline.find((e: { type: string }) => e.type === 'refuse').details).toEqual({
      suggestions: '',
      institutions: [orp, oai],
    });
  });
});
