import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import {
  MINIMAL_PDF,
  addToCaseTeam,
  allCriteria,
  announcedSituation,
  createDraft,
  createPerson,
  draftBody,
  getSituation,
  personInput,
  recordConsent,
  upload,
} from '../../test/situation-fixtures.ts';

let t: TestApp;
let pro: string;
let coord: string;
let outsider: string;
let social: string;
beforeAll(async () => {
  t = await createTestApp();
  pro = await t.signIn('pro');
  coord = await t.signIn('coord');
  outsider = await t.signIn('outsider');
  social = await t.signIn('social');
});
afterAll(() => t.close());

const decide = (cookie: string, id: string, body: Record<string, unknown>) =>
  t.request(cookie, { method: 'POST', url: `/api/situations/${id}/decision`, payload: body });
const version = async (cookie: string, id: string) => (await getSituation(t, cookie, id)).json().version as number;

describe('persons (DOMAIN.md §3)', () => {
  it('checks the NAVS13 and says what is wrong', async () => {
    const cases: [string, RegExp][] = [
      ['756.9217.0769.8', /13 chiffres/],
      ['757.9217.0769.85', /commencer par 756/],
      ['756.9217.0769.86', /chiffre de contrôle/],
    ];
    for (const [navs13, message] of cases) {
      const response = await t.request(pro, {
        method: 'POST',
        url: '/api/persons/duplicates',
        payload: personInput({ navs13 }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { path: 'person.navs13', message: expect.stringMatching(message) },
      ]);
    }
  });

  it('shows duplicates (same NAVS13, or same birth date and name up to accents and case) before creating', async () => {
    const first = await createPerson(t, pro, {
      navs13: '756.1234.5678.97',
      officialName: 'Müller',
      firstNames: 'Jörg',
    });
    const sameNavs = await t.request(pro, {
      method: 'POST',
      url: '/api/persons/duplicates',
      payload: personInput({ navs13: '7561234567897', officialName: 'Other', firstNames: 'Name' }),
    });
    expect(sameNavs.json().candidates).toEqual([expect.objectContaining({ id: first, matchedOn: 'navs13' })]);
    const sameName = await t.request(pro, {
      method: 'POST',
      url: '/api/persons/duplicates',
      payload: personInput({ navs13: '', officialName: 'MULLER', firstNames: 'jorg' }),
    });
    expect(sameName.json().candidates).toEqual([
      expect.objectContaining({ id: first, matchedOn: 'name_and_birth_date' }),
    ]);

    // Creating anyway needs the candidate named as someone else; the same NAVS13 never.
    const refused = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: { person: personInput({ navs13: '', officialName: 'Muller', firstNames: 'Jorg' }) },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('person');
    await createPerson(t, pro, { navs13: '', officialName: 'Muller', firstNames: 'Jorg' }, [first]);
    const twice = await t.request(pro, {
      method: 'POST',
      url: '/api/persons',
      payload: { person: personInput({ navs13: '756.1234.5678.97' }), confirmDistinctFrom: [first] },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0].path).toBe('person.navs13');
  });

  it('lets only those who announce look for or enter persons', async () => {
    expect(
      (await t.request(coord, { method: 'POST', url: '/api/persons/duplicates', payload: personInput() })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(coord, {
          method: 'POST',
          url: '/api/persons',
          payload: { person: personInput({ navs13: '' }) },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request(coord, { method: 'POST', url: '/api/situations', payload: draftBody(t) })).statusCode).toBe(
      403,
    );
  });

  it('merges two records only after a reviewed request, and audits it', async () => {
    // Two announced files whose procurations name the Bureau: the reviewer must see both persons (issue 9).
    const { personId: a } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Zufferey',
      firstNames: 'Ana',
      birthDate: '1970-02-02',
    });
    const { personId: b } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Zuffery',
      firstNames: 'Ana',
      birthDate: '1970-02-02',
    });
    const request = await t.request(pro, {
      method: 'POST',
      url: '/api/person-merges',
      payload: { survivorId: a, duplicateId: b, reason: 'Faute de frappe' },
    });
    expect(request.statusCode).toBe(201);
    expect((await t.request(pro, { method: 'GET', url: '/api/person-merges' })).statusCode).toBe(403);
    const pending = (await t.request(coord, { method: 'GET', url: '/api/person-merges' }))
      .json()
      .items.find((m: { id: string }) => m.id === request.json().id);
    expect(pending.status).toBe('pending');
    const [before] = await queryRows<{ merged: string | null }>(
      t.database.db,
      sql`SELECT merged_into_id AS merged FROM persons WHERE id = ${b}`,
    );
    expect(before!.merged).toBeNull();
    const review = await t.request(coord, {
      method: 'POST',
      url: `/api/person-merges/${pending.id}/review`,
      payload: { version: pending.version, approve: true },
    });
    expect(review.statusCode).toBe(200);
    const [after] = await queryRows<{ merged: string | null }>(
      t.database.db,
      sql`SELECT merged_into_id AS merged FROM persons WHERE id = ${b}`,
    );
    expect(after!.merged).toBe(a);
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE record_id = ${b} ORDER BY id`,
    );
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['person.merge_request', 'person.merge']));
  });
});

describe('announcement and consent', () => {
  it('refuses to announce identified data without a valid consent naming the Bureau, and says why', async () => {
    const personId = await createPerson(t, pro, {
      navs13: '',
      officialName: 'Sans',
      firstNames: 'Procuration',
      birthDate: '1990-01-01',
    });
    const id = await createDraft(t, pro, { personId });
    const response = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: await version(pro, id) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'consent', message: expect.stringMatching(/anonyme/) }]);
    // A consent that does not name the Bureau is not enough either.
    await recordConsent(t, pro, id, [t.world.orp.id]);
    const still = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: await version(pro, id) },
    });
    expect(still.statusCode).toBe(400);
    expect((await getSituation(t, pro, id)).json().status).toBe('draft');
  });

  it('keeps an incomplete draft and lists what is missing at announcement', async () => {
    const id = await createDraft(t, pro, {
      description: '',
      helpExpected: '',
      riskFactors: [],
      followingInstitutionIds: [],
    });
    const saved = await getSituation(t, pro, id);
    expect(saved.json()).toMatchObject({ status: 'draft', description: '' });
    const response = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: saved.json().version },
    });
    expect(
      response
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(
      ['consent', 'description', 'followingInstitutionIds', 'helpExpected', 'riskFactors']
        .filter((p) => p !== 'consent')
        .concat(['personId'])
        .sort(),
    );
  });

  it('announces anonymously: no name, no NAVS13 — age band, region, risk factors — the Bureau sees it so', async () => {
    const id = await createDraft(t, pro, { anonymous: true, personId: null, ageBand: '35_44' });
    const announced = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: await version(pro, id) },
    });
    expect(announced.statusCode).toBe(200);
    const seen = (await getSituation(t, coord, id)).json();
    expect(seen).toMatchObject({
      anonymous: true,
      person: null,
      ageBand: '35_44',
      riskFactors: ['health', 'debts'],
      status: 'announced',
    });
    // An anonymous situation cannot take a consent: nobody may record one on it.
    const consent = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/consents`,
      payload: {
        institutionIds: [t.world.orp.id],
        dataCategories: ['identity'],
        signedOn: '2026-01-05',
        validUntil: '2026-12-31',
        scanAttachmentId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(consent.statusCode).toBe(404);
  });

  it('takes only PDF and images for attachments, checked by content, and keeps their checksum', async () => {
    const id = await createDraft(t, pro);
    const fake = await upload(t, pro, id, Buffer.from('not a pdf'), 'application/pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields[0].message).toMatch(/PDF, PNG et JPEG/);
    const ok = await upload(t, pro, id);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().sha256).toHaveLength(64);
    const back = await t.request(pro, { method: 'GET', url: `/api/situations/${id}/attachments/${ok.json().id}` });
    expect(back.rawPayload.equals(MINIMAL_PDF)).toBe(true);
  });

  it('names an empty consent scope in the caller language, not with another field message', async () => {
    const id = await createDraft(t, pro);
    const response = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/consents`,
      payload: {
        institutionIds: [],
        dataCategories: ['identity'],
        signedOn: '2026-01-05',
        validUntil: '2026-12-31',
        scanAttachmentId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'institutionIds', message: 'Choisissez au moins un élément.' },
    ]);
  });

  it('renders the procuration PDF in the person language', async () => {
    const personId = await createPerson(t, pro, {
      navs13: '',
      officialName: 'Imboden',
      firstNames: 'Jürg',
      birthDate: '1975-05-05',
      correspondenceLanguage: 'de',
    });
    const id = await createDraft(t, pro, { personId });
    const pdf = await t.request(pro, {
      method: 'GET',
      url:
        `/api/situations/${id}/procuration.pdf?institutionIds=${t.world.orp.id},${t.world.bureau.id}` +
        '&categories=identity,health&validUntil=2027-06-30',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain('-de.pdf');
  });
});

describe('triage by the Bureau', () => {
  it('queues announced situations of the region, oldest first, and records who takes one up', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Queue',
      firstNames: 'One',
      birthDate: '1980-01-01',
    });
    const queue = (await t.request(coord, { method: 'GET', url: '/api/triage/queue' })).json();
    expect(queue.announced.map((s: { id: string }) => s.id)).toContain(id);
    const other = await t.signIn('coord.monthey');
    const otherQueue = (await t.request(other, { method: 'GET', url: '/api/triage/queue' })).json();
    expect(otherQueue.announced.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await t.request(pro, { method: 'GET', url: '/api/triage/queue' })).statusCode).toBe(403);

    const taken = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/take-up`,
      payload: { version: await version(coord, id) },
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'under_review', handledByName: expect.stringContaining('coord') });
    expect(taken.json().timeline.map((e: { type: string }) => e.type)).toEqual([
      'create_draft',
      'attach',
      'consent_recorded',
      'announce',
      'take_up',
    ]);
  });

  it('orients to a tandem only with the six criteria answered and justified', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Tandem',
      firstNames: 'Candidate',
      birthDate: '1981-01-01',
    });
    await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/take-up`,
      payload: { version: await version(coord, id) },
    });
    const missing = await decide(coord, id, {
      decision: 'orient',
      careKind: 'tandem',
      version: await version(coord, id),
      reason: 'Cumul',
      eligibility: allCriteria().slice(0, 5),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toContainEqual({
      path: 'eligibility.intensive_coaching_needed',
      message: 'Répondez à ce critère.',
    });
    const notMet = await decide(coord, id, {
      decision: 'orient',
      careKind: 'tandem',
      version: await version(coord, id),
      reason: 'Cumul',
      eligibility: allCriteria({ realistic_potential: { answer: 'not_met' } }),
    });
    expect(notMet.json().error.fields).toContainEqual({
      path: 'eligibility.realistic_potential',
      message: expect.stringMatching(/pas rempli/),
    });
    const ok = await decide(coord, id, {
      decision: 'orient',
      careKind: 'tandem',
      version: await version(coord, id),
      reason: 'Cumul de facteurs, potentiel réel',
      eligibility: allCriteria(),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().situation).toMatchObject({
      status: 'tandem',
      eligibility: expect.arrayContaining([
        expect.objectContaining({ criterion: 'realistic_potential', answer: 'met' }),
      ]),
    });
    // The announcer is told.
    const notes = (await t.request(pro, { method: 'GET', url: '/api/notifications' })).json().items;
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'situation_oriented', situationId: id }));
  });

  it('refuses only with suggestions, which the announcer then sees', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Refus',
      firstNames: 'Test',
      birthDate: '1982-01-01',
    });
    await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/take-up`,
      payload: { version: await version(coord, id) },
    });
    const bare = await decide(coord, id, {
      decision: 'refuse',
      version: await version(coord, id),
      reason: 'Pas complexe',
      suggestions: ' ',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields[0].path).toBe('suggestions');
    const refused = await decide(coord, id, {
      decision: 'refuse',
      version: await version(coord, id),
      reason: 'Pas de cumul',
      suggestions: 'Suivi ORP ordinaire ; cours de langue.',
    });
    expect(refused.statusCode).toBe(200);
    const seen = (await getSituation(t, pro, id)).json();
    expect(seen).toMatchObject({
      status: 'refused',
      refusalSuggestions: 'Suivi ORP ordinaire ; cours de langue.',
      decisionReason: 'Pas de cumul',
    });
    expect((await t.request(pro, { method: 'GET', url: '/api/notifications' })).json().items).toContainEqual(
      expect.objectContaining({ kind: 'situation_refused', situationId: id }),
    );
  });

  it('allows every transition of the table and refuses the others with 409', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Transitions',
      firstNames: 'All',
      birthDate: '1983-01-01',
    });
    // announced: no decision before take-up
    expect(
      (
        await decide(coord, id, {
          decision: 'refuse',
          version: await version(coord, id),
          reason: 'x',
          suggestions: 'y',
        })
      ).statusCode,
    ).toBe(409);
    // move to another region, then that region's coordinator takes it up
    const moved = await decide(coord, id, {
      decision: 'move_region',
      version: await version(coord, id),
      regionId: t.world.otherRegion.id,
      reason: 'Domicile à Monthey',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({ situation: null }); // out of this coordinator's region now
    expect((await getSituation(t, coord, id)).statusCode).toBe(404);
    const other = await t.signIn('coord.monthey');
    await t.request(other, {
      method: 'POST',
      url: `/api/situations/${id}/take-up`,
      payload: { version: await version(other, id) },
    });
    expect(
      (
        await t.request(other, {
          method: 'POST',
          url: `/api/situations/${id}/take-up`,
          payload: { version: await version(other, id) },
        })
      ).statusCode,
    ).toBe(409);
    const roundTable = await decide(other, id, {
      decision: 'orient',
      careKind: 'round_table',
      version: await version(other, id),
      reason: 'Pré-évaluation',
    });
    expect(roundTable.json().situation.status).toBe('round_table');
    const onward = await decide(other, id, {
      decision: 'orient',
      careKind: 'tandem',
      version: await version(other, id),
      reason: 'Suite TRO',
      eligibility: allCriteria(),
    });
    expect(onward.json().situation).toMatchObject({ status: 'tandem', regionId: t.world.otherRegion.id });
    expect(
      (
        await decide(other, id, {
          decision: 'orient',
          careKind: 'assessment',
          version: await version(other, id),
          reason: 'x',
        })
      ).statusCode,
    ).toBe(409);
    // The announcer cannot decide at all: 404, not 403.
    expect((await decide(pro, id, { decision: 'refuse', version: 1, reason: 'x', suggestions: 'y' })).statusCode).toBe(
      404,
    );
  });

  it('lets one of two concurrent deciders win', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Concurrent',
      firstNames: 'Decision',
      birthDate: '1984-01-01',
    });
    await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/take-up`,
      payload: { version: await version(coord, id) },
    });
    const v = await version(coord, id);
    const [a, b] = await Promise.all([
      decide(coord, id, { decision: 'orient', careKind: 'round_table', version: v, reason: 'A' }),
      decide(coord, id, { decision: 'refuse', version: v, reason: 'B', suggestions: 'C' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});

describe('access by consent', () => {
  it("shows the identity to a valid consent's institutions, 404 to others (page, files, search), audited", async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '756.4444.4444.46',
      officialName: 'Consentie',
      firstNames: 'Anne',
      birthDate: '1985-03-03',
    });
    const situation = (await getSituation(t, pro, id)).json();
    const attachmentId = situation.attachments[0].id;
    // The CMS is named in the consent, and its social worker follows the person: on the case team.
    await addToCaseTeam(t, pro, id, t.world.users.social.id);

    // The CMS is named in the consent: identity visible.
    expect((await getSituation(t, social, id)).json().person).toMatchObject({ officialName: 'Consentie' });
    // The OAI is not: 404 everywhere, the same as for nothing.
    const hidden = await getSituation(t, outsider, id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual({ error: { code: 'not_found', message: 'Introuvable.' } });
    expect(
      (await t.request(outsider, { method: 'GET', url: `/api/situations/${id}/attachments/${attachmentId}` }))
        .statusCode,
    ).toBe(404);
    for (const q of ['Consentie', 'consentie anne', situation.number, '756.4444.4444.46']) {
      expect(
        (await t.request(outsider, { method: 'GET', url: `/api/situations?q=${encodeURIComponent(q)}` })).json().items,
      ).toEqual([]);
    }
    // Search by name, accent- and case-insensitive, NAVS13 and number, for those who may see.
    for (const q of ['CONSENTIE', 'consentié', '7564444444446', situation.number]) {
      expect(
        (await t.request(social, { method: 'GET', url: `/api/situations?q=${encodeURIComponent(q)}` }))
          .json()
          .items.map((s: { id: string }) => s.id),
      ).toEqual([id]);
    }

    const rows = await queryRows<{ action: string; allowed: boolean; actor_user_id: string }>(
      t.database.db,
      sql`SELECT action, allowed, actor_user_id FROM audit_log
          WHERE record_id IN (${id}, ${attachmentId}) AND actor_user_id = ${t.world.users.outsider.id}`,
    );
    expect(rows.map((r) => `${r.action}:${r.allowed}`).sort()).toEqual([
      'attachment.read:false',
      'situation.read:false',
    ]);
    const allowedRead = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log
          WHERE record_id = ${id} AND action = 'situation.read' AND allowed
            AND actor_user_id = ${t.world.users.social.id}`,
    );
    expect(allowedRead[0]!.n).toBeGreaterThan(0);
  });

  it('revoking the consent removes at once the access of institutions without another basis', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Révoquée',
      firstNames: 'Rita',
      birthDate: '1986-06-06',
    });
    await addToCaseTeam(t, pro, id, t.world.users.social.id);
    const before = (await getSituation(t, social, id)).json();
    expect(before.person.officialName).toBe('Révoquée');
    const consent = before.consents[0];
    const revoked = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/consents/${consent.id}/revoke`,
      payload: { version: consent.version, reason: 'Retrait écrit du 3.3.' },
    });
    expect(revoked.statusCode).toBe(200);
    expect((await getSituation(t, social, id)).statusCode).toBe(404);
    expect((await t.request(social, { method: 'GET', url: '/api/situations?q=Revoquee' })).json().items).toEqual([]);
    // The Bureau keeps the file of its region but no longer sees who it is; the announcer still does.
    expect((await getSituation(t, coord, id)).json()).toMatchObject({ person: null, status: 'announced' });
    expect((await getSituation(t, pro, id)).json().person.officialName).toBe('Révoquée');
    // What the CMS saw before stays in the audit log.
    const seen = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log
          WHERE record_id = ${id} AND action = 'situation.read' AND allowed
            AND actor_user_id = ${t.world.users.social.id}`,
    );
    expect(seen[0]!.n).toBeGreaterThan(0);
  });

  it('keeps drafts to their author', async () => {
    const id = await createDraft(t, pro);
    expect((await getSituation(t, coord, id)).statusCode).toBe(404);
    const colleague = await t.signIn('colleague');
    expect((await getSituation(t, colleague, id)).statusCode).toBe(404);
  });
});
