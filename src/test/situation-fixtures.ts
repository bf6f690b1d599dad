import type { TestApp } from './int-harness.ts';

/** Builders for the situations tests: the steps a professional takes in the UI, through the API. */
export const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export const personInput = (over: Record<string, unknown> = {}) => ({
  navs13: '756.9217.0769.85',
  officialName: 'Évéquoz',
  firstNames: 'Léa Marie',
  birthDate: '1988-04-12',
  sex: 'female',
  correspondenceLanguage: 'fr',
  communeId: null,
  residencePermit: 'swiss',
  street: 'Rue du Rhône 12',
  postalCode: '1950',
  locality: 'Sion',
  phone: '',
  email: '',
  ...over,
});

export function draftBody(t: TestApp, over: Record<string, unknown> = {}) {
  return {
    regionId: t.world.region.id,
    anonymous: false,
    personId: null,
    ageBand: null,
    followingInstitutionIds: [t.world.orp.id],
    riskFactors: ['health', 'debts'],
    riskFactorsOther: '',
    targetGroups: ['laci_end_of_rights'],
    laciBasicProgramme: true,
    laciEmployabilityCheck: true,
    liasEmployabilityChecked: false,
    liasIntegrationIndicated: false,
    description: 'Fin de droit dans deux mois, problèmes de santé et dettes.',
    helpExpected: 'Coaching intensif vers un emploi.',
    ...over,
  };
}

export async function createPerson(
  t: TestApp,
  cookie: string,
  over: Record<string, unknown> = {},
  confirmDistinctFrom: string[] = [],
) {
  const response = await t.request(cookie, {
    method: 'POST',
    url: '/api/persons',
    payload: { person: personInput(over), confirmDistinctFrom },
  });
  if (response.statusCode !== 201) throw new Error(`create person: ${response.body}`);
  return response.json().id as string;
}

export async function createDraft(t: TestApp, cookie: string, over: Record<string, unknown> = {}) {
  const response = await t.request(cookie, { method: 'POST', url: '/api/situations', payload: draftBody(t, over) });
  if (response.statusCode !== 201) throw new Error(`create draft: ${response.body}`);
  return response.json().id as string;
}

export async function getSituation(t: TestApp, cookie: string, id: string) {
  return t.request(cookie, { method: 'GET', url: `/api/situations/${id}` });
}

export async function upload(
  t: TestApp,
  cookie: string,
  id: string,
  content = MINIMAL_PDF,
  type = 'application/pdf',
  filename = 'procuration.pdf',
) {
  return t.request(cookie, {
    method: 'POST',
    url: `/api/situations/${id}/attachments?filename=${encodeURIComponent(filename)}`,
    payload: content,
    headers: { 'content-type': type },
  });
}

/** Signed on 05.01.2026 for tests set in 2026; on the test's day for tests set earlier (the 2022 rules of issue 5). */
const consentDates = (now: Date) => {
  const today = now.toISOString().slice(0, 10);
  return today < '2026-01-05'
    ? { signedOn: today, validUntil: `${Number(today.slice(0, 4)) + 2}-12-31` }
    : { signedOn: '2026-01-05', validUntil: '2027-12-31' };
};

/** The categories of a usual procuration (the form's default): no health, no social aid unless a test says so. */
export const USUAL_CATEGORIES = ['identity', 'social_situation', 'employment', 'measures'];

export async function recordConsent(
  t: TestApp,
  cookie: string,
  id: string,
  institutionIds: string[],
  dataCategories: string[] = USUAL_CATEGORIES,
) {
  const scan = await upload(t, cookie, id);
  const response = await t.request(cookie, {
    method: 'POST',
    url: `/api/situations/${id}/consents`,
    payload: { institutionIds, dataCategories, ...consentDates(t.clock.now), scanAttachmentId: scan.json().id },
  });
  if (response.statusCode !== 201) throw new Error(`consent: ${response.body}`);
  return response.json().id as string;
}

/** A situation announced by `pro` (ORP) with a consent naming the ORP, the Bureau CII and the CMS. */
export async function announcedSituation(t: TestApp, pro: string, personOver: Record<string, unknown> = {}) {
  const personId = await createPerson(t, pro, personOver);
  const id = await createDraft(t, pro, { personId });
  await recordConsent(t, pro, id, [t.world.orp.id, t.world.bureau.id, t.world.cms.id]);
  const version = (await getSituation(t, pro, id)).json().version;
  const announced = await t.request(pro, {
    method: 'POST',
    url: `/api/situations/${id}/announce`,
    payload: { version },
  });
  if (announced.statusCode !== 200) throw new Error(`announce: ${announced.body}`);
  return { id, personId };
}

export const allCriteria = (over: Record<string, unknown> = {}) =>
  [
    'cumulative_risk_factors',
    'followed_by_orp_or_cms',
    'laci_prior_measure',
    'lias_employability_checked',
    'realistic_potential',
    'intensive_coaching_needed',
  ].map((criterion) => ({
    criterion,
    answer: criterion === 'lias_employability_checked' ? 'not_applicable' : 'met',
    justification: 'Vu au dossier et en entretien.',
    ...(over[criterion] as object | undefined),
  }));

/** Puts a professional on the case team (by the announcer or the Bureau of the region). */
export async function addToCaseTeam(t: TestApp, cookie: string, id: string, userId: string) {
  const response = await t.request(cookie, {
    method: 'POST',
    url: `/api/situations/${id}/case-team`,
    payload: { userId },
  });
  if (response.statusCode !== 200) throw new Error(`case team: ${response.body}`);
  return response.json();
}
