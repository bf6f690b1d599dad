import { insertInstitution, insertUser } from '../db/seed/factories.ts';
import type { TestApp } from './int-harness.ts';
import { createDraft, createPerson, getSituation, recordConsent } from './situation-fixtures.ts';

/** The MAMAC's extra cast in the test world: an SMR doctor and the OAI's and CMS's répondants; an OSP outside it. */
export async function assessmentCast(t: TestApp, suffix = '') {
  const db = t.database.db;
  const smr = await insertUser(db, { username: `smr${suffix}`, institutionId: t.world.oai.id, roles: ['smr_doctor'] });
  const oaiRep = await insertUser(db, {
    username: `oai.rep${suffix}`,
    institutionId: t.world.oai.id,
    roles: ['cii_correspondent'],
  });
  const cmsRep = await insertUser(db, {
    username: `cms.rep${suffix}`,
    institutionId: t.world.cms.id,
    roles: ['cii_correspondent'],
    language: 'de',
  });
  const osp = await insertInstitution(db, { kind: 'osp', nameFr: `OSP${suffix}`, nameDe: `BSL${suffix}` });
  const ospUser = await insertUser(db, {
    username: `osp${suffix}`,
    institutionId: osp.id,
    roles: ['cii_correspondent'],
  });
  return { smr, oaiRep, cmsRep, osp, ospUser };
}

const NAMES = ['Évéquoz', 'Zufferey', 'Bonvin', 'Fournier', 'Carron', 'Maret', 'Moulin', 'Crettenand', 'Dayer'];
let made = 0;

/** A situation announced by `pro`, its procuration naming `institutionIds` with `categories`, oriented to a MAMAC. */
export async function orientedToAssessment(
  t: TestApp,
  pro: string,
  coord: string,
  institutionIds: string[],
  categories: string[],
  personOver: Record<string, unknown> = {},
) {
  const n = made++;
  const person = { navs13: '', officialName: NAMES[n % NAMES.length], birthDate: `${1970 + n}-02-11`, ...personOver };
  const personId = await createPerson(t, pro, person);
  const id = await createDraft(t, pro, { personId });
  await recordConsent(t, pro, id, institutionIds, categories);
  const step = async (who: string, url: string, payload: Record<string, unknown>) => {
    const version = (await getSituation(t, who, id)).json().version;
    const r = await t.request(who, {
      method: 'POST',
      url: `/api/situations/${id}/${url}`,
      payload: { ...payload, version },
    });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.body}`);
  };
  await step(pro, 'announce', {});
  await step(coord, 'take-up', {});
  await step(coord, 'decision', {
    decision: 'orient',
    careKind: 'assessment',
    reason: 'Santé et dettes : un assessment.',
  });
  return { id, personId };
}

/** One call to the assessment's API, failing loudly unless the status is the one expected. */
export async function assessmentCall(
  t: TestApp,
  cookie: string,
  id: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  payload?: Record<string, unknown>,
  expected = 200,
) {
  const r = await t.request(cookie, { method, url: `/api/situations/${id}/assessment${path}`, payload });
  if (r.statusCode !== expected) throw new Error(`${method} ${path}: ${r.statusCode} ${r.body}`);
  return r.json();
}
