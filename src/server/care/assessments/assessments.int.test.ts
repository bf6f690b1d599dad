import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFor } from '../../../domain/care/conformity-checklists.ts';
import { attachments, carePassages, situationEvents, situations } from '../../../db/schema.ts';
import { assessmentCall, assessmentCast, orientedToAssessment } from '../../../test/assessment-fixtures.ts';
import { type TestApp, createTestApp } from '../../../test/int-harness.ts';
import { freePort } from '../../../test/server-process.ts';
import { getSituation } from '../../../test/situation-fixtures.ts';
import { smtpSink } from '../../../test/smtp-sink.ts';
import { deliverOutbox } from '../../mail/deliver-outbox.ts';
import { smtpTransport } from '../../mail/mail-transport.ts';
import { translate } from '../../i18n/messages.ts';
import { careInvitationUid } from '../send-care-invitations.ts';

/**
 * The MAMAC assessment through its API (issue 12, seed 004 §6): organised by the Bureau with invitations received
 * over SMTP as iCalendar and updated after a change of date; the contract refused by the Bureau, then a second version
 * accepted by every party and found conforming; closure outcomes; the SMR doctor's view (the medical part only) and an
 * uninvolved institution's (404).
 */
let t: TestApp;
let cast: Awaited<ReturnType<typeof assessmentCast>>;
const sink = smtpSink();
let port: number;
const ALL = ['identity', 'social_situation', 'employment', 'measures', 'health'];

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-03-02T08:00:00Z');
  cast = await assessmentCast(t);
  port = await freePort();
  await sink.start(port);
});
afterAll(async () => {
  await sink.stop();
  await t.close();
});

const deliver = async () => {
  const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
  const result = await deliverOutbox({
    db: t.database.db,
    transport,
    from: 'Tandem CII <tandem@example.ch>',
    now: () => t.clock.now,
  });
  transport.close();
  return result;
};
const field = (ics: string, name: string) => ics.match(new RegExp(`^${name}[:;](.*)$`, 'm'))?.[1]?.trim();
const calendarsTo = (address: string) =>
  sink.received
    .filter((m) => (m.to as { text: string }).text === address)
    .map((m) => m.attachments.find((a) => a.filename === 'invitation.ics')?.content.toString('utf8') ?? '')
    .sort((a, b) => Number(field(a, 'SEQUENCE')) - Number(field(b, 'SEQUENCE')));

async function organised(person: { email: string; language: 'fr' | 'de' } | null = null, categories = ALL) {
  t.clock.now = new Date('2026-03-02T08:00:00Z');
  const [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
  const w = t.world;
  const { id } = await orientedToAssessment(t, pro, coord, [w.orp.id, w.bureau.id, w.cms.id, w.oai.id], categories);
  let a = await assessmentCall(t, coord, id, 'GET', '');
  expect(a).toMatchObject({ status: 'to_organise', waitingDays: 0, participants: [] });
  a = await assessmentCall(t, coord, id, 'POST', '/organise', {
    responsibleUserId: w.users.coordinator.id,
    participants: [
      { userId: w.users.correspondent.id, role: 'correspondent' },
      { userId: cast.cmsRep.id, role: 'correspondent' },
      { userId: w.users.pro.id, role: 'announcer' },
      { userId: cast.smr.id, role: 'smr_doctor' },
    ],
    person,
    version: a.version,
  });
  return { id, pro, coord, a };
}

describe('MAMAC assessments', () => {
  it('invites each participant over SMTP with an iCalendar, updated after a date change', async () => {
    const { id, coord, a } = await organised({ email: 'lea@example.ch', language: 'de' });
    expect(a.participants.map((p: { role: string }) => p.role).sort()).toEqual([
      'announcer',
      'bureau',
      'correspondent',
      'correspondent',
      'person',
      'smr_doctor',
    ]);
    // Bad input: a day past, no place — a translated message on each field, nothing changed.
    const bad = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/schedule`,
      payload: { startOn: '2026-03-01', startTime: '09:30', durationMinutes: 120, place: 'x', version: a.version },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'startOn', message: 'La séance ne peut pas être dans le passé.' },
    ]);
    const noPlace = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/schedule`,
      payload: { startOn: '2026-03-10', startTime: '09:30', place: '  ', version: a.version },
    });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json().error.fields[0].path).toBe('place');

    let s = await assessmentCall(t, coord, id, 'POST', '/schedule', {
      startOn: '2026-03-10',
      startTime: '09:30',
      durationMinutes: 120,
      place: 'Sion, Bureau CII',
      version: a.version,
    });
    expect(s).toMatchObject({ status: 'scheduled', invitationSequence: 0 });
    // A stale version loses (409); the right one moves the meeting.
    const stale = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/move`,
      payload: { startOn: '2026-03-12', startTime: '14:00', durationMinutes: 90, place: 'Sion', version: a.version },
    });
    expect(stale.statusCode).toBe(409);
    s = await assessmentCall(t, coord, id, 'POST', '/move', {
      startOn: '2026-03-12',
      startTime: '14:00',
      durationMinutes: 90,
      place: 'Sion, salle 2',
      version: s.version,
    });
    expect(s).toMatchObject({ invitationSequence: 1, meeting: { startOn: '2026-03-12', startTime: '14:00' } });

    expect((await deliver()).failed).toBe(0);
    const uid = careInvitationUid(s.passageId);
    for (const address of ['repondant@example.ch', 'cms.rep@example.ch', 'smr@example.ch', 'lea@example.ch']) {
      const ics = calendarsTo(address);
      expect(ics, address).toHaveLength(2);
      expect(ics.map((c) => field(c, 'METHOD'))).toEqual(['REQUEST', 'REQUEST']);
      expect(ics.map((c) => field(c, 'SEQUENCE'))).toEqual(['0', '1']);
      expect(new Set(ics.map((c) => field(c, 'UID')))).toEqual(new Set([uid]));
      expect(ics.map((c) => c.match(/^DTSTART;TZID=Europe\/Zurich:(\d{8}T\d{6})\r?$/m)?.[1])).toEqual([
        '20260310T093000',
        '20260312T140000',
      ]);
      expect(ics[0]).toMatch(/^BEGIN:VCALENDAR/);
      expect(ics[0]).toMatch(/END:VCALENDAR\s*$/);
    }
    // In each one's language: the person and the CMS's répondant read German; nobody's mail names the person.
    const subjects = (address: string) =>
      sink.received.filter((m) => (m.to as { text: string }).text === address).map((m) => m.subject ?? '');
    const kind = (lang: 'fr' | 'de') => translate(lang, 'care.kind.assessment');
    expect(subjects('lea@example.ch').every((s) => s.startsWith(kind('de')) && /Einladung am/.test(s))).toBe(true);
    expect(subjects('cms.rep@example.ch').every((s) => /Einladung am/.test(s))).toBe(true);
    expect(subjects('smr@example.ch').every((s) => s.startsWith(kind('fr')) && / : invitation le/.test(s))).toBe(true);
    for (const m of sink.received) expect(`${m.subject} ${m.text}`).not.toMatch(/Évéquoz|Léa/);
    // The person's address is in her own invitation only, and masked in the administrator's outbox.
    for (const address of ['repondant@example.ch', 'cms.rep@example.ch', 'smr@example.ch'])
      for (const ics of calendarsTo(address)) expect(ics, address).not.toContain('lea@example.ch');
    expect(calendarsTo('lea@example.ch')[0]).toContain('mailto:lea@example.ch');
    const outbox = await t.request(await t.signIn('admin'), { method: 'GET', url: '/api/outbox' });
    expect(outbox.body).not.toContain('lea@example.ch');
    expect(outbox.body).toContain('l…@example.ch');
    expect(outbox.body).toContain('smr@example.ch');

    // Cancelled: a CANCEL of the same event, SEQUENCE 2; back to organise.
    s = await assessmentCall(t, coord, id, 'POST', '/cancel', { version: s.version });
    expect(s).toMatchObject({ status: 'to_organise', invitationSequence: 2, meeting: null });
    await deliver();
    const last = calendarsTo('smr@example.ch').at(-1) ?? '';
    expect([field(last, 'METHOD'), field(last, 'SEQUENCE'), field(last, 'UID')]).toEqual(['CANCEL', '2', uid]);

    // The Bureau's list: by state, the days waited, whom it waits on; another region's Bureau does not see it.
    const listed = await t.request(coord, { method: 'GET', url: '/api/assessments' });
    expect(listed.json().items.find((r: { situationId: string }) => r.situationId === id)).toMatchObject({
      status: 'to_organise',
      waitingDays: 0,
      waitsOn: 'bureau_organise',
    });
    expect(listed.body).not.toMatch(/Évéquoz|Léa/);
    const monthey = await t.request(await t.signIn('coord.monthey'), { method: 'GET', url: '/api/assessments' });
    expect(monthey.json().items).toEqual([]);

    // The participants see it on their home page.
    const invitations = await t.request(await t.signIn('oai.rep'), {
      method: 'GET',
      url: '/api/me/assessment-invitations',
    });
    expect(invitations.json().items).toEqual([]);
    const mine = await t.request(await t.signIn('smr'), { method: 'GET', url: '/api/me/assessment-invitations' });
    expect(mine.json().items).toMatchObject([{ situationId: id, role: 'smr_doctor', status: 'to_organise' }]);
  });

  it('the Bureau refuses a contract; a second version, accepted by all and conforming, is in force', async () => {
    const { id, coord, a } = await organised();
    const w = t.world;
    // Convened today, held today (the clock of the test stands still: sessions would expire across days).
    let s = await assessmentCall(t, coord, id, 'POST', '/schedule', {
      startOn: '2026-03-02',
      startTime: '10:00',
      place: 'Sion',
      version: a.version,
    });
    s = await assessmentCall(t, coord, id, 'POST', '/hold', {
      medical: 'Lombalgies chroniques ; capacité de travail 50 % dans une activité adaptée.',
      professional: 'Vendeuse, 12 ans.',
      social: 'Deux enfants, dettes.',
      resources: 'Motivée, réseau familial.',
      smrConclusions: 'Activité adaptée possible à 50 %.',
      version: s.version,
    });
    expect(s).toMatchObject({ status: 'held', sections: { medical: expect.stringContaining('Lombalgies') } });

    const repondant = await t.signIn('repondant');
    const cmsRep = await t.signIn('cms.rep');
    const objectives = [
      {
        text: 'Retrouver un emploi de vente à 50 %',
        measuresPlanned: 'Stage AIT de trois mois',
        responsibleInstitutionId: w.orp.id,
        deadline: '2026-09-30',
      },
      {
        text: 'Assainir le budget',
        measuresPlanned: 'Suivi budgétaire',
        responsibleInstitutionId: w.cms.id,
        deadline: '2026-06-30',
      },
    ];
    // An institution that does not take part cannot be given an objective.
    const outside = await t.request(repondant, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/contract`,
      payload: { caseManagerInstitutionId: cast.osp.id, objectives, basedOnVersionNo: null },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0]).toMatchObject({ path: 'caseManagerInstitutionId' });
    s = await assessmentCall(t, repondant, id, 'POST', '/contract', {
      caseManagerInstitutionId: w.cms.id,
      objectives,
      basedOnVersionNo: null,
    });
    let v1 = s.contracts[0];
    expect(v1.parties.map((p: { party: string }) => p.party)).toEqual([w.cms.id, w.orp.id, 'person']);
    // The ORP accepts for the ORP; it cannot accept for the CMS (404, as for what it may not do).
    s = await assessmentCall(t, repondant, id, 'POST', '/contract/1/accept', {
      party: w.orp.id,
      version: v1.version,
    });
    v1 = s.contracts[0];
    const forOther = await t.request(repondant, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/contract/1/accept`,
      payload: { party: w.cms.id, version: v1.version },
    });
    expect(forOther.statusCode).toBe(404);

    // The Bureau: an item not met cannot be "conforming"; reasons required for "non-conforming".
    const answers = (ok: boolean) =>
      [
        { id: w.cms.id, kind: 'cms' as const },
        { id: w.orp.id, kind: 'orp' as const },
      ].flatMap((p) => checklistFor(p.kind).map((i) => ({ institutionId: p.id, itemId: i.id, ok })));
    const wrong = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/contract/1/conformity`,
      payload: { answers: answers(false), result: 'conforming', reasons: '', version: v1.version },
    });
    expect(wrong.statusCode).toBe(400);
    const noReason = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/contract/1/conformity`,
      payload: { answers: answers(false), result: 'non_conforming', reasons: ' ', version: v1.version },
    });
    expect(noReason.json().error.fields).toEqual([
      { path: 'reasons', message: 'Indiquez à l’équipe pourquoi le contrat n’est pas conforme.' },
    ]);
    s = await assessmentCall(t, coord, id, 'POST', '/contract/1/conformity', {
      answers: answers(false),
      result: 'non_conforming',
      reasons: 'Le stage AIT dépasse la compétence déléguée : décision LMMT à prévoir.',
      version: v1.version,
    });
    expect(s.contracts[0]).toMatchObject({ status: 'non_conforming', conformity: { result: 'non_conforming' } });
    // A refused version is closed to acceptances.
    const late = await t.request(cmsRep, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/contract/1/accept`,
      payload: { party: w.cms.id, version: s.contracts[0].version },
    });
    expect(late.statusCode).toBe(409);

    // The amendment: two written at once from version 1, one wins.
    const amended = objectives.map((o, i) => (i === 0 ? { ...o, measuresPlanned: 'Stage AIT (décision LMMT)' } : o));
    const both = await Promise.all(
      [repondant, cmsRep].map((who) =>
        t.request(who, {
          method: 'POST',
          url: `/api/situations/${id}/assessment/contract`,
          payload: { caseManagerInstitutionId: w.cms.id, objectives: amended, basedOnVersionNo: 1 },
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    s = await assessmentCall(t, coord, id, 'GET', '');
    expect(s.contracts.map((c: { versionNo: number; status: string }) => [c.versionNo, c.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    // Earlier versions stay readable, their acceptances and the Bureau's reasons with them.
    expect(s.contracts[1].parties[1].acceptedBy).toBeTruthy();
    expect(s.contracts[1].conformity.reasons).toContain('LMMT');

    let v2 = s.contracts[0];
    // Two répondants of the CMS accepting at once: one acceptance.
    const cmsRep2 = await t.signIn('cms.rep');
    const twice = await Promise.all(
      [cmsRep, cmsRep2].map((who) =>
        t.request(who, {
          method: 'POST',
          url: `/api/situations/${id}/assessment/contract/2/accept`,
          payload: { party: w.cms.id, version: v2.version },
        }),
      ),
    );
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    s = await assessmentCall(t, coord, id, 'GET', '');
    v2 = s.contracts[0];
    s = await assessmentCall(t, repondant, id, 'POST', '/contract/2/accept', { party: w.orp.id, version: v2.version });
    // The person's signature: recorded by the Bureau with the date she signed (required).
    const unsigned = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/contract/2/accept`,
      payload: { party: 'person', version: s.contracts[0].version },
    });
    expect(unsigned.statusCode).toBe(400);
    s = await assessmentCall(t, coord, id, 'POST', '/contract/2/accept', {
      party: 'person',
      signedOn: '2026-03-02',
      version: s.contracts[0].version,
    });
    expect(s.contracts[0].status).toBe('accepted_by_all');
    expect(s.status).toBe('held');
    const waiting = (await t.request(coord, { method: 'GET', url: '/api/assessments' })).json().items;
    expect(waiting.find((r: { situationId: string }) => r.situationId === id)?.waitsOn).toBe('bureau_conformity');
    // Two Bureau members checking at once: one check is recorded, the other is told it was done (409).
    const coord2 = await t.signIn('coord');
    const checks = await Promise.all(
      [coord, coord2].map((who) =>
        t.request(who, {
          method: 'POST',
          url: `/api/situations/${id}/assessment/contract/2/conformity`,
          payload: { answers: answers(true), result: 'conforming', version: s.contracts[0].version },
        }),
      ),
    );
    expect(checks.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    s = await assessmentCall(t, coord, id, 'GET', '');
    expect(s.contracts[0].status).toBe('in_force');
    expect(s.status).toBe('in_execution');
    const [passage] = await t.database.db.select().from(carePassages).where(eq(carePassages.id, s.passageId));
    expect(passage?.status).toBe('in_execution');
    // The contract in force is kept on the situation as a PDF.
    const kept = await t.database.db.select().from(attachments).where(eq(attachments.situationId, id));
    const number = (await getSituation(t, coord, id)).json().number;
    expect(kept.map((f) => f.filename)).toContain(`contrat-objectifs-${number}-v2.pdf`);
    const pdf = await t.request(coord, { method: 'GET', url: `/api/situations/${id}/assessment/contract/2/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Execution by the case manager (the CMS's répondant); then the closure with an insertion.
    s = await assessmentCall(t, cmsRep, id, 'PUT', `/contract/2/objectives/${s.contracts[0].objectives[0].id}`, {
      status: 'achieved',
      version: s.contracts[0].version,
    });
    s = await assessmentCall(t, cmsRep, id, 'POST', '/notes', {
      kind: 'review_meeting',
      at: '2026-03-02',
      text: 'Point à un mois : stage commencé.',
    });
    expect(s.notes).toHaveLength(1);
    const noReasonOther = await t.request(cmsRep, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/close`,
      payload: { outcome: 'other', reason: '', version: s.version },
    });
    expect(noReasonOther.statusCode).toBe(400);
    s = await assessmentCall(t, cmsRep, id, 'POST', '/close', {
      outcome: 'inserted',
      reason: 'CDI de vendeuse à 50 % chez Manor.',
      version: s.version,
    });
    expect(s).toMatchObject({ status: 'closed', outcome: { outcome: 'inserted' } });
    const [situation] = await t.database.db.select().from(situations).where(eq(situations.id, id));
    expect(situation?.status).toBe('closed');
    const events = await t.database.db
      .select()
      .from(situationEvents)
      .where(and(eq(situationEvents.situationId, id), eq(situationEvents.type, 'close')));
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ outcome: 'inserted', care: 'assessment' });
  });

  it('closes from any open state with its outcome; a convened meeting is cancelled for its participants', async () => {
    const { id, coord, a } = await organised();
    const s = await assessmentCall(t, coord, id, 'POST', '/schedule', {
      startOn: '2026-03-20',
      startTime: '08:00',
      place: 'Sion',
      version: a.version,
    });
    const closed = await assessmentCall(t, coord, id, 'POST', '/close', {
      outcome: 'unavailable',
      reason: 'Hospitalisée pour une longue durée.',
      version: s.version,
    });
    expect(closed).toMatchObject({ status: 'closed', invitationSequence: 1, outcome: { outcome: 'unavailable' } });
    await deliver();
    const mine = calendarsTo('smr@example.ch').filter((c) => field(c, 'UID') === careInvitationUid(closed.passageId));
    expect(mine.map((c) => [field(c, 'METHOD'), field(c, 'SEQUENCE')])).toEqual([
      ['REQUEST', '0'],
      ['CANCEL', '1'],
    ]);
    // Nothing more can be done on it.
    const again = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/close`,
      payload: { outcome: 'other', reason: 'x', version: closed.version },
    });
    expect(again.statusCode).toBe(409);

    const other = await organised();
    // Every outcome says why (DOMAIN.md §4: who, when and why).
    const noReason = await t.request(other.coord, {
      method: 'POST',
      url: `/api/situations/${other.id}/assessment/close`,
      payload: { outcome: 'social_aid_only', reason: ' ', version: other.a.version },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const toOrganise = await assessmentCall(t, other.coord, other.id, 'POST', '/close', {
      outcome: 'social_aid_only',
      reason: 'Suivi par l’aide sociale seule.',
      version: other.a.version,
    });
    expect(toOrganise.outcome.outcome).toBe('social_aid_only');
  });

  it('the SMR doctor reads the medical part only, under health; an uninvolved institution gets 404', async () => {
    const { id, coord, a } = await organised();
    let s = await assessmentCall(t, coord, id, 'POST', '/schedule', {
      startOn: '2026-03-05',
      startTime: '10:00',
      place: 'Sion',
      version: a.version,
    });
    s = await assessmentCall(t, coord, id, 'POST', '/hold', {
      medical: 'Diagnostic : lombalgies.',
      professional: 'Vendeuse.',
      social: 'Dettes.',
      resources: 'Motivée.',
      smrConclusions: 'Capacité 50 %.',
      version: s.version,
    });
    const smr = await t.signIn('smr');
    const seen = await assessmentCall(t, smr, id, 'GET', '');
    expect(seen.sections).toMatchObject({ medical: 'Diagnostic : lombalgies.', smrConclusions: 'Capacité 50 %.' });
    expect(seen.sections.professional).toBeUndefined();
    expect(seen.sections.social).toBeUndefined();
    expect(seen).toMatchObject({ contracts: [], notes: [], participants: [], abilities: { smrOnly: true } });
    const wrote = await t.request(smr, {
      method: 'POST',
      url: `/api/situations/${id}/assessment/contract`,
      payload: { caseManagerInstitutionId: t.world.cms.id, objectives: [], basedOnVersionNo: null },
    });
    expect(wrote.statusCode).toBe(404);
    // Nothing else of the file: not the situation, not the list, not its procurations or documents.
    expect((await getSituation(t, smr, id)).statusCode).toBe(404);
    const listed = await t.request(smr, { method: 'GET', url: '/api/situations?pageSize=100' });
    expect(listed.json().items).toEqual([]);
    const consents = (await getSituation(t, coord, id)).json().consents;
    const revoke = await t.request(smr, {
      method: 'POST',
      url: `/api/situations/${id}/consents/${consents[0].id}/revoke`,
      payload: { version: consents[0].version, reason: 'Essai de révocation' },
    });
    expect(revoke.statusCode).toBe(404);
    // Nor can the Bureau enrol the doctor in another role, which would open the file to them.
    const other = await orientedToAssessment(t, await t.signIn('pro'), coord, [t.world.orp.id, t.world.bureau.id], ALL);
    const fresh = await assessmentCall(t, coord, other.id, 'GET', '');
    const miscast = await t.request(coord, {
      method: 'POST',
      url: `/api/situations/${other.id}/assessment/organise`,
      payload: {
        responsibleUserId: t.world.users.coordinator.id,
        participants: [{ userId: cast.smr.id, role: 'professional' }],
        person: null,
        version: fresh.version,
      },
    });
    expect(miscast.statusCode).toBe(400);
    expect(miscast.json().error.fields[0].message).toContain('médecin SMR');

    // Without the health category for the OAI: the SMR doctor sees no section at all.
    const { id: noHealth, coord: c2, a: a2 } = await organised(null, ['identity', 'employment']);
    let h = await assessmentCall(t, c2, noHealth, 'POST', '/schedule', {
      startOn: '2026-03-05',
      startTime: '10:00',
      place: 'Sion',
      version: a2.version,
    });
    // Nor may the Bureau write health data it may not read (its institution has no health category either).
    const hidden = await t.request(c2, {
      method: 'POST',
      url: `/api/situations/${noHealth}/assessment/hold`,
      payload: { medical: 'x', professional: 'Vendeuse.', version: h.version },
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields[0].path).toBe('medical');
    h = await assessmentCall(t, c2, noHealth, 'POST', '/hold', { professional: 'Vendeuse.', version: h.version });
    const blind = await assessmentCall(t, smr, noHealth, 'GET', '');
    expect(blind.sections.medical).toBeUndefined();
    expect(blind.withheldSections).toEqual(['medical', 'smrConclusions']);

    // An institution that takes no part, and a Bureau of another region: 404 on the assessment and the situation.
    for (const who of ['osp', 'coord.monthey']) {
      const cookie = await t.signIn(who);
      expect((await t.request(cookie, { method: 'GET', url: `/api/situations/${id}/assessment` })).statusCode).toBe(
        404,
      );
      expect((await getSituation(t, cookie, id)).statusCode).toBe(404);
      const pdf = await t.request(cookie, { method: 'GET', url: `/api/situations/${id}/assessment/contract/1/pdf` });
      expect(pdf.statusCode).toBe(404);
    }
  });
});
