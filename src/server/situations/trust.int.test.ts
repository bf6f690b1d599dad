import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/open-db.ts';
import { insertUser } from '../../db/seed/factories.ts';
import { auditLog } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import {
  USUAL_CATEGORIES,
  addToCaseTeam,
  announcedSituation,
  createDraft,
  createPerson,
  getSituation,
  recordConsent,
  upload,
} from '../../test/situation-fixtures.ts';
import { parseConfig } from '../config.ts';
import { loadSituationFor } from './load-situation.ts';

/**
 * Issue 9, tried as an attacker would: each leak found through the public API
 * has its regression test here, on PGlite and on PostgreSQL.
 */
let t: TestApp;
let pro: string;
let coord: string;
const at = (iso: string) => {
  t.clock.now = new Date(iso);
};
const search = async (who: string, q: string) =>
  (await t.request(who, { method: 'GET', url: `/api/situations?q=${encodeURIComponent(q)}` }))
    .json()
    .items.map((s: { id: string }) => s.id);
const fields = (body: { error: { fields?: { path: string; message: string }[] } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.path, f.message]));

beforeAll(async () => {
  t = await createTestApp();
  at('2026-03-02T08:00:00Z');
  await insertUser(t.database.db, {
    username: 'oai.repondant',
    institutionId: t.world.oai.id,
    roles: ['cii_correspondent'],
  });
  await insertUser(t.database.db, {
    username: 'coord.noregion',
    institutionId: t.world.bureau.id,
    regionId: null,
    roles: ['regional_coordinator', 'bureau_member'],
  });
  [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
});
afterAll(() => t.close());

describe('1. an administrator manages accounts, not files', () => {
  it('reads no situation, finds none by name or NAVS13, though the procuration names it (the Bureau)', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '756.1111.1111.13',
      officialName: 'Administrée',
      firstNames: 'Ada',
      birthDate: '1980-01-01',
    });
    const admin = await t.signIn('admin');
    expect((await getSituation(t, admin, id)).statusCode).toBe(404);
    expect((await t.request(admin, { method: 'GET', url: '/api/situations' })).json().items).toEqual([]);
    for (const q of ['Administrée', '756.1111.1111.13']) expect(await search(admin, q)).toEqual([]);
    // The Bureau's coordinator of the region, a case role, does see it.
    expect((await getSituation(t, coord, id)).json().person.officialName).toBe('Administrée');
  });
});

describe('2 and 3. nobody opens a file to themselves; documents need the identity', () => {
  it('after the procuration expires the Bureau sees no identity, no document, may record no procuration', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Échue',
      firstNames: 'Eva',
      birthDate: '1981-01-01',
    });
    const scanId = (await getSituation(t, pro, id)).json().attachments[0].id;
    expect(
      (await t.request(coord, { method: 'GET', url: `/api/situations/${id}/attachments/${scanId}` })).statusCode,
    ).toBe(200);
    at('2028-01-02T08:00:00Z'); // valid until 2027-12-31
    coord = await t.signIn('coord');
    const seen = (await getSituation(t, coord, id)).json();
    expect(seen.person).toBeNull();
    expect(seen.attachments).toEqual([]);
    expect(seen.consents.every((c: { scanAttachmentId: string | null }) => c.scanAttachmentId === null)).toBe(true);
    // Nor through the timeline: no document's id, name or checksum.
    expect(JSON.stringify(seen.timeline)).not.toMatch(/attachmentId|filename|sha256/i);
    expect(seen.abilities).toMatchObject({ manageConsent: false, attach: false, readIdentity: false });
    expect(
      (await t.request(coord, { method: 'GET', url: `/api/situations/${id}/attachments/${scanId}` })).statusCode,
    ).toBe(404);
    // Any PDF as a "signed scan", then a procuration naming the Bureau: both refused, as for a file it may not touch.
    expect((await upload(t, coord, id)).statusCode).toBe(404);
    const forged = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/consents`,
      payload: {
        institutionIds: [t.world.bureau.id],
        dataCategories: ['identity'],
        signedOn: '2028-01-02',
        validUntil: '2029-01-01',
        scanAttachmentId: scanId,
      },
    });
    expect(forged.statusCode).toBe(404);
    expect((await getSituation(t, coord, id)).json().person).toBeNull();
    const refused = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log
          WHERE record_id = ${id} AND NOT allowed AND actor_user_id = ${t.world.users.coordinator.id}`,
    );
    expect(refused.map((r) => r.action)).toEqual(
      expect.arrayContaining(['attachment.read', 'attachment.create', 'consent.create']),
    );
    at('2026-03-02T08:00:00Z');
    coord = await t.signIn('coord');
  });

  it('a procuration recorded by another than the announcer opens nothing until a second person checks it', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Vérifiée',
      firstNames: 'Vera',
      birthDate: '1982-01-01',
    });
    const oai = await t.signIn('oai.repondant');
    expect((await getSituation(t, oai, id)).statusCode).toBe(404);
    // The coordinator sees the identity under the procuration and records a wider one, naming the OAI.
    const consentId = await recordConsent(t, coord, id, [t.world.orp.id, t.world.bureau.id, t.world.oai.id]);
    let consent = (await getSituation(t, coord, id)).json().consents.find((c: { id: string }) => c.id === consentId);
    expect(consent).toMatchObject({ state: 'pending_review', valid: false, canReview: false });
    expect((await getSituation(t, oai, id)).statusCode).toBe(404);
    const own = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/consents/${consentId}/review`,
      payload: { decision: 'approve', version: consent.version },
    });
    expect(own.statusCode).toBe(400);
    expect(fields(own.json()).consent).toContain('Une autre personne');
    // The announcer is asked to check it, and puts it in force.
    const notes = (await t.request(pro, { method: 'GET', url: '/api/notifications' })).json().items;
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'consent_to_review', situationId: id }));
    consent = (await getSituation(t, pro, id)).json().consents.find((c: { id: string }) => c.id === consentId);
    expect(consent.canReview).toBe(true);
    const reviewed = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/consents/${consentId}/review`,
      payload: { decision: 'approve', version: consent.version },
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().consents.find((c: { id: string }) => c.id === consentId)).toMatchObject({
      state: 'in_force',
      valid: true,
      recordedByName: expect.any(String),
      reviewedByName: expect.any(String),
    });
    expect((await getSituation(t, oai, id)).json().person.officialName).toBe('Vérifiée');
    // On the timeline and in the audit log, with who recorded and who reviewed.
    const timeline = reviewed.json().timeline.map((e: { type: string; actorName: string }) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['consent_recorded', 'consent_reviewed']));
    const audit = await t.database.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, id), eq(auditLog.allowed, true)));
    expect(audit).toContainEqual({ action: 'situation.consent_recorded', actor: t.world.users.coordinator.id });
    expect(audit).toContainEqual({ action: 'situation.consent_reviewed', actor: t.world.users.pro.id });
  });

  it('a rejected procuration stays without effect, with its reason', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Rejetée',
      firstNames: 'Rita',
      birthDate: '1983-01-01',
    });
    const consentId = await recordConsent(t, coord, id, [t.world.orp.id, t.world.bureau.id, t.world.oai.id]);
    const consent = (await getSituation(t, pro, id)).json().consents.find((c: { id: string }) => c.id === consentId);
    const rejected = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/consents/${consentId}/review`,
      payload: { decision: 'reject', version: consent.version, reason: 'Signature illisible.' },
    });
    expect(rejected.json().consents.find((c: { id: string }) => c.id === consentId)).toMatchObject({
      state: 'rejected',
      rejectionReason: 'Signature illisible.',
    });
    expect((await getSituation(t, await t.signIn('oai.repondant'), id)).statusCode).toBe(404);
    expect(
      (
        await t.request(pro, {
          method: 'POST',
          url: `/api/situations/${id}/consents/${consentId}/review`,
          payload: { decision: 'approve', version: consent.version + 1 },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a procuration covers at least the identity', async () => {
    const personId = await createPerson(t, pro, {
      navs13: '',
      officialName: 'Sans',
      firstNames: 'Identité',
      birthDate: '1984-01-01',
    });
    const id = await createDraft(t, pro, { personId });
    const scan = (await upload(t, pro, id)).json().id;
    const r = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/consents`,
      payload: {
        institutionIds: [t.world.orp.id],
        dataCategories: ['employment'],
        signedOn: '2026-03-01',
        validUntil: '2027-01-01',
        scanAttachmentId: scan,
      },
    });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(fields(r.json()))).toEqual(['dataCategories']);
  });
});

describe('a person id is not a key to the person', () => {
  it('the duplicate check tells another institution only that the person is known; no draft takes them', async () => {
    const personId = await createPerson(t, pro, {
      navs13: '756.3333.3333.35',
      officialName: 'Connue',
      firstNames: 'Clara',
      birthDate: '1979-05-05',
      street: 'Rue Secrète 1',
    });
    const outsider = await t.signIn('outsider');
    const byName = (
      await t.request(outsider, {
        method: 'POST',
        url: '/api/persons/duplicates',
        payload: {
          navs13: '',
          officialName: 'CONNUE',
          firstNames: 'clara',
          birthDate: '1979-05-05',
          sex: 'female',
          correspondenceLanguage: 'fr',
          communeId: null,
          residencePermit: 'swiss',
        },
      })
    ).json().candidates;
    expect(byName).toEqual([
      expect.objectContaining({
        id: personId,
        usable: false,
        navs13: '',
        officialName: 'CONNUE',
        matchedOn: 'name_and_birth_date',
      }),
    ]);
    // A NAVS13 with any name: the record's own names and birth date stay hidden.
    const byNavs = (
      await t.request(outsider, {
        method: 'POST',
        url: '/api/persons/duplicates',
        payload: {
          navs13: '756.3333.3333.35',
          officialName: 'X',
          firstNames: 'Y',
          birthDate: '2000-01-01',
          sex: 'female',
          correspondenceLanguage: 'fr',
          communeId: null,
          residencePermit: 'swiss',
        },
      })
    ).json().candidates;
    expect(byNavs).toEqual([
      expect.objectContaining({
        usable: false,
        officialName: 'X',
        firstNames: 'Y',
        birthDate: '2000-01-01',
        matchedOn: 'navs13',
      }),
    ]);
    const stolen = await t.request(outsider, {
      method: 'POST',
      url: '/api/situations',
      payload: {
        regionId: t.world.region.id,
        anonymous: false,
        personId,
        ageBand: null,
        followingInstitutionIds: [t.world.oai.id],
        riskFactors: [],
        riskFactorsOther: '',
        targetGroups: [],
        laciBasicProgramme: false,
        laciEmployabilityCheck: false,
        liasEmployabilityChecked: false,
        liasIntegrationIndicated: false,
        description: '',
        helpExpected: '',
      },
    });
    expect(stolen.statusCode).toBe(400);
    expect(Object.keys(fields(stolen.json()))).toEqual(['personId']);
    // Whoever entered it may use it.
    expect(
      (
        await t.request(pro, {
          method: 'POST',
          url: '/api/persons/duplicates',
          payload: {
            navs13: '756.3333.3333.35',
            officialName: 'X',
            firstNames: 'Y',
            birthDate: '2000-01-01',
            sex: 'female',
            correspondenceLanguage: 'fr',
            communeId: null,
            residencePermit: 'swiss',
          },
        })
      ).json().candidates[0],
    ).toMatchObject({ usable: true, officialName: 'Connue' });
  });
});

describe('seeing a person is no power over their procurations (issue 9, found by the attack of the trust work)', () => {
  it("an announcer's colleague may not reference the person; whoever sees them may (procuration checked)", async () => {
    const { id, personId } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Convoitée',
      firstNames: 'Cora',
      birthDate: '1978-08-08',
    });
    const colleague = await t.signIn('colleague');
    const typed = {
      navs13: '',
      officialName: 'Convoitée',
      firstNames: 'Cora',
      birthDate: '1978-08-08',
      sex: 'female',
      correspondenceLanguage: 'fr',
      communeId: null,
      residencePermit: 'swiss',
    };
    // Working at the institution that entered her is not seeing her.
    expect(
      (await t.request(colleague, { method: 'POST', url: '/api/persons/duplicates', payload: typed })).json()
        .candidates[0],
    ).toMatchObject({ usable: false, createdByInstitutionName: '' });
    const draftOf = (personId_: string) => ({
      regionId: t.world.region.id,
      anonymous: false,
      personId: personId_,
      ageBand: null,
      followingInstitutionIds: [t.world.orp.id],
      riskFactors: [],
      riskFactorsOther: '',
      targetGroups: [],
      laciBasicProgramme: false,
      laciEmployabilityCheck: false,
      liasEmployabilityChecked: false,
      liasIntegrationIndicated: false,
      description: '',
      helpExpected: '',
    });
    expect(
      (await t.request(colleague, { method: 'POST', url: '/api/situations', payload: draftOf(personId) })).statusCode,
    ).toBe(400);
    // The ORP's répondant sees her: may open a draft of their own about her…
    const repondant = await t.signIn('repondant');
    const draft = await t.request(repondant, { method: 'POST', url: '/api/situations', payload: draftOf(personId) });
    expect(draft.statusCode).toBe(201);
    const draftId = draft.json().id as string;
    // …but a procuration recorded there, naming the OAI and health, opens nothing until someone else checks it.
    const wider = await recordConsent(
      t,
      repondant,
      draftId,
      [t.world.orp.id, t.world.oai.id],
      [...USUAL_CATEGORIES, 'health'],
    );
    expect(
      (await getSituation(t, repondant, draftId)).json().consents.find((c: { id: string }) => c.id === wider),
    ).toMatchObject({ state: 'pending_review', valid: false });
    expect((await getSituation(t, await t.signIn('oai.repondant'), id)).statusCode).toBe(404);
    expect((await getSituation(t, repondant, id)).json().riskFactors).not.toContain('health');
    // …and the person's procuration recorded in the announcer's file is not theirs to revoke from their own draft.
    const original = (await getSituation(t, pro, id))
      .json()
      .consents.find((c: { state: string }) => c.state === 'in_force');
    expect(
      (
        await t.request(repondant, {
          method: 'POST',
          url: `/api/situations/${draftId}/consents/${original.id}/revoke`,
          payload: { version: original.version, reason: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await getSituation(t, repondant, draftId)).json().consents.find((c: { id: string }) => c.id === original.id)
        .canRevoke,
    ).toBe(false);
    expect(
      (await getSituation(t, pro, id)).json().consents.find((c: { id: string }) => c.id === original.id),
    ).toMatchObject({ state: 'in_force', canRevoke: true });
  });

  it('merge requests name only persons the requester sees; the Bureau reviews only what it sees', async () => {
    const { personId } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Fusion',
      firstNames: 'Flora',
      birthDate: '1977-07-07',
    });
    const outsider = await t.signIn('outsider');
    const own = await createPerson(t, outsider, {
      navs13: '',
      officialName: 'Fusion',
      firstNames: 'Flore',
      birthDate: '1977-07-07',
    });
    expect(
      (
        await t.request(outsider, {
          method: 'POST',
          url: '/api/person-merges',
          payload: { survivorId: own, duplicateId: personId, reason: 'Même personne ?' },
        })
      ).statusCode,
    ).toBe(404);
    const other = await createPerson(t, pro, {
      navs13: '',
      officialName: 'Fusion',
      firstNames: 'Flora Maria',
      birthDate: '1977-07-07',
    });
    const requested = await t.request(pro, {
      method: 'POST',
      url: '/api/person-merges',
      payload: { survivorId: personId, duplicateId: other, reason: 'Saisie en double.' },
    });
    expect(requested.statusCode).toBe(201);
    // The other region's coordinator sees neither person in a file: no names, and the request is not theirs to review.
    const monthey = await t.signIn('coord.monthey');
    const seen = (await t.request(monthey, { method: 'GET', url: '/api/person-merges' }))
      .json()
      .items.find((m: { id: string }) => m.id === requested.json().id);
    expect(seen.survivor).toMatchObject({ visible: false, officialName: '', navs13: '' });
    expect(
      (
        await t.request(monthey, {
          method: 'POST',
          url: `/api/person-merges/${seen.id}/review`,
          payload: { version: seen.version, approve: true },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('an administrator does not give themselves a role', async () => {
    const admin = await t.signIn('admin');
    const me = (await t.request(admin, { method: 'GET', url: `/api/users/${t.world.users.admin.id}` })).json();
    const r = await t.request(admin, {
      method: 'PUT',
      url: `/api/users/${me.id}`,
      payload: {
        version: me.version,
        username: me.username,
        email: me.email,
        givenName: me.givenName,
        familyName: me.familyName,
        institutionId: me.institutionId,
        officeId: me.officeId,
        regionId: me.regionId,
        roles: ['admin', 'bureau_member'],
        language: me.language,
        disabled: false,
      },
    });
    expect(r.statusCode).toBe(400);
    expect(Object.keys(fields(r.json()))).toEqual(['roles']);
  });
});

describe('need to know: a procuration opens the file to the répondants and the case team, not every employee', () => {
  it("the ORP named: its répondant and the case team see; not the announcer's colleague nor the CMS", async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '756.2222.2222.24',
      officialName: 'Équipe',
      firstNames: 'Emma',
      birthDate: '1985-01-01',
    });
    const [colleague, repondant, social] = [
      await t.signIn('colleague'),
      await t.signIn('repondant'),
      await t.signIn('social'),
    ];
    expect((await getSituation(t, colleague, id)).statusCode).toBe(404);
    expect(await search(colleague, 'Équipe')).toEqual([]);
    expect((await getSituation(t, repondant, id)).json().person.officialName).toBe('Équipe');
    expect((await getSituation(t, social, id)).statusCode).toBe(404);
    // Only professionals of named institutions may join; the outsider's OAI is not named.
    const candidates = (await t.request(pro, { method: 'GET', url: `/api/situations/${id}/case-team/candidates` }))
      .json()
      .map((c: { userId: string }) => c.userId);
    expect(candidates).toEqual(expect.arrayContaining([t.world.users.social.id, t.world.users.colleague.id]));
    expect(candidates).not.toContain(t.world.users.outsider.id);
    const notCovered = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/case-team`,
      payload: { userId: t.world.users.outsider.id },
    });
    expect(fields(notCovered.json()).userId).toContain('Office AI');
    // Whoever is not the announcer or the Bureau does not manage the team.
    expect(
      (
        await t.request(repondant, {
          method: 'POST',
          url: `/api/situations/${id}/case-team`,
          payload: { userId: t.world.users.social.id },
        })
      ).statusCode,
    ).toBe(404);
    const team = await addToCaseTeam(t, pro, id, t.world.users.social.id);
    expect(team.caseTeam.map((m: { userId: string }) => m.userId)).toEqual([t.world.users.social.id]);
    expect((await getSituation(t, social, id)).json().person.officialName).toBe('Équipe');
    expect(await search(social, '756.2222.2222.24')).toEqual([id]);
    // Leaving the team: reading goes on for the grace period, then ends.
    const member = team.caseTeam[0];
    const removed = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/case-team/${t.world.users.social.id}/remove`,
      payload: { version: member.version },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().caseTeam[0].accessUntil).toBeTruthy();
    expect((await getSituation(t, social, id)).statusCode).toBe(200);
    at('2026-06-01T08:00:00Z');
    expect((await getSituation(t, await t.signIn('social'), id)).statusCode).toBe(404);
    at('2026-03-02T08:00:00Z');
    const events = (await getSituation(t, pro, id)).json().timeline.map((e: { type: string }) => e.type);
    expect(events).toEqual(expect.arrayContaining(['case_team_added', 'case_team_removed']));
  });

  it('a regional coordinator without a region is not the cantonal Bureau: it sees nothing', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Régionale',
      firstNames: 'Rosa',
      birthDate: '1986-01-01',
    });
    const lost = await t.signIn('coord.noregion');
    expect((await getSituation(t, lost, id)).statusCode).toBe(404);
    expect((await t.request(lost, { method: 'GET', url: '/api/situations' })).json().items).toEqual([]);
    expect((await t.request(lost, { method: 'GET', url: '/api/triage/queue' })).json()).toEqual({
      announced: [],
      underReview: [],
    });
  });
});

describe('7. what a caller sees follows the categories of the procuration', () => {
  it('health risk factors only where the health category is granted; the announcer sees all', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Santé',
      firstNames: 'Sam',
      birthDate: '1987-01-01',
    });
    await addToCaseTeam(t, pro, id, t.world.users.social.id);
    const social = await t.signIn('social');
    const seen = (await getSituation(t, social, id)).json();
    expect(seen.riskFactors).toEqual(['debts']);
    expect(seen.withheldCategories).toEqual(expect.arrayContaining(['health', 'social_aid']));
    expect(seen.liasEmployabilityChecked).toBeNull();
    expect(seen.laciBasicProgramme).toBe(true);
    expect((await getSituation(t, pro, id)).json()).toMatchObject({
      riskFactors: ['health', 'debts'],
      withheldCategories: [],
    });
    // A procuration granting health to the CMS.
    await recordConsent(t, pro, id, [t.world.cms.id], [...USUAL_CATEGORIES, 'health']);
    expect((await getSituation(t, social, id)).json().riskFactors).toEqual(['health', 'debts']);
  });
});

describe('the audit log answers "everything read about this person"', () => {
  it('lists write a row per person shown; the audit page finds all rows on the person from a situation', async () => {
    const { id, personId } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Tracée',
      firstNames: 'Tina',
      birthDate: '1990-02-02',
    });
    const number = (await getSituation(t, pro, id)).json().number;
    await t.request(await t.signIn('repondant'), { method: 'GET', url: '/api/situations?q=Tracee' });
    await t.request(coord, { method: 'GET', url: '/api/situations' });
    const rows = (
      await t.request(await t.signIn('admin'), { method: 'GET', url: `/api/audit?subject=${number}&pageSize=100` })
    ).json().items as { action: string; subjectPersonId: string; actorUserId: string }[];
    expect(rows.every((r) => r.subjectPersonId === personId || r.subjectPersonId === null)).toBe(true);
    const lists = rows.filter((r) => r.action === 'situation.list');
    expect(lists.map((r) => r.actorUserId)).toEqual(
      expect.arrayContaining([t.world.users.correspondent.id, t.world.users.coordinator.id]),
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['situation.announce', 'situation.consent_recorded']),
    );
  });
});

describe('hardening', () => {
  it('a revocation moves the situation on: an announcement prepared before it fails', async () => {
    const personId = await createPerson(t, pro, {
      navs13: '',
      officialName: 'Course',
      firstNames: 'Carl',
      birthDate: '1988-01-01',
    });
    const id = await createDraft(t, pro, { personId });
    const consentId = await recordConsent(t, pro, id, [t.world.orp.id, t.world.bureau.id]);
    const before = (await getSituation(t, pro, id)).json();
    const consent = before.consents.find((c: { id: string }) => c.id === consentId);
    await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/consents/${consentId}/revoke`,
      payload: { version: consent.version, reason: 'Retrait.' },
    });
    // The version moved on: whatever was prepared on the procuration no longer matches.
    expect((await getSituation(t, pro, id)).json().version).toBeGreaterThan(before.version);
    // And the check runs inside the announcement's transaction: named data does not leave without a procuration.
    const late = await t.request(pro, {
      method: 'POST',
      url: `/api/situations/${id}/announce`,
      payload: { version: before.version },
    });
    expect(late.statusCode).toBe(400);
    expect(Object.keys(fields(late.json()))).toEqual(['consent']);
    expect((await getSituation(t, pro, id)).json().status).toBe('draft');
  });

  it('"not found" and "not yours" do the same work: the same queries, and an audit row each', async () => {
    const { id } = await announcedSituation(t, pro, {
      navs13: '',
      officialName: 'Chrono',
      firstNames: 'Chris',
      birthDate: '1989-01-01',
    });
    const counts: Record<string, number>[] = [];
    for (const target of [id, '0b7c8a4e-1111-4222-8333-444455556666']) {
      const count: Record<string, number> = {};
      const db = new Proxy(t.database.db, {
        get(target_, prop, receiver) {
          if (
            typeof prop === 'string' &&
            ['select', 'insert', 'update', 'delete', 'execute', 'transaction'].includes(prop)
          )
            count[prop] = (count[prop] ?? 0) + 1;
          return Reflect.get(target_, prop, receiver);
        },
      });
      const ctx = {
        db,
        config: parseConfig({}),
        now: () => t.clock.now,
        ip: '10.9.9.9',
        lang: 'fr' as const,
        actor: {
          userId: t.world.users.outsider.id,
          institutionId: t.world.oai.id,
          regionId: null,
          roles: ['field_professional' as const],
        },
      };
      await expect(loadSituationFor(ctx as never, target, 'read', 'situation.read')).rejects.toMatchObject({
        code: 'not_found',
      });
      counts.push(count);
    }
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0]!.insert).toBe(1);
  });
});
