import { insertInstitution, insertUser } from '../db/seed/factories.ts';
import type { TestApp } from './int-harness.ts';
import { allCriteria, createDraft, createPerson, getSituation, recordConsent } from './situation-fixtures.ts';

/**
 * A tandem whose members work in institutions of their own (an ORP and a CMS
 * that no consent names unless the test says so), so that what they see comes
 * from being the assigned tandem, not from a consent naming their institution.
 */
export async function tandemMembers(t: TestApp, suffix: string) {
  const db = t.database.db;
  const orp = await insertInstitution(db, {
    kind: 'orp',
    nameFr: `ORP ${suffix}`,
    nameDe: `RAV ${suffix}`,
    regionId: t.world.region.id,
  });
  const cms = await insertInstitution(db, {
    kind: 'cms',
    nameFr: `CMS ${suffix}`,
    nameDe: `SMZ ${suffix}`,
    regionId: t.world.region.id,
  });
  const orpUser = await insertUser(db, {
    username: `tandem.orp.${suffix}`,
    institutionId: orp.id,
    regionId: t.world.region.id,
    roles: ['tandem_member'],
  });
  const cmsUser = await insertUser(db, {
    username: `tandem.cms.${suffix}`,
    institutionId: cms.id,
    regionId: t.world.region.id,
    roles: ['tandem_member'],
    language: 'de',
  });
  return { orp, cms, orpUser, cmsUser };
}

export async function createTandem(t: TestApp, bureau: string, orpUserId: string, cmsUserId: string, capacity = 6) {
  const response = await t.request(bureau, {
    method: 'POST',
    url: '/api/tandems',
    payload: { regionId: t.world.region.id, orpUserId, cmsUserId, capacity },
  });
  if (response.statusCode !== 201) throw new Error(`create tandem: ${response.body}`);
  return response.json().id as string;
}

/**
 * Announced by `announcer`, consent naming `consentInstitutionIds`, taken up and oriented to a tandem by the
 * coordinator.
 */
export async function orientedToTandem(
  t: TestApp,
  announcer: string,
  coord: string,
  consentInstitutionIds: string[],
  personOver: Record<string, unknown> = {},
) {
  const personId = await createPerson(t, announcer, personOver);
  const id = await createDraft(t, announcer, { personId });
  await recordConsent(t, announcer, id, consentInstitutionIds);
  const step = async (who: string, url: string, payload: Record<string, unknown>) => {
    const version = (await getSituation(t, who, id)).json().version;
    const r = await t.request(who, {
      method: 'POST',
      url: `/api/situations/${id}/${url}`,
      payload: { ...payload, version },
    });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.body}`);
  };
  await step(announcer, 'announce', {});
  await step(coord, 'take-up', {});
  await step(coord, 'decision', {
    decision: 'orient',
    careKind: 'tandem',
    reason: 'Cumul de facteurs, potentiel réel.',
    eligibility: allCriteria(),
  });
  return id;
}

export async function assign(
  t: TestApp,
  bureau: string,
  situationId: string,
  tandemId: string,
  startOn: string,
  extra: Record<string, unknown> = {},
) {
  const version = (await getSituation(t, bureau, situationId)).json().version;
  return t.request(bureau, {
    method: 'POST',
    url: `/api/situations/${situationId}/mandate`,
    payload: { tandemId, startOn, version, ...extra },
  });
}
