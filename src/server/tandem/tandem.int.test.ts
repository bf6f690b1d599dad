import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outboxMessages } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { getSituation, recordConsent } from '../../test/situation-fixtures.ts';
import { assign, createTandem, orientedToTandem, tandemMembers } from '../../test/tandem-fixtures.ts';

/**
 * Tandem coaching through the API, on PGlite and on PostgreSQL: tandems and
 * load, the mandate and its nine-month limit, the two-meetings rule across
 * month boundaries, reports, final report, closure, hand-back and access.
 */
let t: TestApp;
let a: Awaited<ReturnType<typeof tandemMembers>>;
let b: Awaited<ReturnType<typeof tandemMembers>>;
let tandemA: string;
let tandemB: string;
let situationA: string;
let situationB: string;
let situationC: string;
const at = (iso: string) => {
  t.clock.now = new Date(iso);
};
const file = async (who: string, id = situationA) =>
  (await t.request(who, { method: 'GET', url: `/api/situations/${id}/tandem` })).json();
const post = (who: string, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
  t.request(who, { method, url: `/api/situations/${situationA}${url}`, payload: payload as object });
const fieldMessages = (body: { error: { fields?: { path: string; message: string }[] } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.path, f.message]));

beforeAll(async () => {
  t = await createTestApp();
  at('2026-02-02T08:00:00Z');
  a = await tandemMembers(t, 'a');
  b = await tandemMembers(t, 'b');
  const [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
  const { orp, bureau } = t.world;
  situationA = await orientedToTandem(t, pro, coord, [orp.id, bureau.id, a.orp.id, a.cms.id]);
  situationB = await orientedToTandem(t, pro, coord, [orp.id, bureau.id], {
    navs13: '',
    officialName: 'Zufferey',
    firstNames: 'Paul',
    birthDate: '1975-01-01',
  });
  situationC = await orientedToTandem(t, pro, coord, [orp.id, bureau.id, a.orp.id, a.cms.id], {
    navs13: '',
    officialName: 'Bonvin',
    firstNames: 'Anne',
    birthDate: '1990-06-01',
  });
});
afterAll(() => t.close());

describe('tandems and assignment', () => {
  it('lets the Bureau form tandems of an ORP counsellor and a CMS social worker, and no one else', async () => {
    const coord = await t.signIn('coord');
    tandemA = await createTandem(t, coord, a.orpUser.id, a.cmsUser.id, 1);
    tandemB = await createTandem(t, coord, b.orpUser.id, b.cmsUser.id);
    const swapped = await t.request(coord, {
      method: 'POST',
      url: '/api/tandems',
      payload: { regionId: t.world.region.id, orpUserId: a.cmsUser.id, cmsUserId: a.orpUser.id },
    });
    expect(swapped.statusCode).toBe(400);
    expect(Object.keys(fieldMessages(swapped.json()))).toEqual(['orpUserId', 'cmsUserId']);
    const pro = await t.signIn('pro');
    expect(
      (
        await t.request(pro, {
          method: 'POST',
          url: '/api/tandems',
          payload: { regionId: t.world.region.id, orpUserId: a.orpUser.id, cmsUserId: a.cmsUser.id },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request(pro, { method: 'GET', url: '/api/tandems' })).statusCode).toBe(403);
    const monthey = await t.signIn('coord.monthey');
    expect(
      (
        await t.request(monthey, {
          method: 'POST',
          url: '/api/tandems',
          payload: { regionId: t.world.region.id, orpUserId: b.orpUser.id, cmsUserId: a.cmsUser.id },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('starts a six-month mandate; beyond capacity only with a confirmation, which is recorded', async () => {
    const coord = await t.signIn('coord');
    const home = (await t.request(coord, { method: 'GET', url: '/api/me/attention' })).json().items;
    expect(home).toContainEqual({ kind: 'tandem_to_assign', count: 3 });
    const assigned = await assign(t, coord, situationA, tandemA, '2026-02-02');
    expect(assigned.statusCode).toBe(200);
    const m = assigned.json().mandate;
    expect(m).toMatchObject({
      startOn: '2026-02-02',
      plannedEndOn: '2026-08-02',
      endOn: '2026-08-02',
      latestEndOn: '2026-11-02',
      overCapacity: false,
    });
    // Announced by the ORP: the tandem's ORP counsellor leads, the announcer gets the file back at closure (seeds
    // 002/003).
    expect(m.lead.id).toBe(a.orpUser.id);
    expect(m.handBackTo.id).toBe(t.world.users.pro.id);
    expect(m.reportRecipients.map((r: { id: string }) => r.id)).toEqual([t.world.users.pro.id]);

    const full = await assign(t, coord, situationC, tandemA, '2026-02-02');
    expect(full.statusCode).toBe(400);
    expect(fieldMessages(full.json()).confirmOverCapacity).toContain('1 situations pour une capacité de 1');
    const confirmed = await assign(t, coord, situationC, tandemA, '2026-02-02', { confirmOverCapacity: true });
    expect(confirmed.json().mandate.overCapacity).toBe(true);
    const event = (await getSituation(t, coord, situationC))
      .json()
      .timeline.find((e: { type: string }) => e.type === 'assign_tandem');
    expect(event.details).toMatchObject({ overCapacity: true, load: 1, capacity: 1 });
    expect(
      (await t.request(coord, { method: 'GET', url: '/api/tandems' }))
        .json()
        .find((x: { id: string }) => x.id === tandemA).load,
    ).toBe(2);
    // A second assignment of the same situation is refused.
    expect((await assign(t, coord, situationA, tandemB, '2026-02-02')).statusCode).toBe(409);
    // B's procuration does not name tandem B's institutions: refused, saying which; the announcer is asked to extend
    // it.
    const uncovered = await assign(t, coord, situationB, tandemB, '2026-02-02');
    expect(uncovered.statusCode).toBe(400);
    expect(fieldMessages(uncovered.json()).tandemId).toContain('ORP b');
    expect(fieldMessages(uncovered.json()).tandemId).toContain('CMS b');
    const asked = (await t.request(await t.signIn('pro'), { method: 'GET', url: '/api/notifications' })).json();
    expect(asked.items).toContainEqual(
      expect.objectContaining({ kind: 'consent_extension_needed', situationId: situationB }),
    );
    await recordConsent(t, await t.signIn('pro'), situationB, [t.world.orp.id, t.world.bureau.id, b.orp.id, b.cms.id]);
    expect((await assign(t, coord, situationB, tandemB, '2026-02-02')).statusCode).toBe(200);
    const pro = await t.signIn('pro');
    expect((await assign(t, pro, situationB, tandemB, '2026-02-02')).statusCode).toBe(404);
  });
});

describe('access: a tandem sees only its situations', () => {
  it('opens the file to the assigned tandem and to no other', async () => {
    const [aOrp, bOrp] = [await t.signIn('tandem.orp.a'), await t.signIn('tandem.orp.b')];
    expect((await getSituation(t, aOrp, situationA)).statusCode).toBe(200);
    // The consent of A names tandem A's institutions: its members see who the person is.
    expect((await getSituation(t, aOrp, situationA)).json().person.officialName).toBe('Évéquoz');
    expect((await getSituation(t, bOrp, situationA)).statusCode).toBe(404);
    expect((await t.request(bOrp, { method: 'GET', url: `/api/situations/${situationA}/tandem` })).statusCode).toBe(
      404,
    );
    expect(
      (await post(bOrp, '/meetings', { heldOn: '2026-02-02', kind: 'with_person', personPresent: true })).statusCode,
    ).toBe(404);
    // Tandem B sees B, and who the person is: its assignment needed a procuration naming its institutions.
    const seenByB = (await getSituation(t, bOrp, situationB)).json();
    expect(seenByB.person.officialName).toBe('Zufferey');
    expect(seenByB.abilities.coach).toBe(true);
    const listA = (await t.request(aOrp, { method: 'GET', url: '/api/situations' }))
      .json()
      .items.map((s: { id: string }) => s.id)
      .sort();
    expect(listA).toEqual([situationA, situationC].sort());
    const listB = (await t.request(bOrp, { method: 'GET', url: '/api/situations' }))
      .json()
      .items.map((s: { id: string }) => s.id);
    expect(listB).toEqual([situationB]);
    const denied = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.recordId, situationA), eq(auditLog.allowed, false), eq(auditLog.actorUserId, b.orpUser.id)),
      );
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});

describe('meetings and the two-meetings rule', () => {
  it('counts meetings with the person per calendar month, across month boundaries', async () => {
    let orpA = await t.signIn('tandem.orp.a');
    expect(
      (
        await post(orpA, '/meetings', {
          heldOn: '2026-02-02',
          kind: 'with_person',
          personPresent: false,
          participants: 'Tandem, Mme É.',
          notes: 'Premier entretien.',
          nextSteps: 'Chercher un stage dans la vente.',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      fieldMessages(
        (await post(orpA, '/meetings', { heldOn: '2026-02-03', kind: 'with_person', personPresent: true })).json(),
      ).heldOn,
    ).toContain('futur');
    expect(
      fieldMessages(
        (await post(orpA, '/meetings', { heldOn: '2026-01-30', kind: 'with_person', personPresent: true })).json(),
      ).heldOn,
    ).toContain('avant le début');
    at('2026-03-02T08:00:00Z');
    orpA = await t.signIn('tandem.orp.a');
    // 27 February: a call without the person does not count; 1 March counts for March.
    await post(orpA, '/meetings', {
      heldOn: '2026-02-27',
      kind: 'phone',
      personPresent: false,
      participants: 'Employeur',
      notes: 'Stage possible.',
      nextSteps: '',
    });
    await post(orpA, '/meetings', {
      heldOn: '2026-03-01',
      kind: 'network',
      personPresent: true,
      participants: 'OSP, ORP, CMS, Mme É.',
    });
    at('2026-04-02T08:00:00Z');
    orpA = await t.signIn('tandem.orp.a');
    const f = (
      await post(orpA, '/meetings', {
        heldOn: '2026-03-31',
        kind: 'with_person',
        personPresent: true,
        nextSteps: 'Stage chez Coop dès le 15 avril.',
      })
    ).json();
    expect(
      f.intensity
        .slice(0, 3)
        .map((m: { month: string; meetingsWithPerson: number; status: string }) => [
          m.month,
          m.meetingsWithPerson,
          m.status,
        ]),
    ).toEqual([
      ['2026-02', 1, 'missed'],
      ['2026-03', 2, 'met'],
      // 2 April: April is not behind on its second day, two meetings can still be held (issue 11).
      ['2026-04', 0, 'to_hold'],
    ]);
    const home = (await t.request(orpA, { method: 'GET', url: '/api/me/attention' }))
      .json()
      .items.filter((i: { situationId?: string }) => i.situationId === situationA);
    expect(home).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'months_missed', months: ['2026-02'] }),
        expect.objectContaining({ kind: 'report_due', months: ['2026-02', '2026-03'] }),
      ]),
    );
    expect(home.map((i: { kind: string }) => i.kind)).not.toContain('intensity_behind');
  });

  it('lets only the author edit a meeting, and keeps every earlier state', async () => {
    const [orpA, cmsA] = [await t.signIn('tandem.orp.a'), await t.signIn('tandem.cms.a')];
    const first = (await file(orpA)).meetings[0];
    const edit = {
      heldOn: first.heldOn,
      kind: first.kind,
      personPresent: true,
      participants: first.participants,
      notes: 'Premier entretien : motivation forte.',
      nextSteps: first.nextSteps,
      version: first.version,
    };
    expect((await post(cmsA, `/meetings/${first.id}`, edit, 'PUT')).statusCode).toBe(403);
    const edited = (await post(orpA, `/meetings/${first.id}`, edit, 'PUT')).json().meetings[0];
    expect(edited.notes).toBe('Premier entretien : motivation forte.');
    expect(edited.revisions).toEqual([expect.objectContaining({ version: 1, notes: 'Premier entretien.' })]);
    expect((await post(orpA, `/meetings/${first.id}`, edit, 'PUT')).statusCode).toBe(409);
    expect((await file(cmsA)).meetings[0].canEdit).toBe(false);
  });

  it('keeps coaching objectives with their status and dates', async () => {
    const cmsA = await t.signIn('tandem.cms.a');
    const created = (
      await post(cmsA, '/objectives', {
        title: 'Trouver un stage dans la vente',
        status: 'in_progress',
        startOn: '2026-03-01',
        targetOn: '2026-04-30',
      })
    ).json().objectives[0];
    expect(
      fieldMessages(
        (
          await post(cmsA, '/objectives', {
            title: 'X',
            status: 'planned',
            startOn: '2026-05-01',
            targetOn: '2026-04-01',
          })
        ).json(),
      ).targetOn,
    ).toBeTruthy();
    const done = (
      await post(cmsA, `/objectives/${created.id}`, { ...created, status: 'achieved', version: created.version }, 'PUT')
    ).json().objectives[0];
    expect(done).toMatchObject({ status: 'achieved', doneOn: '2026-04-02' });
  });
});

describe('the mandate never goes beyond nine months', () => {
  it('extends with a justification, refuses past nine months and says why', async () => {
    const orpA = await t.signIn('tandem.orp.a');
    let m = (await file(orpA)).mandate;
    const noReason = await post(orpA, '/mandate/extend', {
      endOn: '2026-10-02',
      justification: '',
      version: m.version,
    });
    expect(Object.keys(fieldMessages(noReason.json()))).toEqual(['justification']);
    m = (
      await post(orpA, '/mandate/extend', {
        endOn: '2026-10-02',
        justification: 'Stage en cours, engagement probable.',
        version: m.version,
      })
    ).json().mandate;
    expect(m.endOn).toBe('2026-10-02');
    const tooFar = await post(orpA, '/mandate/extend', {
      endOn: '2026-11-03',
      justification: 'Encore un mois.',
      version: m.version,
    });
    expect(tooFar.statusCode).toBe(400);
    expect(fieldMessages(tooFar.json()).endOn).toBe(
      'Un mandat ne peut pas dépasser neuf mois : la fin ne peut pas être après le 02.11.2026.',
    );
    // The German-speaking social worker of the tandem reads the refusal in German.
    const de = await post(await t.signIn('tandem.cms.a'), '/mandate/extend', {
      endOn: '2026-12-01',
      justification: 'x y z',
      version: m.version,
    });
    expect(fieldMessages(de.json()).endOn).toBe(
      'Ein Mandat darf neun Monate nicht überschreiten: Das Ende darf nicht nach dem 02.11.2026 liegen.',
    );
    expect((await file(orpA)).mandate.endOn).toBe('2026-10-02');
    const timeline = (await getSituation(t, orpA, situationA))
      .json()
      .timeline.filter((e: { type: string }) => e.type === 'extend_mandate');
    expect(timeline).toHaveLength(1);
  });
});

describe('monthly report', () => {
  it('drafts from the month, is edited, sent once to the professionals initially in charge, and kept', async () => {
    const orpA = await t.signIn('tandem.orp.a');
    const drafted = (await post(orpA, '/monthly-reports', { month: '2026-03' }))
      .json()
      .monthlyReports.find((r: { month: string }) => r.month === '2026-03');
    expect(drafted).toMatchObject({ status: 'draft', due: true });
    expect(drafted.significantElements).toContain('Entretiens :\n- 31.03.2026 : Stage chez Coop dès le 15 avril.');
    expect((await post(orpA, '/monthly-reports', { month: '2026-06' })).statusCode).toBe(400);
    const edited = (
      await post(
        orpA,
        `/monthly-reports/${drafted.id}`,
        { significantElements: 'Stage trouvé chez Coop, début le 15 avril.', version: drafted.version },
        'PUT',
      )
    )
      .json()
      .monthlyReports.find((r: { month: string }) => r.month === '2026-03');
    const text = 'Stage trouvé chez Coop, début le 15 avril.';
    const sent = (
      await post(orpA, `/monthly-reports/${drafted.id}/send`, { significantElements: text, version: edited.version })
    )
      .json()
      .monthlyReports.find((r: { month: string }) => r.month === '2026-03');
    expect(sent.status).toBe('sent');
    expect(sent.recipients).toEqual([
      expect.objectContaining({ email: 'pro@example.ch', language: 'fr', delivered: false }),
    ]);
    expect(
      (await post(orpA, `/monthly-reports/${drafted.id}/send`, { significantElements: text, version: sent.version }))
        .statusCode,
    ).toBe(409);
    const [mail] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.messageId, sent.recipients[0].messageId));
    expect(mail!.subject).toBe(
      `Rapport mensuel du tandem CII — ${(await getSituation(t, orpA, situationA)).json().number} — mars 2026`,
    );
    expect(mail!.textBody).toContain('Stage trouvé chez Coop');
    expect(mail!.textBody).toContain('(L. É.)');
    expect(mail!.textBody).not.toContain('Évéquoz');
    const home = (await t.request(orpA, { method: 'GET', url: '/api/me/attention' })).json().items;
    expect(home).toContainEqual(
      expect.objectContaining({ kind: 'report_due', situationId: situationA, months: ['2026-02'] }),
    );
  });
});

describe('final report, closure, hand-back and follow-ups', () => {
  it('needs the final report before closing, keeps its PDF, and records the insertion', async () => {
    at('2026-09-20T08:00:00Z');
    const orpA = await t.signIn('tandem.orp.a');
    let m = (await file(orpA)).mandate;
    const insertion = { employer: 'Coop Sion', startOn: '2026-09-01', contractType: 'ait_cofinanced', ratePercent: 80 };
    const early = await post(orpA, '/mandate/close', {
      outcome: 'inserted',
      outcomeOn: '2026-09-15',
      insertion,
      version: m.version,
    });
    expect(fieldMessages(early.json()).finalReport).toBe('Le bilan final doit être finalisé avant la clôture.');
    const sections = {
      workDone: 'Coaching intensif.',
      obstacles: 'Santé, garde d’enfant.',
      strengths: 'Motivation.',
      stepsTaken: 'Stage, AIT.',
      stepsToTake: '',
    };
    let report = (await post(orpA, '/final-report', { ...sections, version: null }, 'PUT')).json().finalReport;
    expect(
      Object.keys(
        fieldMessages((await post(orpA, '/final-report/finalise', { language: 'de', version: report.version })).json()),
      ),
    ).toEqual(['stepsToTake']);
    report = (
      await post(
        orpA,
        '/final-report',
        { ...sections, stepsToTake: 'Suivi par l’ORP.', version: report.version },
        'PUT',
      )
    ).json().finalReport;
    report = (await post(orpA, '/final-report/finalise', { language: 'de', version: report.version })).json()
      .finalReport;
    expect(report).toMatchObject({ status: 'final', language: 'de' });
    const pdf = await t.request(orpA, {
      method: 'GET',
      url: `/api/situations/${situationA}/attachments/${report.pdfAttachmentId}`,
    });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pro = await t.signIn('pro');
    expect(
      (await t.request(pro, { method: 'GET', url: `/api/situations/${situationA}/final-report.pdf?lang=fr` })).headers[
        'content-type'
      ],
    ).toBe('application/pdf');

    expect(
      Object.keys(
        fieldMessages(
          (
            await post(orpA, '/mandate/close', {
              outcome: 'inserted',
              outcomeOn: '2026-09-15',
              insertion: null,
              version: m.version,
            })
          ).json(),
        ),
      ),
    ).toEqual(['insertion']);
    // The months not reported are skipped, each with its reason (issue 11).
    const open = (
      await t.request(orpA, { method: 'GET', url: `/api/situations/${situationA}/mandate/closure-preview` })
    ).json().unsentReports as { month: string }[];
    expect(open.map((r) => r.month)).toEqual([
      '2026-02',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    m = (
      await post(orpA, '/mandate/close', {
        outcome: 'inserted',
        outcomeOn: '2026-09-15',
        insertion,
        skipReports: open.map((r) => ({ month: r.month, reason: 'Réseau mensuel oral.' })),
        version: m.version,
      })
    ).json().mandate;
    expect(m).toMatchObject({ outcome: 'inserted', insertion, handedBackAt: null });
    expect((await getSituation(t, orpA, situationA)).json().status).toBe('closed');
    const follow = (await file(orpA)).followUps;
    expect(follow.map((f: { months: number; dueOn: string }) => [f.months, f.dueOn])).toEqual([
      [6, '2027-03-15'],
      [12, '2027-09-15'],
    ]);
    // Closed: no more meetings.
    expect(
      (await post(orpA, '/meetings', { heldOn: '2026-09-16', kind: 'with_person', personPresent: true })).statusCode,
    ).toBe(404);
  });

  it('hands the file back to the ORP counsellor who had it before, explicitly, once', async () => {
    const [orpA, pro] = [await t.signIn('tandem.orp.a'), await t.signIn('pro')];
    expect(
      (await t.request(pro, { method: 'GET', url: '/api/me/attention' }))
        .json()
        .items.some((i: { kind: string }) => i.kind === 'handed_back'),
    ).toBe(false);
    const owed = async () =>
      (await t.request(orpA, { method: 'GET', url: '/api/me/attention' }))
        .json()
        .items.some(
          (i: { kind: string; situationId?: string }) => i.kind === 'hand_back_due' && i.situationId === situationA,
        );
    // Closed, not yet handed back: the tandem's home page says it is still to do.
    expect(await owed()).toBe(true);
    const m = (await file(orpA)).mandate;
    const back = (
      await post(orpA, '/mandate/hand-back', { note: 'Dossier rendu avec le bilan final.', version: m.version })
    ).json().mandate;
    expect(back.holder.id).toBe(t.world.users.pro.id);
    expect(back.handedBackByName).toBeTruthy();
    expect((await post(orpA, '/mandate/hand-back', { note: '', version: back.version })).statusCode).toBe(409);
    const items = (await t.request(pro, { method: 'GET', url: '/api/me/attention' })).json().items;
    expect(items).toContainEqual(expect.objectContaining({ kind: 'handed_back', situationId: situationA }));
    const notes = (await t.request(pro, { method: 'GET', url: '/api/notifications' })).json();
    expect(JSON.stringify(notes)).toContain('file_handed_back');
    expect(await owed()).toBe(false);
  });

  it('the tandem reads for the grace period after the hand-back, then loses access; the holder keeps it', async () => {
    // Handed back on 2026-09-20; ACCESS_AFTER_ROLE_DAYS is 90 by default.
    at('2026-12-18T08:00:00Z');
    expect((await getSituation(t, await t.signIn('tandem.cms.a'), situationA)).statusCode).toBe(200);
    expect(
      (await t.request(await t.signIn('tandem.orp.a'), { method: 'GET', url: `/api/situations/${situationA}/tandem` }))
        .statusCode,
    ).toBe(200);
    at('2026-12-20T08:00:00Z');
    for (const member of ['tandem.cms.a', 'tandem.orp.a']) {
      const who = await t.signIn(member);
      expect((await getSituation(t, who, situationA)).statusCode, member).toBe(404);
      expect(
        (await t.request(who, { method: 'GET', url: `/api/situations/${situationA}/tandem` })).statusCode,
        member,
      ).toBe(404);
      expect(
        (await t.request(who, { method: 'GET', url: '/api/situations' })).json().items.map((s: { id: string }) => s.id),
        member,
      ).not.toContain(situationA);
    }
    expect((await getSituation(t, await t.signIn('pro'), situationA)).json().person.officialName).toBe('Évéquoz');
  });

  it("the bilan final and the insertion follow the procuration's categories: not the Bureau once expired", async () => {
    const pdf = (who: string) =>
      t.request(who, { method: 'GET', url: `/api/situations/${situationA}/final-report.pdf?lang=fr` });
    let coord = await t.signIn('coord');
    expect((await pdf(coord)).statusCode).toBe(200);
    at('2028-01-02T08:00:00Z'); // the procuration was valid until 2027-12-31
    coord = await t.signIn('coord');
    expect((await pdf(coord)).statusCode).toBe(404);
    const seen = (await t.request(coord, { method: 'GET', url: `/api/situations/${situationA}/tandem` })).json();
    expect(seen).toMatchObject({ coachingWithheld: true, finalReport: null, meetings: [] });
    expect(seen.mandate.insertion).toBeNull();
    expect((await getSituation(t, coord, situationA)).json().attachments).toEqual([]);
    // The announcer's institution entered the data: it keeps everything.
    expect((await pdf(await t.signIn('pro'))).statusCode).toBe(200);
    at('2026-12-20T08:00:00Z');
  });

  it('reminds the holder of the 6- and 12-month follow-ups and records them when due', async () => {
    let pro = await t.signIn('pro');
    const [six] = (await file(pro)).followUps;
    expect((await post(pro, `/follow-ups/${six.id}`, { stillInWork: true, version: six.version })).statusCode).toBe(
      409,
    );
    at('2027-03-16T08:00:00Z');
    pro = await t.signIn('pro');
    expect((await t.request(pro, { method: 'GET', url: '/api/me/attention' })).json().items).toContainEqual(
      expect.objectContaining({ kind: 'follow_up_due', situationId: situationA, date: '2027-03-15' }),
    );
    const orpA = await t.signIn('tandem.orp.a');
    expect((await post(orpA, `/follow-ups/${six.id}`, { stillInWork: true, version: six.version })).statusCode).toBe(
      404,
    );
    const recorded = (
      await post(pro, `/follow-ups/${six.id}`, {
        stillInWork: true,
        note: 'Toujours chez Coop, CDI.',
        version: six.version,
      })
    ).json().followUps[0];
    expect(recorded).toMatchObject({ stillInWork: true, note: 'Toujours chez Coop, CDI.' });
    expect(
      (await t.request(pro, { method: 'GET', url: '/api/me/attention' }))
        .json()
        .items.some((i: { kind: string }) => i.kind === 'follow_up_due'),
    ).toBe(false);
  });
});
