import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCommune, insertInstitution, insertUser } from '../../db/seed/factories.ts';
import { auditLog, measureDecisions, measureKinds, measures } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { assign, createTandem, orientedToTandem, tandemMembers } from '../../test/tandem-fixtures.ts';

/**
 * Measures through the API, on PGlite and on PostgreSQL: the routes of both
 * rule periods on a situation that straddles 2023-01-01, the inboxes, a
 * refusal, two deciders at once, the Commission droit, the AIT limits, the MIP
 * and its split, and a commune's quarterly statement.
 */
let t: TestApp;
let a: Awaited<ReturnType<typeof tandemMembers>>;
let b: Awaited<ReturnType<typeof tandemMembers>>;
let sion: { id: string };
let monthey: { id: string };
let fromSocialAid: string; // announced by the CMS, lives in Sion
let fromOrp: string; // announced by the ORP, lives in Sion, born 1975
const kindIds: Record<string, string> = {};
const at = (iso: string) => {
  t.clock.now = new Date(iso);
};
const fields = (body: { error: { fields?: { path: string; message: string }[] } }) =>
  Object.fromEntries((body.error.fields ?? []).map((f) => [f.path, f.message]));
const measuresOf = async (who: string, situationId: string) =>
  t.request(who, { method: 'GET', url: `/api/situations/${situationId}/measures` });
const propose = (who: string, situationId: string, kind: string, over: Record<string, unknown> = {}) =>
  t.request(who, {
    method: 'POST',
    url: `/api/situations/${situationId}/measures`,
    payload: {
      kindId: kindIds[kind],
      provider: 'Prestataire SA',
      goals: 'Reprendre un rythme de travail.',
      unitCostCents: 100_00,
      quantity: 1,
      ...over,
    },
  });
const inbox = async (who: string) =>
  (await t.request(who, { method: 'GET', url: '/api/inbox/measures' })).json().items as {
    measure: { id: string; version: number; kind: { code: string } };
    step: string;
    person: { age: number; commune: string | null; identity: { name: string; birthDate: string } | null };
  }[];
const decide = (who: string, measureId: string, version: number, decision: 'approve' | 'refuse', reason = '') =>
  t.request(who, {
    method: 'POST',
    url: `/api/measures/${measureId}/decision`,
    payload: { decision, reason, version },
  });
const run = (
  who: string,
  situationId: string,
  m: { id: string; version: number },
  action: string,
  on: string,
  reason = '',
) =>
  t.request(who, {
    method: 'POST',
    url: `/api/situations/${situationId}/measures/${m.id}/run`,
    payload: { action, on, reason, version: m.version },
  });
/**
 * The measure just proposed: the list is in start order, so the tests propose in start order, except where they say.
 */
const latest = (r: {
  json(): { measures: { id: string; version: number; status: string; route: string[]; kind: { code: string } }[] };
}) => r.json().measures.at(-1)!;

beforeAll(async () => {
  t = await createTestApp();
  at('2022-10-03T08:00:00Z');
  const db = t.database.db;
  sion = await insertCommune(db, { name: 'Sion', language: 'fr', regionId: t.world.region.id });
  monthey = await insertCommune(db, { name: 'Monthey', language: 'fr', regionId: t.world.otherRegion.id });
  const sas = await insertInstitution(db, { kind: 'sas', nameFr: 'SAS', nameDe: 'DSW' });
  const lmmt = await insertInstitution(db, { kind: 'sict_lmmt', nameFr: 'LMMT', nameDe: 'LAM' });
  const communeSion = await insertInstitution(db, {
    kind: 'commune',
    nameFr: 'Commune de Sion',
    nameDe: 'Gemeinde Sitten',
    communeId: sion.id,
  });
  const communeMonthey = await insertInstitution(db, {
    kind: 'commune',
    nameFr: 'Commune de Monthey',
    nameDe: 'Gemeinde Monthey',
    communeId: monthey.id,
  });
  await insertUser(db, { username: 'lmmt.1', institutionId: lmmt.id, roles: ['measures_decider'] });
  await insertUser(db, { username: 'lmmt.2', institutionId: lmmt.id, roles: ['measures_decider'], language: 'de' });
  await insertUser(db, { username: 'sas', institutionId: sas.id, roles: ['sas_reviewer'] });
  await insertUser(db, { username: 'commune.sion', institutionId: communeSion.id, roles: ['commune_approver'] });
  await insertUser(db, { username: 'commune.monthey', institutionId: communeMonthey.id, roles: ['commune_approver'] });
  await insertUser(db, { username: 'bureau.cantonal', institutionId: t.world.bureau.id, roles: ['bureau_member'] });
  for (const k of await db.select().from(measureKinds)) kindIds[k.code] = k.id;

  a = await tandemMembers(t, 'a');
  b = await tandemMembers(t, 'b');
  const [coord, pro, social] = [await t.signIn('coord'), await t.signIn('pro'), await t.signIn('social')];
  const { orp, cms, bureau } = t.world;
  const tandemA = await createTandem(t, coord, a.orpUser.id, a.cmsUser.id);
  await createTandem(t, coord, b.orpUser.id, b.cmsUser.id);
  // Social aid: the procuration also names the commune that pays (LIAS); the ORP case's does not.
  fromSocialAid = await orientedToTandem(t, social, coord, [cms.id, bureau.id, a.orp.id, a.cms.id, communeSion.id], {
    communeId: sion.id,
    navs13: '',
    officialName: 'Rey',
    firstNames: 'Virginie',
    birthDate: '1997-03-02',
  });
  fromOrp = await orientedToTandem(t, pro, coord, [orp.id, bureau.id, a.orp.id, a.cms.id], {
    communeId: sion.id,
    navs13: '',
    officialName: 'Fumeaux',
    firstNames: 'Jean',
    birthDate: '1975-06-01',
  });
  for (const id of [fromSocialAid, fromOrp])
    expect((await assign(t, coord, id, tandemA, '2022-10-03')).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('before 2023: the MIP and LIAS measures approved by the commune', () => {
  it("the tandem's social worker sets up the MIP, once, for social aid only; the commune approves", async () => {
    const [orpMember, cmsMember] = [await t.signIn('tandem.orp.a'), await t.signIn('tandem.cms.a')];
    const file = (await measuresOf(cmsMember, fromSocialAid)).json();
    expect(file.kinds.map((k: { code: string }) => k.code)).toContain('mip');
    expect((await measuresOf(cmsMember, fromOrp)).json().kinds.map((k: { code: string }) => k.code)).not.toContain(
      'mip',
    );

    const byOrp = await propose(orpMember, fromSocialAid, 'mip', { startOn: '2022-10-03', endOn: '2022-10-03' });
    expect(fields(byOrp.json())).toEqual({ kindId: 'Le MIP est établi par l’assistant·e social·e du tandem.' });
    const notSocialAid = await propose(cmsMember, fromOrp, 'mip', { startOn: '2022-10-03', endOn: '2022-10-03' });
    expect(fields(notSocialAid.json()).kindId).toBe(
      'Ein MIP wird nur für eine von der Sozialhilfe gemeldete Situation erstellt.',
    );

    const proposed = await propose(cmsMember, fromSocialAid, 'mip', { startOn: '2022-10-03', endOn: '2022-10-03' });
    expect(proposed.statusCode).toBe(200);
    const mip = latest(proposed);
    expect(mip).toMatchObject({
      status: 'proposed',
      route: ['commune'],
      ruleSet: 'lias_commune',
      // Six calendar months: the last day of the sixth (issue 11), never a day of a seventh.
      endOn: '2023-03-31',
      unitCostCents: 500_00,
      quantity: 6,
      totalCents: 3000_00,
    });
    expect(
      fields((await propose(cmsMember, fromSocialAid, 'mip', { startOn: '2022-11-01', endOn: '2022-11-01' })).json())
        .kindId,
    ).toBe('Dieses Mandat hat bereits ein MIP.');

    // Not the SAS (before 2023), not another commune: the commune where the person lives.
    expect(await inbox(await t.signIn('sas'))).toEqual([]);
    const other = await t.signIn('commune.monthey');
    expect(await inbox(other)).toEqual([]);
    expect((await decide(other, mip.id, mip.version, 'approve')).statusCode).toBe(404);
    const communeSion = await t.signIn('commune.sion');
    const waiting = await inbox(communeSion);
    expect(waiting).toHaveLength(1);
    // The procuration names the commune: its approver sees who the person is (decision 012).
    expect(waiting[0]).toMatchObject({
      step: 'commune',
      person: { age: 25, commune: 'Sion', identity: { name: 'Rey Virginie', birthDate: '1997-03-02' } },
      measure: { kind: { code: 'mip' } },
    });
    expect((await t.request(communeSion, { method: 'GET', url: '/api/me/attention' })).json().items).toContainEqual({
      kind: 'measures_to_decide',
      count: 1,
    });
    // The commune decides the request; it does not read the situation.
    expect((await t.request(communeSion, { method: 'GET', url: `/api/situations/${fromSocialAid}` })).statusCode).toBe(
      404,
    );
    const approved = await decide(communeSion, mip.id, mip.version, 'approve');
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decisions: [{ step: 'commune', decision: 'approve' }],
    });
    const notes = (await t.request(cmsMember, { method: 'GET', url: '/api/notifications' })).json().items;
    expect(notes.map((n: { kind: string }) => n.kind)).toContain('measure_approved');
    const started = await run(cmsMember, fromSocialAid, approved.json(), 'start', '2022-10-03');
    expect(latest(started).status).toBe('running');
  });

  it('a LIAS course submitted in December 2022 goes to the commune alone; started, stopped for health', async () => {
    at('2022-12-20T09:00:00Z');
    const cmsMember = await t.signIn('tandem.cms.a');
    const course = latest(
      await propose(cmsMember, fromSocialAid, 'language_course_lias', {
        startOn: '2022-12-01',
        endOn: '2023-01-29',
        unitCostCents: 600_00,
        quantity: 1,
      }),
    );
    expect(course).toMatchObject({ route: ['commune'], status: 'proposed', ruleSet: 'lias_commune' });
    const communeSion = await t.signIn('commune.sion');
    const approved = (await decide(communeSion, course.id, course.version, 'approve')).json();
    const running = latest(await run(cmsMember, fromSocialAid, approved, 'start', '2022-12-01'));
    const early = await run(cmsMember, fromSocialAid, running, 'interrupt', '2022-11-30', 'Santé');
    expect(fields(early.json())).toEqual({
      on: 'Das Datum darf nicht vor dem tatsächlichen Beginn der Massnahme liegen.',
    });
    const noReason = await run(cmsMember, fromSocialAid, running, 'interrupt', '2022-12-10');
    expect(noReason.statusCode).toBe(400);
    const interrupted = await run(cmsMember, fromSocialAid, running, 'interrupt', '2022-12-10', 'Problèmes de santé.');
    expect(interrupted.json().measures.find((m: { id: string }) => m.id === course.id)).toMatchObject({
      status: 'interrupted',
      endedOn: '2022-12-10',
      endReason: 'Problèmes de santé.',
    });
  });
});

describe('from 2023-01-01: the SAS prior opinion, then the commune', () => {
  it('routes a LIAS measure through the SAS; the commune refuses it with a reason; the proposer is told', async () => {
    at('2023-01-09T09:00:00Z');
    const cmsMember = await t.signIn('tandem.cms.a');
    const mipNow = await propose(cmsMember, fromOrp, 'mip', { startOn: '2023-01-09', endOn: '2023-01-09' });
    expect(fields(mipNow.json()).kindId).toBe(
      'Das MIP gibt es seit dem 1. Januar 2023 nicht mehr: Die Zeit des SMZ läuft über sein ordentliches Budget.',
    );
    expect(
      (await measuresOf(cmsMember, fromSocialAid)).json().kinds.map((k: { code: string }) => k.code),
    ).not.toContain('mip');

    const preview = await t.request(cmsMember, {
      method: 'POST',
      url: `/api/situations/${fromSocialAid}/measures/preview`,
      payload: {
        kindId: kindIds.internship_lias,
        provider: 'Commerce SA',
        goals: 'Stage de vente.',
        startOn: '2023-02-01',
        endOn: '2023-04-30',
        unitCostCents: 300_00,
        quantity: 3,
      },
    });
    expect(preview.json()).toMatchObject({
      ruleSet: 'lias_sas_commune',
      route: ['sas', 'commune'],
      computed: { totalCents: 900_00 },
      invalid: [],
      breaches: [],
    });
    const internship = latest(
      await propose(cmsMember, fromSocialAid, 'internship_lias', {
        provider: 'Commerce SA',
        startOn: '2023-02-01',
        endOn: '2023-04-30',
        unitCostCents: 300_00,
        quantity: 3,
      }),
    );
    expect(internship).toMatchObject({ route: ['sas', 'commune'], status: 'proposed' });

    const communeSion = await t.signIn('commune.sion');
    expect(await inbox(communeSion)).toEqual([]);
    const sas = await t.signIn('sas');
    expect((await inbox(sas)).map((i) => i.measure.id)).toEqual([internship.id]);
    // No procuration names the SAS: its préavis is given on an anonymised request (age, commune, measure, cost).
    expect((await inbox(sas))[0]!.person).toEqual({ age: 25, commune: 'Sion', identity: null });
    const afterSas = (await decide(sas, internship.id, internship.version, 'approve', 'Préavis favorable.')).json();
    expect(afterSas).toMatchObject({ status: 'proposed', pendingStep: 'commune' });
    expect(await inbox(sas)).toEqual([]);

    const unexplained = await decide(communeSion, internship.id, afterSas.version, 'refuse');
    expect(fields(unexplained.json())).toEqual({ reason: 'Un refus doit être motivé.' });
    const refused = await decide(
      communeSion,
      internship.id,
      afterSas.version,
      'refuse',
      'Un stage LACI est possible d’abord.',
    );
    expect(refused.json()).toMatchObject({
      status: 'refused',
      decisions: [
        { step: 'sas', decision: 'approve' },
        { step: 'commune', decision: 'refuse', reason: 'Un stage LACI est possible d’abord.' },
      ],
    });
    // Deciding again, on the old version: the measure changed.
    expect((await decide(communeSion, internship.id, afterSas.version, 'approve')).statusCode).toBe(409);
    const notes = (await t.request(cmsMember, { method: 'GET', url: '/api/notifications' }))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(notes).toEqual(expect.arrayContaining(['measure_step_approved', 'measure_refused']));
    const started = await run(cmsMember, fromSocialAid, refused.json(), 'start', '2023-01-09');
    expect(fields(started.json())).toEqual({ action: 'Nur eine bewilligte Massnahme kann beginnen.' });
  });

  it('two LMMT deciders at once: one decision wins, the other gets 409', async () => {
    const orpMember = await t.signIn('tandem.orp.a');
    const m = latest(
      await propose(orpMember, fromOrp, 'art59d', {
        startOn: '2023-02-01',
        endOn: '2023-03-31',
        unitCostCents: 2400_00,
      }),
    );
    expect(m).toMatchObject({ route: ['lmmt'], status: 'proposed' });
    const [one, two] = [await t.signIn('lmmt.1'), await t.signIn('lmmt.2')];
    const answers = await Promise.all([
      decide(one, m.id, m.version, 'approve'),
      decide(two, m.id, m.version, 'refuse', 'Hors catalogue cantonal.'),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(
      await t.database.db.select().from(measureDecisions).where(eq(measureDecisions.measureId, m.id)),
    ).toHaveLength(1);
    // Once decided: a decider of its route learns that it changed (409); one it never reached, that it does not exist
    // (404),
    // as the cantonal Bureau for a measure never escalated (issue 9).
    expect((await decide(two, m.id, m.version + 1, 'approve')).statusCode).toBe(409);
    for (const who of ['commune.sion', 'sas', 'bureau.cantonal'])
      expect((await decide(await t.signIn(who), m.id, m.version + 1, 'approve')).statusCode, who).toBe(404);
    // The tandem's own step: decided at proposal, no inbox.
    const delegated = latest(
      await propose(orpMember, fromOrp, 'internship_laci', {
        startOn: '2023-02-01',
        endOn: '2023-02-28',
        unitCostCents: 0,
      }),
    );
    expect(delegated).toMatchObject({ route: ['tandem'], status: 'approved' });
  });
});

describe('AIT limits and the Commission droit', () => {
  const ait = {
    provider: 'Boutique du Bourg',
    goals: 'Engagement comme vendeuse.',
    startOn: '2023-03-01',
    endOn: '2023-08-31',
    normalSalaryCents: 4200_00,
    allowancePercent: 60,
  };

  it('refuses over 60 % or over six months before 50, with clear messages; twelve months from 50', async () => {
    const orpMember = await t.signIn('tandem.orp.a');
    const tooMuch = await propose(orpMember, fromSocialAid, 'ait', { ...ait, allowancePercent: 70 });
    expect(fields(tooMuch.json())).toEqual({
      allowancePercent: 'Une AIT couvre au plus 60 % du salaire normal (art. 66 LACI).',
    });
    const tooLong = await propose(orpMember, fromSocialAid, 'ait', { ...ait, endOn: '2023-12-31' });
    expect(fields(tooLong.json())).toEqual({
      endOn: 'Une AIT dure au plus 6 mois : la fin ne peut pas être après le 01.09.2023.',
    });
    // Jean Fumeaux turns 50 before the start: twelve months.
    const fifty = await propose(orpMember, fromOrp, 'ait', { ...ait, startOn: '2025-06-01', endOn: '2026-05-31' });
    expect(latest(fifty)).toMatchObject({
      status: 'approved',
      unitCostCents: 2520_00,
      quantity: 12,
      totalCents: 30240_00,
    });
    const missing = await propose(orpMember, fromSocialAid, 'ait', { ...ait, normalSalaryCents: null });
    expect(Object.keys(fields(missing.json()))).toEqual(['normalSalaryCents']);
    // The preview shows the same limit before submission; reading the birth date for it is audited.
    const preview = await t.request(orpMember, {
      method: 'POST',
      url: `/api/situations/${fromSocialAid}/measures/preview`,
      payload: { kindId: kindIds.ait, ...ait, allowancePercent: 65 },
    });
    expect(preview.json()).toMatchObject({
      route: ['tandem'],
      breaches: [
        { path: 'allowancePercent', message: 'Une AIT couvre au plus 60 % du salaire normal (art. 66 LACI).' },
      ],
    });
    const previews = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'measure.preview'));
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.every((r) => r.subjectPersonId !== null)).toBe(true);
  });

  it('escalates an AIT outside the rules to the Commission droit; its exception is recorded with reasons', async () => {
    const orpMember = await t.signIn('tandem.orp.a');
    const noReason = await propose(orpMember, fromSocialAid, 'ait', {
      ...ait,
      allowancePercent: 70,
      escalate: true,
      escalationReason: 'Court',
    });
    expect(Object.keys(fields(noReason.json()))).toEqual(['escalationReason']);
    const inRules = await propose(orpMember, fromSocialAid, 'ait', {
      ...ait,
      escalate: true,
      escalationReason: 'Pas besoin de la commission.',
    });
    expect(Object.keys(fields(inRules.json()))).toEqual(['escalate']);
    const escalated = latest(
      await propose(orpMember, fromSocialAid, 'ait', {
        ...ait,
        allowancePercent: 70,
        escalate: true,
        escalationReason: 'Employeur prêt à engager durablement, poste adapté à la santé.',
      }),
    );
    expect(escalated).toMatchObject({ status: 'escalated', pendingStep: 'commission' });
    // The Commission's decisions are recorded by the cantonal Bureau, not by a regional coordinator.
    const coord = await t.signIn('coord');
    expect((await decide(coord, escalated.id, escalated.version, 'approve')).statusCode).toBe(404);
    const bureau = await t.signIn('bureau.cantonal');
    expect((await inbox(bureau)).map((i) => i.step)).toEqual(['commission']);
    const decided = await decide(
      bureau,
      escalated.id,
      escalated.version,
      'approve',
      'Exception admise : insertion durable probable.',
    );
    expect(decided.json()).toMatchObject({
      status: 'approved',
      exception: true,
      decisions: [{ step: 'commission', reason: 'Exception admise : insertion durable probable.' }],
    });
  });

  it('a refused measure may be escalated once; a second refusal is final', async () => {
    const orpMember = await t.signIn('tandem.orp.a');
    const m = (
      await propose(orpMember, fromOrp, 'out_of_canton', {
        startOn: '2023-04-01',
        endOn: '2023-04-30',
        unitCostCents: 1800_00,
      })
    )
      .json()
      .measures.find((x: { kind: { code: string } }) => x.kind.code === 'out_of_canton');
    const refused = (
      await decide(await t.signIn('lmmt.1'), m.id, m.version, 'refuse', 'Une offre existe en Valais.')
    ).json();
    const escalate = (version: number) =>
      t.request(orpMember, {
        method: 'POST',
        url: `/api/situations/${fromOrp}/measures/${m.id}/escalate`,
        payload: { reason: 'La formation n’existe qu’à Lausanne.', version },
      });
    const answer = await escalate(refused.version);
    expect(answer.statusCode, answer.body).toBe(200);
    const escalated = answer.json().measures.find((x: { id: string }) => x.id === m.id);
    expect(escalated.status).toBe('escalated');
    const bureau = await t.signIn('bureau.cantonal');
    const final = (await decide(bureau, m.id, escalated.version, 'refuse', 'Refus confirmé.')).json();
    expect(final.status).toBe('refused');
    expect((await escalate(final.version)).statusCode).toBe(400);
  });
});

describe('the catalogue', () => {
  it('an administrator adds, reroutes and retires kinds; nobody else; a retired kind is not proposed', async () => {
    const admin = await t.signIn('admin');
    const body = {
      code: 'coaching_job',
      nameFr: 'Coaching à l’emploi (LIAS)',
      nameDe: 'Job-Coaching (GES)',
      regime: 'LIAS',
      delegated: false,
      costUnit: 'month',
    };
    expect(
      (await t.request(await t.signIn('tandem.orp.a'), { method: 'POST', url: '/api/measure-kinds', payload: body }))
        .statusCode,
    ).toBe(403);
    const lemc = await t.request(admin, {
      method: 'POST',
      url: '/api/measure-kinds',
      payload: { ...body, code: 'lemc_x', regime: 'LEMC', delegated: true },
    });
    expect(fields(lemc.json())).toEqual({
      delegated: 'Seules des mesures LACI peuvent relever de la compétence déléguée à l’ORP.',
    });
    const created = await t.request(admin, { method: 'POST', url: '/api/measure-kinds', payload: body });
    expect(created.statusCode).toBe(201);
    const kind = created.json();
    expect(
      fields((await t.request(admin, { method: 'POST', url: '/api/measure-kinds', payload: body })).json()),
    ).toEqual({ code: 'Ce code est déjà utilisé.' });
    const orpMember = await t.signIn('tandem.orp.a');
    expect((await measuresOf(orpMember, fromOrp)).json().kinds.map((k: { code: string }) => k.code)).toContain(
      'coaching_job',
    );
    const retired = await t.request(admin, {
      method: 'PUT',
      url: `/api/measure-kinds/${kind.id}`,
      payload: { ...body, active: false, version: kind.version },
    });
    expect(retired.json()).toMatchObject({ active: false, version: kind.version + 1 });
    expect(
      (
        await t.request(admin, {
          method: 'PUT',
          url: `/api/measure-kinds/${kind.id}`,
          payload: { ...body, active: true, version: kind.version },
        })
      ).statusCode,
    ).toBe(409);
    expect((await measuresOf(orpMember, fromOrp)).json().kinds.map((k: { code: string }) => k.code)).not.toContain(
      'coaching_job',
    );
    const stale = await t.request(orpMember, {
      method: 'POST',
      url: `/api/situations/${fromOrp}/measures`,
      payload: {
        kindId: kind.id,
        provider: 'X SA',
        goals: 'Objectifs.',
        startOn: '2023-02-01',
        endOn: '2023-02-28',
        unitCostCents: 1,
      },
    });
    expect(fields(stale.json())).toEqual({ kindId: 'Ce type de mesure n’existe pas ou n’est plus proposé.' });
    // The AIT keeps the regime its rules belong to.
    const aitKind = (await t.request(admin, { method: 'GET', url: '/api/measure-kinds' }))
      .json()
      .find((k: { code: string }) => k.code === 'ait');
    const moved = await t.request(admin, {
      method: 'PUT',
      url: `/api/measure-kinds/${aitKind.id}`,
      payload: {
        nameFr: aitKind.nameFr,
        nameDe: aitKind.nameDe,
        regime: 'LIAS',
        delegated: false,
        costUnit: 'month',
        active: true,
        version: aitKind.version,
      },
    });
    expect(Object.keys(fields(moved.json()))).toEqual(['regime']);
  });
});

describe('access', () => {
  it("another tandem, an outsider and a decider see no situation's measures (404); refusals are audited", async () => {
    for (const who of ['tandem.orp.b', 'outsider', 'sas']) {
      expect((await measuresOf(await t.signIn(who), fromSocialAid)).statusCode).toBe(404);
    }
    const other = await t.signIn('tandem.orp.b');
    const attempt = await propose(other, fromSocialAid, 'course_laci', { startOn: '2023-02-01', endOn: '2023-02-28' });
    expect(attempt.statusCode).toBe(404);
    expect(
      (await t.request(await t.signIn('pro'), { method: 'GET', url: '/api/inbox/measures' })).json().items,
    ).toEqual([]);
  });
});

describe("the communes' quarterly statements", () => {
  it('Sion, Q4 2022: the course until interrupted, the MIP by month, 70/30; the SAS and Sion read it', async () => {
    // A MIP stored before issue 11 ended on the same day six months later (03.04.2023): billed the same.
    await t.database.db.update(measures).set({ endOn: '2023-04-03' }).where(eq(measures.kindId, kindIds.mip!));
    const sas = await t.signIn('sas');
    const url = `/api/statements?communeId=${sion.id}&quarter=2022-Q4`;
    const s = (await t.request(sas, { method: 'GET', url })).json();
    // MIP: October, November, December at CHF 500 (1,050.00 canton + 450.00 commune).
    const mipCents = 1500_00;
    // Course: CHF 600 over 60 planned days, interrupted after 10.
    const courseCents = 100_00;
    expect(
      s.lines.map((l: { mip: boolean; days: number; months: number | null; cents: number }) => [
        l.mip,
        l.days,
        l.months,
        l.cents,
      ]),
    ).toEqual([
      [false, 10, null, courseCents],
      [true, 90, 3, mipCents],
    ]);
    expect(s.measures).toEqual({ cents: courseCents, cantonCents: 70_00, communeCents: 30_00 });
    expect(s.mip).toEqual({ cents: 1500_00, cantonCents: 1050_00, communeCents: 450_00 });
    expect(s.total).toEqual({
      cents: courseCents + mipCents,
      cantonCents: s.measures.cantonCents + s.mip.cantonCents,
      communeCents: s.measures.communeCents + s.mip.communeCents,
    });
    expect(s.lines[0].initials).toBe('V. R.');

    const communeSion = await t.signIn('commune.sion');
    expect((await t.request(communeSion, { method: 'GET', url })).statusCode).toBe(200);
    const choices = (await t.request(communeSion, { method: 'GET', url: '/api/statements/communes' })).json();
    expect(choices.communes.map((c: { name: string }) => c.name)).toEqual(['Sion']);
    expect(choices.canton).toBe(false);
    expect((await t.request(await t.signIn('commune.monthey'), { method: 'GET', url })).statusCode).toBe(404);
    expect((await t.request(await t.signIn('tandem.cms.a'), { method: 'GET', url })).statusCode).toBe(404);

    const csv = await t.request(sas, {
      method: 'GET',
      url: `/api/statements/csv?communeId=${sion.id}&quarter=2022-Q4`,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Sion;2022-Q4;CII-');
    expect(csv.body).toContain(';oui;2022-10-03;2022-12-31;90;3;1500.00;1050.00;450.00\r\n');
    expect(csv.body).toContain(`Sion;2022-Q4;Total;;;;;;;;${((courseCents + mipCents) / 100).toFixed(2)}`);
    const pdf = await t.request(sas, {
      method: 'GET',
      url: `/api/statements/pdf?communeId=${sion.id}&quarter=2022-Q4&lang=de`,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await t.request(sas, {
      method: 'GET',
      url: `/api/statements/xlsx?communeId=${sion.id}&quarter=2022-Q4&lang=de`,
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.rows[0]).toContain('Betrag CHF');
    expect(sheet.rows.at(-1)).toEqual([
      'Sion',
      '2022-Q4',
      'Total',
      ...Array(7).fill(null),
      (courseCents + mipCents) / 100,
      (s.total.cantonCents as number) / 100,
      (s.total.communeCents as number) / 100,
    ]);
    expect(sheet.numFmt(sheet.rows.length, 11)).toBe('#,##0.00');
    // Q1 2023: the MIP's last three months; the interrupted course no longer costs. Q2 2023: nothing of a 7th month.
    const q1 = (
      await t.request(sas, { method: 'GET', url: `/api/statements?communeId=${sion.id}&quarter=2023-Q1` })
    ).json();
    expect(q1.lines.map((l: { mip: boolean; months: number; cents: number }) => [l.mip, l.months, l.cents])).toEqual([
      [true, 3, 1500_00],
    ]);
    const q2 = (
      await t.request(sas, { method: 'GET', url: `/api/statements?communeId=${sion.id}&quarter=2023-Q2` })
    ).json();
    expect(q2.lines.filter((l: { mip: boolean }) => l.mip)).toEqual([]);
  });

  it('the picker offers every quarter with data, from the 2022 MIP to today, to the SAS and the commune', async () => {
    at('2026-11-30T08:00:00Z');
    const all = (await t.request(await t.signIn('sas'), { method: 'GET', url: '/api/statements/communes' })).json();
    expect(all.canton).toBe(true);
    expect(all.communes.map((c: { name: string }) => c.name)).toEqual(['Monthey', 'Sion']);
    expect(all.quarters[0]).toBe('2026-Q4');
    expect(all.quarters.at(-1)).toBe('2022-Q4');
    expect(all.quarters).toHaveLength(17);
    const sion = await t.request(await t.signIn('commune.sion'), { method: 'GET', url: '/api/statements/communes' });
    expect(sion.json().quarters.at(-1)).toBe('2022-Q4');
    // Monthey has no measure: only the current quarter.
    const monthey = await t.request(await t.signIn('commune.monthey'), {
      method: 'GET',
      url: '/api/statements/communes',
    });
    expect(monthey.json().quarters).toEqual(['2026-Q4']);
    const none = await t.request(await t.signIn('tandem.cms.a'), { method: 'GET', url: '/api/statements/communes' });
    expect(none.json()).toEqual({ communes: [], quarters: [], canton: false });
  });

  it("the SAS's canton view: every commune of the quarter, totals equal to the communes' statements", async () => {
    const sas = await t.signIn('sas');
    for (const quarter of ['2022-Q4', '2023-Q1', '2023-Q2']) {
      const canton = await t.request(sas, { method: 'GET', url: `/api/statements/canton?quarter=${quarter}` });
      expect(canton.statusCode).toBe(200);
      const c = canton.json();
      expect(c.rows.map((r: { commune: { name: string } }) => r.commune.name)).toEqual(['Monthey', 'Sion']);
      const sum = { cents: 0, cantonCents: 0, communeCents: 0 };
      for (const row of c.rows) {
        const own = (
          await t.request(sas, {
            method: 'GET',
            url: `/api/statements?communeId=${row.commune.id}&quarter=${quarter}`,
          })
        ).json();
        expect([row.commune.name, row.total, row.mip, row.measures]).toEqual([
          row.commune.name,
          own.total,
          own.mip,
          own.measures,
        ]);
        sum.cents += own.total.cents;
        sum.cantonCents += own.total.cantonCents;
        sum.communeCents += own.total.communeCents;
      }
      expect(c.total).toEqual(sum);
      expect(c.total.cantonCents + c.total.communeCents).toBe(c.total.cents);
    }
    const q4 = (await t.request(sas, { method: 'GET', url: '/api/statements/canton?quarter=2022-Q4' })).json();
    expect(q4.mip).toEqual({ cents: 1500_00, cantonCents: 1050_00, communeCents: 450_00 });

    // The exports, in the reader's language (the SAS user reads French; ?lang= chooses).
    const csv = await t.request(sas, { method: 'GET', url: '/api/statements/canton/csv?quarter=2022-Q4' });
    expect(csv.headers['content-disposition']).toContain('decomptes-canton-2022-Q4.csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFTrimestre;Commune;Lignes;Mesures CHF;MIP CHF;Montant CHF;Canton CHF;Commune CHF',
    );
    expect(csv.body).toContain('2022-Q4;Monthey;0;0.00;0.00;0.00;0.00;0.00\r\n');
    expect(csv.body).toContain(`2022-Q4;Total canton;2;100.00;1500.00;${(q4.total.cents / 100).toFixed(2)};`);
    const xlsx = await t.request(sas, { method: 'GET', url: '/api/statements/canton/xlsx?quarter=2022-Q4&lang=de' });
    expect(xlsx.headers['content-disposition']).toContain('abrechnungen-kanton-2022-Q4.xlsx');
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.rows[0]).toEqual([
      'Quartal',
      'Gemeinde',
      'Zeilen',
      'Massnahmen CHF',
      'MIP CHF',
      'Betrag CHF',
      'Kanton CHF',
      'Gemeinde CHF',
    ]);
    expect(sheet.rows.at(-1)).toEqual([
      '2022-Q4',
      'Total Kanton',
      2,
      100,
      1500,
      q4.total.cents / 100,
      q4.total.cantonCents / 100,
      q4.total.communeCents / 100,
    ]);
    expect(sheet.numFmt(2, 6)).toBe('#,##0.00');

    // The SAS only: a commune, a tandem member, the Bureau get 403, audited; the SAS's read is audited too.
    for (const who of ['commune.sion', 'tandem.cms.a', 'bureau.cantonal']) {
      const r = await t.request(await t.signIn(who), { method: 'GET', url: '/api/statements/canton?quarter=2022-Q4' });
      expect([who, r.statusCode]).toEqual([who, 403]);
      const x = await t.request(await t.signIn(who), {
        method: 'GET',
        url: '/api/statements/canton/xlsx?quarter=2022-Q4',
      });
      expect([who, x.statusCode]).toEqual([who, 403]);
    }
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'statement.canton_read'));
    expect(audit.filter((r) => r.recordType === 'canton_statement' && !r.allowed).length).toBe(6);
    expect(audit.some((r) => r.recordType === 'canton_statement' && r.allowed)).toBe(true);
    // One row per person on the statements behind it.
    expect(audit.some((r) => r.recordType === 'measure' && r.subjectPersonId !== null)).toBe(true);
    expect((await t.request(sas, { method: 'GET', url: '/api/statements/canton?quarter=2022-Q5' })).statusCode).toBe(
      400,
    );
  });
});

/** The first worksheet of a workbook: its values row by row (1-based cells dropped), and a cell's number format. */
async function readSheet(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = book.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === undefined || v === '' ? null : v)));
  });
  return { rows, numFmt: (row: number, col: number) => ws.getRow(row).getCell(col).numFmt };
}
