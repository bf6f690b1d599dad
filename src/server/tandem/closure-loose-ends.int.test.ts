import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCommune, insertInstitution, insertUser } from '../../db/seed/factories.ts';
import { auditLog, mandates, measureKinds, measures, users, notifications, outboxMessages } from '../../db/schema.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { getSituation } from '../../test/situation-fixtures.ts';
import { assign, createTandem, orientedToTandem, tandemMembers } from '../../test/tandem-fixtures.ts';

/**
 * Issue 11, on PGlite and on PostgreSQL: a closure lists what is open and refuses to leave it open; the waiting
 * measures are withdrawn and their deciders told in their language; a month not reported is skipped with its reason;
 * a closed file's measure is not decided; a monthly report goes only as the user sees it; its draft takes the month's
 * measures and the objectives.
 */
let t: TestApp;
let situationId: string;
let number: string;
let course: { id: string; nameFr: string };
let sasUser: { id: string };
let sasDe: { id: string };
let communeUser: { id: string };
const at = (iso: string) => {
  t.clock.now = new Date(iso);
};
// Sessions expire as the clock moves: each call signs in at the clock's time (once per user and time).
const sessions = new Map<string, string>();
const as = async (username: string) => {
  const key = `${username}@${t.clock.now.toISOString()}`;
  if (!sessions.has(key)) sessions.set(key, await t.signIn(username));
  return sessions.get(key) as string;
};
const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.request(await as(user), {
    method,
    url: url.startsWith('/api') ? url : `/api/situations/${situationId}${url}`,
    payload,
  });
const file = async (who: string) => (await call(who, 'GET', '/tandem')).json();
const measuresFile = async (who: string) => (await call(who, 'GET', '/measures')).json();
const decide = (who: string, id: string, version: number) =>
  call(who, 'POST', `/api/measures/${id}/decision`, { decision: 'approve', reason: '', version });
const waitingMeasure = async (who: string, id: string) =>
  (await measuresFile(who)).measures.find((m: { id: string }) => m.id === id) as { id: string; version: number };
const proposeCourse = async (who: string, startOn: string, endOn: string) => {
  const r = await call(who, 'POST', '/measures', {
    kindId: course.id,
    provider: 'École-club, Sion',
    goals: 'Français professionnel.',
    unitCostCents: 980_00,
    quantity: 1,
    startOn,
    endOn,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().measures.at(-1) as { id: string; version: number; status: string; route: string[] };
};

beforeAll(async () => {
  t = await createTestApp();
  at('2026-02-02T08:00:00Z');
  const db = t.database.db;
  const sion = await insertCommune(db, { name: 'Sion', language: 'fr', regionId: t.world.region.id });
  const sas = await insertInstitution(db, { kind: 'sas', nameFr: 'SAS', nameDe: 'DSW' });
  const communeSion = await insertInstitution(db, {
    kind: 'commune',
    nameFr: 'Commune de Sion',
    nameDe: 'Gemeinde Sitten',
    communeId: sion.id,
  });
  sasUser = await insertUser(db, { username: 'sas', institutionId: sas.id, roles: ['sas_reviewer'] });
  sasDe = await insertUser(db, { username: 'sas.de', institutionId: sas.id, roles: ['sas_reviewer'], language: 'de' });
  communeUser = await insertUser(db, {
    username: 'commune.sion',
    institutionId: communeSion.id,
    roles: ['commune_approver'],
  });
  const [kind] = await db.select().from(measureKinds).where(eq(measureKinds.code, 'language_course_lias'));
  course = { id: kind!.id, nameFr: kind!.nameFr };
  const a = await tandemMembers(t, 'a');
  const [coord, social] = [await t.signIn('coord'), await t.signIn('social')];
  const { cms, bureau } = t.world;
  const tandem = await createTandem(t, coord, a.orpUser.id, a.cmsUser.id);
  situationId = await orientedToTandem(t, social, coord, [cms.id, bureau.id, a.orp.id, a.cms.id, communeSion.id], {
    communeId: sion.id,
    navs13: '',
    officialName: 'Rey',
    firstNames: 'Virginie',
    birthDate: '1997-03-02',
  });
  expect((await assign(t, coord, situationId, tandem, '2026-02-02')).statusCode).toBe(200);
  number = (await getSituation(t, coord, situationId)).json().number;
});
afterAll(() => t.close());

describe('the monthly report (issue 11)', () => {
  it('drafts from the month’s next steps, measures and objectives, with Swiss dates', async () => {
    const orp = 'tandem.orp.a';
    at('2026-03-05T09:00:00Z');
    const m = await proposeCourse(orp, '2026-03-16', '2026-05-29');
    expect(m).toMatchObject({ status: 'proposed', route: ['sas', 'commune'] });
    at('2026-03-06T09:00:00Z');
    expect((await decide('sas', m.id, m.version)).statusCode).toBe(200);
    at('2026-03-09T09:00:00Z');
    const afterSas = await waitingMeasure(orp, m.id);
    expect((await decide('commune.sion', m.id, afterSas.version)).statusCode).toBe(200);
    at('2026-03-16T09:00:00Z');
    const approved = await waitingMeasure(orp, m.id);
    const started = await call(orp, 'POST', `/measures/${m.id}/run`, {
      action: 'start',
      on: '2026-03-16',
      reason: '',
      version: approved.version,
    });
    expect(started.statusCode, started.body).toBe(200);
    await call(orp, 'POST', '/meetings', {
      heldOn: '2026-03-10',
      kind: 'with_person',
      personPresent: true,
      nextSteps: 'Inscription au cours.',
    });
    await call(orp, 'POST', '/objectives', {
      title: 'Trouver un stage',
      status: 'in_progress',
      startOn: '2026-03-01',
      targetOn: '2026-05-29',
    });
    at('2026-04-02T09:00:00Z');
    const drafted = (await call(orp, 'POST', '/monthly-reports', { month: '2026-03' }))
      .json()
      .monthlyReports.find((r: { month: string }) => r.month === '2026-03');
    expect(drafted.significantElements).toBe(
      [
        'Entretiens :',
        '- 10.03.2026 : Inscription au cours.',
        '',
        'Mesures :',
        `- 05.03.2026 : ${course.nameFr} — proposée`,
        `- 06.03.2026 : ${course.nameFr} — approuvée (préavis du SAS)`,
        `- 09.03.2026 : ${course.nameFr} — approuvée (commune de domicile)`,
        `- 16.03.2026 : ${course.nameFr} — commencée`,
        '',
        'Objectifs :',
        '- Trouver un stage (en cours, échéance 29.05.2026)',
      ].join('\n'),
    );
  });

  it('is sent only as the user sees it: a text not saved, or an older version, sends nothing', async () => {
    const orp = 'tandem.orp.a';
    const march = (await file(orp)).monthlyReports.find((r: { month: string }) => r.month === '2026-03');
    const saved = (
      await call(orp, 'PUT', `/monthly-reports/${march.id}`, {
        significantElements: 'Cours commencé.',
        version: march.version,
      })
    )
      .json()
      .monthlyReports.find((r: { month: string }) => r.month === '2026-03');
    // The screen shows a text whose save failed: refused, nothing queued.
    const unsaved = await call(orp, 'POST', `/monthly-reports/${march.id}/send`, {
      significantElements: 'Cours commencé, stage trouvé.',
      version: saved.version,
    });
    expect(unsaved.statusCode).toBe(409);
    expect(unsaved.json().error.message).toBe(
      'Le rapport enregistré n’est pas celui affiché (non enregistré ou modifié entre-temps) : rien n’a été envoyé. ' +
        'Rechargez la page et vérifiez le texte.',
    );
    // The text read before someone else's save: refused too.
    const stale = await call(orp, 'POST', `/monthly-reports/${march.id}/send`, {
      significantElements: 'Cours commencé.',
      version: march.version,
    });
    expect(stale.statusCode).toBe(409);
    const queued = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.situationId, situationId));
    expect(queued).toEqual([]);
    const sent = await call(orp, 'POST', `/monthly-reports/${march.id}/send`, {
      significantElements: 'Cours commencé.',
      version: saved.version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const [mail] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.situationId, situationId));
    expect(mail!.textBody).toContain('Cours commencé.');
  });
});

describe('closing with loose ends (issue 11)', () => {
  let waiting: { id: string; version: number };
  let approved: { id: string; version: number };
  it('lists what is open and refuses a closure that leaves it open, with a translated 409', async () => {
    const orp = 'tandem.orp.a';
    at('2026-05-04T09:00:00Z');
    waiting = await proposeCourse(orp, '2026-06-01', '2026-07-31');
    at('2026-06-15T09:00:00Z');
    // Zero-width spaces are no text (issue 11): the bilan final and a monthly report are refused, nothing changed.
    const blank = '\u200b\u200b\u200b';
    const sections = { workDone: 'a', obstacles: 'b', strengths: 'c', stepsTaken: 'd', stepsToTake: 'e' };
    const empty = (await call(orp, 'PUT', '/final-report', { ...sections, workDone: blank, version: null })).json()
      .finalReport;
    const notFinal = await call(orp, 'POST', '/final-report/finalise', { language: 'fr', version: empty.version });
    expect(notFinal.statusCode).toBe(400);
    expect(notFinal.json().error.fields).toEqual([{ path: 'workDone', message: 'Ce champ est obligatoire.' }]);
    const report = (await call(orp, 'PUT', '/final-report', { ...sections, version: empty.version })).json()
      .finalReport;
    const may = (await call(orp, 'POST', '/monthly-reports', { month: '2026-05' }))
      .json()
      .monthlyReports.find((r: { month: string }) => r.month === '2026-05');
    const mayBlank = (
      await call(orp, 'PUT', `/monthly-reports/${may.id}`, { significantElements: blank, version: may.version })
    )
      .json()
      .monthlyReports.find((r: { month: string }) => r.month === '2026-05');
    const blankSent = await call(orp, 'POST', `/monthly-reports/${may.id}/send`, {
      significantElements: blank,
      version: mayBlank.version,
    });
    expect(blankSent.statusCode).toBe(400);
    expect(blankSent.json().error.fields).toEqual([
      { path: 'significantElements', message: 'Écrivez les éléments significatifs du mois avant d’envoyer.' },
    ]);
    // A report id of another file under this situation: 404, audited.
    const other = '00000000-0000-4000-8000-0000000000fe';
    const r = await call(orp, 'PUT', `/monthly-reports/${other}`, { significantElements: 'x', version: 1 });
    expect(r.statusCode).toBe(404);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, other), eq(auditLog.allowed, false)));
    expect(audited).toHaveLength(1);
    // An approved measure that starts after the closure: listed, to be withdrawn like the waiting ones.
    approved = await proposeCourse(orp, '2026-07-06', '2026-08-28');
    expect((await decide('sas', approved.id, approved.version)).statusCode).toBe(200);
    expect(
      (await decide('commune.sion', approved.id, (await waitingMeasure(orp, approved.id)).version)).statusCode,
    ).toBe(200);
    expect(await waitingMeasure(orp, approved.id)).toMatchObject({ status: 'approved' });
    expect(
      (await call(orp, 'POST', '/final-report/finalise', { language: 'fr', version: report.version })).statusCode,
    ).toBe(200);
    const preview = await call(orp, 'GET', '/mandate/closure-preview?outcomeOn=2026-06-12');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      waitingMeasures: [
        {
          id: waiting.id,
          nameFr: course.nameFr,
          nameDe: 'Sprachkurs (GES)',
          startOn: '2026-06-01',
          pendingStep: 'sas',
          status: 'proposed',
        },
        {
          id: approved.id,
          nameFr: course.nameFr,
          nameDe: 'Sprachkurs (GES)',
          startOn: '2026-07-06',
          pendingStep: null,
          status: 'approved',
        },
      ],
      unsentReports: [
        { month: '2026-02', status: 'none' },
        { month: '2026-04', status: 'none' },
        { month: '2026-05', status: 'draft' },
        { month: '2026-06', status: 'none' },
      ],
    });
    // Another tandem does not even learn that the file exists.
    expect((await call('commune.sion', 'GET', '/mandate/closure-preview')).statusCode).toBe(404);

    const m = (await file(orp)).mandate;
    const base = { outcome: 'social_aid_only', outcomeOn: '2026-06-12', insertion: null, version: m.version };
    const refused = await call(orp, 'POST', '/mandate/close', base);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'La clôture laisse des points ouverts : 2 mesures en attente de décision ou approuvées non commencées ; ' +
        'rapports non envoyés : ' +
        'février 2026, avril 2026, mai 2026, juin 2026. Retirez les mesures en attente, et envoyez ou sautez ' +
        'chaque rapport avec un motif.',
    );
    const cms = 'tandem.cms.a';
    const partly = await call(cms, 'POST', '/mandate/close', {
      ...base,
      withdrawMeasureIds: [waiting.id, approved.id],
      withdrawReason: 'Mandat terminé.',
      skipReports: [{ month: '2026-02', reason: 'Premier mois, point fait oralement.' }],
    });
    expect(partly.statusCode).toBe(409);
    // Only what is left: no measures part when none is left (no "0", no "—").
    expect(partly.json().error.message).toBe(
      'Der Abschluss lässt Punkte offen: nicht versandte Berichte: April 2026, Mai 2026, Juni 2026. Ziehen Sie die ' +
        'hängigen Massnahmen zurück und versenden oder überspringen Sie jeden Bericht mit einer Begründung.',
    );
    const onlyMeasures = await call(orp, 'POST', '/mandate/close', {
      ...base,
      withdrawMeasureIds: [],
      skipReports: ['2026-02', '2026-04', '2026-05', '2026-06'].map((month) => ({ month, reason: 'Réseau mensuel.' })),
    });
    expect(onlyMeasures.statusCode).toBe(409);
    expect(onlyMeasures.json().error.message).toBe(
      'La clôture laisse des points ouverts : 2 mesures en attente de décision ou approuvées non commencées. ' +
        'Retirez les mesures en attente, et envoyez ou sautez chaque rapport avec un motif.',
    );
    const noReason = await call(orp, 'POST', '/mandate/close', {
      ...base,
      withdrawMeasureIds: [waiting.id],
      withdrawReason: ' ',
      skipReports: [{ month: '2026-02', reason: '' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([
      { path: 'withdrawReason', message: 'Indiquez pourquoi les mesures en attente sont retirées.' },
      { path: 'skipReports.0.reason', message: 'Indiquez pourquoi ce rapport mensuel n’est pas envoyé.' },
    ]);
    // Zero-width spaces are no reason.
    const invisible = await call(orp, 'POST', '/mandate/close', {
      ...base,
      withdrawMeasureIds: [waiting.id],
      withdrawReason: blank,
      skipReports: [{ month: '2026-02', reason: blank }],
    });
    expect(invisible.statusCode).toBe(400);
    expect(invisible.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'withdrawReason',
      'skipReports.0.reason',
    ]);
    // What the settlement names must be this mandate's, each once: a translated 400 on the field, not a 409.
    const reason = 'Mandat terminé.';
    const targets = await call(orp, 'POST', '/mandate/close', {
      ...base,
      withdrawMeasureIds: [waiting.id, '00000000-0000-4000-8000-0000000000ff', waiting.id],
      withdrawReason: reason,
      skipReports: [
        { month: '2026-02', reason },
        { month: '2026-02', reason },
        { month: '2026-01', reason },
        { month: '2026-03', reason },
      ],
    });
    expect(targets.statusCode).toBe(400);
    expect(targets.json().error.fields).toEqual([
      { path: 'withdrawMeasureIds.1', message: 'Cette mesure n’est pas une mesure en attente de ce mandat.' },
      { path: 'withdrawMeasureIds.2', message: 'Cette mesure est indiquée deux fois.' },
      { path: 'skipReports.1.month', message: 'Ce mois est indiqué deux fois.' },
      {
        path: 'skipReports.2.month',
        message: 'Ce mois n’est pas un rapport à envoyer de ce mandat (hors du mandat, déjà envoyé ou sauté).',
      },
      {
        path: 'skipReports.3.month',
        message: 'Ce mois n’est pas un rapport à envoyer de ce mandat (hors du mandat, déjà envoyé ou sauté).',
      },
    ]);
    // Nothing changed.
    expect((await getSituation(t, await as('tandem.orp.a'), situationId)).json().status).toBe('tandem');
    expect((await waitingMeasure(orp, waiting.id)).version).toBe(waiting.version);
    expect(await waitingMeasure(orp, approved.id)).toMatchObject({ status: 'approved' });
  });

  it('withdraws the waiting measures, tells their deciders in their language, records the months skipped', async () => {
    const orp = 'tandem.orp.a';
    const m = (await file(orp)).mandate;
    const skipReports = ['2026-02', '2026-04', '2026-05', '2026-06'].map((month) => ({
      month,
      reason: `Pas de rapport pour ${month} : réseau mensuel.`,
    }));
    const closed = await call(orp, 'POST', '/mandate/close', {
      outcome: 'social_aid_only',
      outcomeOn: '2026-06-12',
      insertion: null,
      withdrawMeasureIds: [waiting.id, approved.id],
      withdrawReason: 'Le mandat est clôturé, la personne est suivie par l’aide sociale.',
      skipReports,
      version: m.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const reports = closed.json().monthlyReports as { month: string; status: string; skipReason: string | null }[];
    expect(reports.find((r) => r.month === '2026-04')).toMatchObject({
      status: 'skipped',
      skipReason: 'Pas de rapport pour 2026-04 : réseau mensuel.',
    });
    expect(reports.find((r) => r.month === '2026-03')).toMatchObject({ status: 'sent', skipReason: null });
    const withdrawn = await waitingMeasure(orp, waiting.id);
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      pendingStep: null,
      endReason: 'Le mandat est clôturé, la personne est suivie par l’aide sociale.',
    });
    const db = t.database.db;
    const told = await db.select().from(notifications).where(eq(notifications.kind, 'measure_withdrawn'));
    expect(told.map((n) => n.userId).sort()).toEqual([sasUser.id, sasDe.id].sort());
    expect(told.map((n) => n.userId)).not.toContain(communeUser.id);
    // The notice says which measure and why: the decider reads no file to find out.
    expect(told[0]!.details).toMatchObject({
      nameDe: 'Sprachkurs (GES)',
      reason: 'Le mandat est clôturé, la personne est suivie par l’aide sociale.',
    });
    const mails = (
      await db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.situationId, situationId), eq(outboxMessages.language, 'de')))
    ).filter((o) => o.subject.startsWith('Massnahme'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Massnahme zurückgezogen — ${number}`);
    expect(mails[0]!.textBody).toContain('«Sprachkurs (GES)» (ab 01.06.2026)');
    expect(mails[0]!.textBody).toContain('Grund: Le mandat est clôturé');
    expect(mails[0]!.textBody).not.toContain('Rey');
    const fr = await db
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.situationId, situationId), eq(outboxMessages.subject, `Mesure retirée — ${number}`)),
      );
    expect(fr).toHaveLength(1);
    // The decider no longer finds it to decide.
    const sas = 'sas';
    expect((await call(sas, 'GET', '/api/inbox/measures')).json().items).toEqual([]);
    expect((await getSituation(t, await as('tandem.orp.a'), situationId)).json().status).toBe('closed');
    expect(await waitingMeasure(orp, approved.id)).toMatchObject({ status: 'withdrawn' });
  });

  it('tells the other member racing the closure that it is already closed (409, not 404)', async () => {
    const cms = 'tandem.cms.a';
    const late = await call(cms, 'POST', '/mandate/close', {
      outcome: 'social_aid_only',
      outcomeOn: '2026-06-12',
      insertion: null,
      version: (await file(cms)).mandate.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      'Dieses Mandat wurde inzwischen bereits abgeschlossen. Laden Sie die Seite neu.',
    );
    // An outsider still learns nothing.
    expect(
      (
        await call('commune.sion', 'POST', '/mandate/close', {
          outcome: 'social_aid_only',
          outcomeOn: '2026-06-12',
          insertion: null,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('answers a decider racing the closure 409 (withdrawn), anyone else 404, the refusals audited', async () => {
    const withdrawn = await waitingMeasure('tandem.orp.a', waiting.id);
    const late = await decide('sas', waiting.id, withdrawn.version);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Le mandat de cette mesure est clôturé : elle ne peut plus être décidée.');
    // The commune's step came after the SAS's: it never waited for the commune, which learns nothing.
    expect((await decide('commune.sion', waiting.id, withdrawn.version)).statusCode).toBe(404);
    const refused = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'measure.decide'), eq(auditLog.recordId, waiting.id), eq(auditLog.allowed, false)),
      );
    expect(refused).toHaveLength(2);
  });

  it('does not start an approved measure on a closed file (409); a running one goes on', async () => {
    const db = t.database.db;
    // An approved measure left by a closure made before these rules.
    await db.update(measures).set({ status: 'approved' }).where(eq(measures.id, approved.id));
    // Whoever holds the file after the closure records how its measures end.
    const [mandate] = await db.select().from(mandates).where(eq(mandates.situationId, situationId));
    const [user] = await db.select().from(users).where(eq(users.id, mandate!.holderUserId));
    const holder = user!.username;
    const m = await waitingMeasure(holder, approved.id);
    const start = await call(holder, 'POST', `/measures/${approved.id}/run`, {
      action: 'start',
      on: '2026-06-15',
      reason: '',
      version: m.version,
    });
    expect(start.statusCode).toBe(409);
    expect(start.json().error.message).toBe(
      user!.language === 'de'
        ? 'Das Mandat ist abgeschlossen: Eine bewilligte Massnahme kann nicht mehr beginnen.'
        : 'Le mandat est clôturé : une mesure approuvée ne peut plus commencer.',
    );
    expect(await waitingMeasure(holder, approved.id)).toMatchObject({ status: 'approved', version: m.version });
    const running = (await measuresFile(holder)).measures.find((x: { status: string }) => x.status === 'running');
    const done = await call(holder, 'POST', `/measures/${running.id}/run`, {
      action: 'complete',
      on: '2026-06-15',
      reason: '',
      version: running.version,
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('refuses a decision on a closed file’s measure, with a message that says why', async () => {
    // A measure left waiting by a closure made before these rules: still refused.
    const db = t.database.db;
    await db.update(measures).set({ status: 'proposed' }).where(eq(measures.id, waiting.id));
    const [row] = await db.select().from(measures).where(eq(measures.id, waiting.id));
    const r = await decide('sas.de', waiting.id, row!.version);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe(
      'Das Mandat dieser Massnahme ist abgeschlossen: Sie kann nicht mehr entschieden werden.',
    );
    const [after] = await db.select().from(measures).where(eq(measures.id, waiting.id));
    expect(after!.status).toBe('proposed');
  });
});
