import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInstitution, insertUser } from '../../db/seed/factories.ts';
import { auditLog } from '../../db/schema.ts';
import { assessmentCall, assessmentCast, orientedToAssessment } from '../../test/assessment-fixtures.ts';
import { type TestApp, createTestApp } from '../../test/int-harness.ts';
import { allCriteria, createDraft, createPerson, getSituation, recordConsent } from '../../test/situation-fixtures.ts';
import { createTandem, tandemMembers } from '../../test/tandem-fixtures.ts';

/**
 * Issue 13, on PGlite and on PostgreSQL: the 2012 tandem figures of seed 004 §6 rebuilt from situations scripted
 * through the use cases with the clock in 2012 — 26 tandems, 24 in Sion and 2 in Monthey; 13 insertions, 2 lack of
 * cooperation, 3 unavailable, 1 social aid, 7 open; 50 % of all, 68 % of the closed ones — and situations of 2013
 * that do not count in 2012. The MAMAC assessments (22 organised, 4 waiting, 6 closed = 3 + 2 + 1), the round tables
 * (12 held, 3 in preparation; 3 jobs, 4 network follow-ups, 1 ORP, 4 pending) and the refusals that make the 97
 * announcements of 2012 (over two thirds taken into care) go through their use cases too, in November and December.
 * Who reads them: the statistics reader (aggregates only), a coordinator (their region and the canton), nobody else.
 */
let t: TestApp;
const at = (iso: string) => {
  t.clock.now = new Date(iso);
};
const sessions = new Map<string, string>();
const as = async (username: string) => {
  const key = `${username}@${t.clock.now.toISOString()}`;
  if (!sessions.has(key)) sessions.set(key, await t.signIn(username));
  return sessions.get(key) as string;
};
const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.request(await as(user), { method, url, payload });
const ok = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const r = await call(user, method, url, payload);
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  return r.json();
};
let seq = 0;
let smrId = '';

interface Tandem {
  id: string;
  orp: string;
  institutionIds: string[];
}

/** Announced by `pro`, taken up and oriented to a tandem by the region's coordinator, assigned on `startOn`. */
async function tandemSituation(regionId: string, coord: string, tandem: Tandem, startOn: string) {
  seq++;
  const pro = await as('pro');
  const personId = await createPerson(t, pro, {
    navs13: '',
    officialName: `Figure${seq}`,
    firstNames: 'Alex',
    birthDate: birthOf(seq),
  });
  const id = await createDraft(t, pro, { personId, regionId });
  await recordConsent(t, pro, id, [t.world.orp.id, t.world.bureau.id, t.world.cms.id, ...tandem.institutionIds]);
  const version = async (who = coord) => (await getSituation(t, await as(who), id)).json().version as number;
  await ok('pro', 'POST', `/api/situations/${id}/announce`, { version: await version('pro') });
  await ok(coord, 'POST', `/api/situations/${id}/take-up`, { version: await version() });
  await ok(coord, 'POST', `/api/situations/${id}/decision`, {
    decision: 'orient',
    careKind: 'tandem',
    reason: 'Cumul de facteurs, potentiel réel.',
    eligibility: allCriteria(),
    version: await version(),
  });
  await ok(coord, 'POST', `/api/situations/${id}/mandate`, {
    tandemId: tandem.id,
    startOn,
    confirmOverCapacity: true,
    version: await version(),
  });
  return id;
}

/** The tandem writes its final report and closes with `outcome` on `outcomeOn` (the clock that day). */
async function close(id: string, tandem: Tandem, outcome: string, outcomeOn: string) {
  at(`${outcomeOn}T15:00:00Z`);
  const file = await ok(tandem.orp, 'PUT', `/api/situations/${id}/final-report`, {
    workDone: 'Entretiens.',
    obstacles: 'Santé.',
    strengths: 'Motivation.',
    stepsTaken: 'Candidatures.',
    stepsToTake: 'Suivi.',
    version: null,
  });
  await ok(tandem.orp, 'POST', `/api/situations/${id}/final-report/finalise`, {
    language: 'fr',
    version: file.finalReport.version,
  });
  const preview = await ok(tandem.orp, 'GET', `/api/situations/${id}/mandate/closure-preview?outcomeOn=${outcomeOn}`);
  const mandate = (await ok(tandem.orp, 'GET', `/api/situations/${id}/tandem`)).mandate;
  await ok(tandem.orp, 'POST', `/api/situations/${id}/mandate/close`, {
    outcome,
    outcomeOn,
    insertion:
      outcome === 'inserted'
        ? { employer: 'Entreprise SA', startOn: outcomeOn, contractType: 'permanent', ratePercent: 100 }
        : null,
    withdrawMeasureIds: [],
    withdrawReason: '',
    skipReports: preview.unsentReports.map((r: { month: string }) => ({ month: r.month, reason: 'Oralement.' })),
    version: mandate.version,
  });
}

/** A birth date of its own for each scripted person (never taken for the same person twice). */
const birthOf = (n: number) => new Date(Date.UTC(1950, 0, 1) + n * 97 * 86_400_000).toISOString().slice(0, 10);
const versionOf = async (who: string, id: string) => (await getSituation(t, await as(who), id)).json().version;
const step = async (who: string, id: string, path: string, payload: object = {}) =>
  ok(who, 'POST', `/api/situations/${id}/${path}`, { ...payload, version: await versionOf(who, id) });

/** Announced by `pro` in Sion (the procuration naming the ORP, the Bureau and the CMS), taken up by its coordinator. */
async function takenUp() {
  seq++;
  const pro = await as('pro');
  const personId = await createPerson(t, pro, {
    navs13: '',
    officialName: `Figure${seq}`,
    firstNames: 'Alex',
    birthDate: birthOf(seq),
  });
  const id = await createDraft(t, pro, { personId });
  await recordConsent(t, pro, id, [t.world.orp.id, t.world.bureau.id, t.world.cms.id]);
  await step('pro', id, 'announce');
  await step('coord', id, 'take-up');
  return id;
}

/**
 * The MAMAC assessments of 2012 (seed 004 §6): 22 organised, 4 waiting to be organised; 6 closed — 3 insertions,
 * 2 followed by social aid, 1 by the AI. Oriented by the coordinator, organised, convened, held and closed.
 */
async function assessments(n: number, organised: number, outcomes: string[], day: string) {
  at(`${day}T08:00:00Z`);
  const w = t.world;
  for (let i = 0; i < n; i++) {
    const coord = await as('coord');
    const { id } = await orientedToAssessment(
      t,
      await as('pro'),
      coord,
      [w.orp.id, w.bureau.id, w.cms.id, w.oai.id],
      ['identity', 'social_situation', 'employment', 'measures', 'health'],
    );
    if (i >= organised) continue;
    let a = await assessmentCall(t, coord, id, 'GET', '');
    a = await assessmentCall(t, coord, id, 'POST', '/organise', {
      responsibleUserId: w.users.coordinator.id,
      participants: [
        { userId: w.users.correspondent.id, role: 'correspondent' },
        { userId: w.users.pro.id, role: 'announcer' },
        { userId: smrId, role: 'smr_doctor' },
      ],
      person: null,
      version: a.version,
    });
    a = await assessmentCall(t, coord, id, 'POST', '/schedule', {
      startOn: day,
      startTime: '14:00',
      place: 'Sion, Bureau CII',
      version: a.version,
    });
    const outcome = outcomes[i];
    if (!outcome) continue;
    a = await assessmentCall(t, coord, id, 'POST', '/hold', { social: 'Dettes, deux enfants.', version: a.version });
    await assessmentCall(t, coord, id, 'POST', '/close', { outcome, reason: 'Selon le contrat.', version: a.version });
  }
}

/**
 * The round tables of 2012 (seed 004 §6): 12 held — 3 found work, 4 network follow-ups, 1 followed by the ORP,
 * 4 pending — and 3 in preparation. Oriented, convened with three institutions, held, concluded.
 */
async function roundTables(outcomes: string[], inPreparation: number, day: string, heldOn: string) {
  at(`${day}T08:00:00Z`);
  const ids: string[] = [];
  for (let i = 0; i < outcomes.length + inPreparation; i++) {
    const id = await takenUp();
    await step('coord', id, 'decision', { decision: 'orient', careKind: 'round_table', reason: 'Avis du réseau.' });
    ids.push(id);
  }
  const url = (id: string, path = '') => `/api/situations/${id}/round-table${path ? `/${path}` : ''}`;
  const w = t.world;
  for (const id of ids.slice(0, outcomes.length)) {
    let rt = (await ok('coord', 'GET', url(id))).roundTable;
    rt = (
      await ok('coord', 'PUT', url(id, 'participants'), {
        userIds: [w.users.outsider.id, w.users.social.id, w.users.correspondent.id],
        version: rt.version,
      })
    ).roundTable;
    await ok('coord', 'POST', url(id, 'schedule'), {
      meetingOn: heldOn,
      meetingTime: '09:30',
      durationMinutes: 90,
      place: 'Sion, Bureau CII',
      version: rt.version,
    });
  }
  at(`${heldOn}T14:00:00Z`);
  for (const [i, outcome] of outcomes.entries()) {
    const id = ids[i] as string;
    let rt = (await ok('coord', 'GET', url(id))).roundTable;
    rt = (
      await ok('coord', 'POST', url(id, 'hold'), {
        minutes: 'Le réseau a clarifié la situation et les pistes possibles.',
        version: rt.version,
      })
    ).roundTable;
    await ok('coord', 'POST', url(id, 'conclude'), {
      outcome,
      reason: 'Décidé ensemble.',
      institutionId: outcome === 'followed_by_institution' ? w.orp.id : null,
      version: rt.version,
    });
  }
}

/** Announcements the Bureau refused, with its suggestions (seed 004 §6), and some still waiting for its decision. */
async function refusals(refused: number, waiting: number, day: string) {
  at(`${day}T08:00:00Z`);
  for (let i = 0; i < refused + waiting; i++) {
    const id = await takenUp();
    if (i >= refused) continue;
    // The institutions suggested: the ORP of Sion; or a CMS and an OAI with a note; or a note only (as before).
    const suggestedInstitutions = [
      [{ kind: 'orp', institutionId: t.world.orp.id }],
      [
        { kind: 'cms', institutionId: null },
        { kind: 'oai', institutionId: null },
      ],
      [],
    ][i % 3];
    await step('coord', id, 'decision', {
      decision: 'refuse',
      reason: 'Pas de cumul de facteurs de risque.',
      suggestedInstitutions,
      suggestions: i % 3 === 0 ? '' : 'Suivi ordinaire par l’ORP.',
    });
  }
}

const figures = async (who: string, query: string) => call(who, 'GET', `/api/figures?${query}`);
const key = (f: { keyFigures: { key: string; value: number | null }[] }, k: string) =>
  f.keyFigures.find((x) => x.key === k)?.value;
const tableOf = (f: { tables: { key: string }[] }, k: string) =>
  f.tables.find((x) => x.key === k) as unknown as {
    rows: { key: string }[];
    columns: { key: string }[];
    cells: (number | null)[][];
    rowTotals: (number | null)[];
    columnTotals: (number | null)[];
    total: number | null;
  };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const { bureau, region, otherRegion } = t.world;
  await insertUser(db, { username: 'copil.stats', institutionId: bureau.id, roles: ['statistics_reader'] });
  at('2012-01-09T08:00:00Z');
  const sionMembers = await tandemMembers(t, 'sion');
  const orpMonthey = await insertInstitution(db, {
    kind: 'orp',
    nameFr: 'ORP Monthey',
    nameDe: 'RAV Monthey',
    regionId: otherRegion.id,
  });
  const cmsMonthey = await insertInstitution(db, {
    kind: 'cms',
    nameFr: 'CMS Monthey',
    nameDe: 'SMZ Monthey',
    regionId: otherRegion.id,
  });
  const mOrp = await insertUser(db, {
    username: 'tandem.orp.monthey',
    institutionId: orpMonthey.id,
    regionId: otherRegion.id,
    roles: ['tandem_member'],
  });
  const mCms = await insertUser(db, {
    username: 'tandem.cms.monthey',
    institutionId: cmsMonthey.id,
    regionId: otherRegion.id,
    roles: ['tandem_member'],
  });
  const sion: Tandem = {
    id: await createTandem(t, await as('coord'), sionMembers.orpUser.id, sionMembers.cmsUser.id, 30),
    orp: 'tandem.orp.sion',
    institutionIds: [sionMembers.orp.id, sionMembers.cms.id],
  };
  const response = await call('coord.monthey', 'POST', '/api/tandems', {
    regionId: otherRegion.id,
    orpUserId: mOrp.id,
    cmsUserId: mCms.id,
    capacity: 6,
  });
  expect(response.statusCode, response.body).toBe(201);
  const monthey: Tandem = {
    id: response.json().id,
    orp: 'tandem.orp.monthey',
    institutionIds: [orpMonthey.id, cmsMonthey.id],
  };

  // 2012: 24 situations in Sion, 2 in Monthey, oriented and assigned from February to June.
  at('2012-02-01T08:00:00Z');
  const sionIds: string[] = [];
  for (let i = 0; i < 24; i++) {
    at(`2012-0${2 + Math.floor(i / 6)}-0${(i % 6) + 1}T08:00:00Z`);
    sionIds.push(await tandemSituation(region.id, 'coord', sion, `2012-0${2 + Math.floor(i / 6)}-0${(i % 6) + 2}`));
  }
  at('2012-03-05T08:00:00Z');
  const montheyIds = [
    await tandemSituation(otherRegion.id, 'coord.monthey', monthey, '2012-03-06'),
    await tandemSituation(otherRegion.id, 'coord.monthey', monthey, '2012-03-07'),
  ];
  // The tandem of Sion's first file meets the person four times in March (decision 027: the tandems' time, costed).
  at('2012-06-15T08:00:00Z');
  for (const day of ['2012-03-01', '2012-03-08', '2012-03-15', '2012-03-22'])
    await ok('tandem.orp.sion', 'POST', `/api/situations/${sionIds[0]}/meetings`, {
      heldOn: day,
      kind: 'with_person',
      personPresent: true,
    });
  // Closures in the autumn of 2012: Sion 12 insertions, 2 lack of cooperation, 3 unavailable, 1 social aid, 6 open.
  const sionOutcomes = [
    ...Array(12).fill('inserted'),
    'lack_of_cooperation',
    'lack_of_cooperation',
    'unavailable',
    'unavailable',
    'unavailable',
    'social_aid_only',
  ];
  for (const [i, outcome] of sionOutcomes.entries())
    await close(
      sionIds[i] as string,
      sion,
      outcome,
      `2012-${String(9 + Math.floor(i / 8)).padStart(2, '0')}-1${i % 8}`,
    );
  // Monthey: one insertion, one still open.
  await close(montheyIds[0] as string, monthey, 'inserted', '2012-11-20');

  // The rest of 2012's 97 announcements, through the use cases (DOMAIN.md §4.2, §4.5): from November.
  smrId = (await assessmentCast(t)).smr.id;
  const ended = ['inserted', 'inserted', 'inserted', 'social_aid_only', 'social_aid_only', 'disability_insurance'];
  await assessments(26, 22, ended, '2012-11-05');
  const concluded = [
    ...['found_work', 'found_work', 'found_work'],
    ...['network_follow_up', 'network_follow_up', 'network_follow_up', 'network_follow_up'],
    ...['followed_by_institution', 'pending', 'pending', 'pending', 'pending'],
  ];
  await roundTables(concluded, 3, '2012-11-12', '2012-11-26');
  await refusals(24, 6, '2012-12-03');

  // 2013: two more situations in Sion, one closed with an insertion — they count in 2013, not in 2012.
  at('2013-02-04T08:00:00Z');
  const y2013 = [
    await tandemSituation(region.id, 'coord', sion, '2013-02-05'),
    await tandemSituation(region.id, 'coord', sion, '2013-02-06'),
  ];
  await close(y2013[0] as string, sion, 'inserted', '2013-06-10');
  // And one 2012 Sion tandem closes in 2013: it was open at the end of 2012.
  await close(sionIds[18] as string, sion, 'inserted', '2013-03-15');
  // A 2013 assessment, round table and refusal: none of them counts in 2012.
  await assessments(1, 1, ['inserted'], '2013-04-08');
  await roundTables(['found_work'], 0, '2013-04-15', '2013-04-22');
  await refusals(1, 0, '2013-05-06');
});
afterAll(() => t.close());

describe('the 2012 tandem figures of seed 004 §6, through the use cases', () => {
  it('26 tandems (24 Sion, 2 Monthey): 13 jobs, 2 no cooperation, 3 unavailable, 1 social aid, 7 open', async () => {
    at('2014-01-10T08:00:00Z');
    const r = await figures('copil.stats', 'year=2012');
    expect(r.statusCode, r.body).toBe(200);
    const f = r.json();
    expect(f.publication).toBe('internal');
    const tandem = tableOf(f, 'tandem_by_region');
    const row = (regionId: string) => tandem.rowTotals[tandem.rows.findIndex((x) => x.key === regionId)];
    expect(row(t.world.region.id)).toBe(24);
    expect(row(t.world.otherRegion.id)).toBe(2);
    const outcome = (k: string) => tandem.columnTotals[tandem.columns.findIndex((c) => c.key === k)];
    expect(outcome('ended:inserted')).toBe(13);
    expect(outcome('ended:lack_of_cooperation')).toBe(2);
    expect(outcome('ended:unavailable')).toBe(3);
    expect(outcome('ended:social_aid_only')).toBe(1);
    expect(key(f, 'tandem_open')).toBe(7);
    expect(key(f, 'tandem_situations')).toBe(26);
    expect(Math.round((key(f, 'insertion_rate_of_all') ?? 0) * 100)).toBe(50);
    expect(Math.round((key(f, 'insertion_rate_of_closed') ?? 0) * 100)).toBe(68);
    // MAMAC assessments: 22 organised, 4 waiting, 6 closed = 3 insertions, 2 social aid, 1 AI.
    expect(key(f, 'assessment_organised')).toBe(22);
    expect(key(f, 'assessment_waiting')).toBe(4);
    expect(key(f, 'assessment_closed')).toBe(6);
    const assessments = tableOf(f, 'assessment_by_region');
    const ended = (k: string) => assessments.columnTotals[assessments.columns.findIndex((c) => c.key === `ended:${k}`)];
    expect([ended('inserted'), ended('social_aid_only'), ended('disability_insurance')]).toEqual([3, 2, 1]);
    // Round tables: 12 held, 3 in preparation; 3 jobs, 4 network follow-ups, 1 ORP, 4 pending.
    expect(key(f, 'round_table_held')).toBe(12);
    expect(key(f, 'round_table_in_preparation')).toBe(3);
    expect(key(f, 'round_table_pending')).toBe(4);
    const roundTables = tableOf(f, 'round_table_by_region');
    const rt = (k: string) => roundTables.columnTotals[roundTables.columns.findIndex((c) => c.key === `ended:${k}`)];
    expect([rt('inserted'), rt('oriented_network_follow_up'), rt('followed_by_institution')]).toEqual([3, 4, 1]);
    expect(key(f, 'network_follow_up_situations')).toBe(4);
    // Announced in 2012: 97, over two thirds taken into coordinated care (26 + 26 + 15 = 67); 24 refused, 6 waiting.
    expect(key(f, 'situations_announced')).toBe(97);
    expect(key(f, 'taken_into_care_share')).toBeCloseTo(67 / 97, 6);
    expect(key(f, 'taken_into_care_share')).toBeGreaterThan(2 / 3);
    expect(key(f, 'refused')).toBe(24);
    // Refusals by the institutions they suggest: 8 the ORP, 8 a CMS and an OAI, 8 a note only.
    const suggested = tableOf(f, 'refused_by_suggested_institution');
    expect(suggested.columns.map((c) => c.key)).toEqual([
      'suggested:orp',
      'suggested:cms',
      'suggested:oai',
      'suggested:none',
    ]);
    expect(suggested.columnTotals).toEqual([8, 8, 8, 8]);
    // The tandems' time (decision 027): 4 meetings × (1.5 h × CHF 95 for the ORP + 1.5 h × CHF 90 for the CMS).
    expect([f.costs.tandemOrpCents, f.costs.tandemCmsCents]).toEqual([4 * 1.5 * 95_00, 4 * 1.5 * 90_00]);
    expect(f.costs.totalCents).toBeGreaterThanOrEqual(4 * 1.5 * (95_00 + 90_00));
    expect(f.costs.perInsertionCents).toBe(Math.round(f.costs.totalCents / 13));
    expect(f.definitions.tandem_time.counted.fr).toContain('1,5 h du ou de la conseiller·ère ORP à CHF 95 l’heure');
    // Each definition names its documents as a reader knows them, not by seed number.
    expect(f.keyFigures.find((k: { key: string }) => k.key === 'situations_announced').source).toEqual({
      fr: 'Rapport annuel CII 2012, §6',
      de: 'IIZ-Jahresbericht 2012, §6',
    });
    // Never a name: the answer carries no person.
    expect(r.body).not.toContain('Figure1');
    // The indicators: the curve of 2012 with its open situations censored, the follow-ups, the durations.
    expect(f.timeToInsertion.situations).toBe(26);
    expect(f.durations.find((d: { key: string }) => d.key === 'length:tandem')?.n).toBe(19);
    expect(f.intensity.mandates).toBe(26);
  });

  it('2013 situations do not count in 2012; they count in 2013, with 2012 as the comparison', async () => {
    const f = (await figures('copil.stats', 'year=2013')).json();
    expect(key(f, 'tandem_situations')).toBe(2);
    expect(f.keyFigures.find((k: { key: string }) => k.key === 'tandem_situations').previous).toBe(26);
    // 2013's assessment, round table and refusal count in 2013 only (2 tandems + 1 + 1 + 1 announced).
    expect(key(f, 'situations_announced')).toBe(5);
    expect(f.keyFigures.find((k: { key: string }) => k.key === 'situations_announced').previous).toBe(97);
    expect([key(f, 'assessment_closed'), key(f, 'round_table_held'), key(f, 'refused')]).toEqual([1, 1, 1]);
    expect(f.costs.tandemOrpCents).toBe(0);
    expect(key(f, 'since_start_tandem_situations')).toBe(28);
    // Since the start: 13 + 1 (2013) + 1 (the 2012 file closed in 2013) insertions.
    expect(key(f, 'since_start_insertions')).toBe(15);
  });

  it('published figures hide Monthey’s small counts and what would reveal them', async () => {
    const f = (await figures('copil.stats', 'year=2012&publication=public')).json();
    expect(f.publication).toBe('public');
    expect(f.threshold).toBe(3);
    const tandem = tableOf(f, 'tandem_by_region');
    const monthey = tandem.rows.findIndex((x) => x.key === t.world.otherRegion.id);
    expect(tandem.rowTotals[monthey]).toBeNull();
    expect(tandem.cells[monthey]?.every((c) => c === 0 || c === null)).toBe(true);
    for (const [i, cells] of tandem.cells.entries())
      expect([...cells, tandem.rowTotals[i]].filter((c) => c === null).length).not.toBe(1);
    // No count below the threshold anywhere else: durations on a handful are left out, the curve gives shares with
    // its numbers rounded to 5, costs of a handful are hidden.
    for (const d of f.durations) expect(d.n === 0 || d.n >= 3, d.key).toBe(true);
    for (const p of f.timeToInsertion.points) {
      expect(p.events).toBeNull();
      expect(p.censored).toBeNull();
      expect(p.atRisk % 5).toBe(0);
    }
    expect(f.costs.hidden || f.costs.totalCents !== null).toBe(true);
    // Published figures are the canton's, for a whole year: a region's own view or a few days could be subtracted.
    const region = await figures('copil.stats', `year=2012&region=${t.world.otherRegion.id}&publication=public`);
    expect(region.statusCode).toBe(400);
    expect(region.json().error.fields[0].path).toBe('region');
    const days = await figures('copil.stats', 'from=2012-01-01&to=2012-11-26&publication=public');
    expect(days.statusCode).toBe(400);
    expect(days.json().error.fields[0].message).toContain('année civile');
  });

  it('published figures are the same whoever asks: a coordinator gets the full canton layout', async () => {
    const reader = (await figures('copil.stats', 'year=2012&publication=public')).json();
    for (const who of ['coord', 'coord.monthey']) {
      const r = await figures(who, 'year=2012&publication=public');
      expect(r.statusCode, who).toBe(200);
      const f = r.json();
      expect(f.tables, who).toEqual(reader.tables);
      expect(f.keyFigures, who).toEqual(reader.keyFigures);
      expect({ ...f, computedAt: null }, who).toEqual({ ...reader, computedAt: null });
    }
  });

  it('a coordinator reads their region and the canton, the other regions together; not another region', async () => {
    const canton = (await figures('coord.monthey', 'year=2012')).json();
    const tandem = tableOf(canton, 'tandem_by_region');
    expect(tandem.rows.map((r) => r.key)).toEqual([t.world.otherRegion.id, 'other_regions']);
    expect(tandem.rowTotals).toEqual([2, 24]);
    const own = await figures('coord.monthey', `year=2012&region=${t.world.otherRegion.id}`);
    expect(own.statusCode).toBe(200);
    expect(key(own.json(), 'tandem_situations')).toBe(2);
    expect((await figures('coord.monthey', `year=2012&region=${t.world.region.id}`)).statusCode).toBe(403);
  });

  it('a field professional, a tandem member, an administrator: 403, the refusal audited', async () => {
    for (const who of ['pro', 'tandem.orp.sion', 'admin']) {
      const r = await figures(who, 'year=2012');
      expect(r.statusCode, who).toBe(403);
    }
    const refused = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'figures.read'), eq(auditLog.allowed, false)));
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });

  it('every read is audited; a bad period is refused with a translated message', async () => {
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'figures.read'), eq(auditLog.allowed, true)));
    expect(reads.length).toBeGreaterThanOrEqual(4);
    const bad = await figures('copil.stats', 'from=2012-05-01&to=2012-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toContain('premier');
  });

  it('the XLSX and the CSV: the same figures, internal or published, audited as exports', async () => {
    const x = await call('copil.stats', 'GET', '/api/figures/xlsx?year=2012&publication=public');
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Chiffres clés');
    const keySheet = book.worksheets[0];
    const values = keySheet?.getSheetValues().flat().map(String) ?? [];
    expect(values.some((v) => v.includes('masqués'))).toBe(true);
    const csv = await call('copil.stats', 'GET', '/api/figures/csv?year=2012');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Usage interne CII');
    expect(csv.body).toContain('Période : 01.01.2012 – 31.12.2012 · Région : Canton');
    expect(csv.body).not.toContain('2012-01-01');
    // Shares as the screen and the XLSX show them: percentages, the unit in the label, in both languages.
    expect(csv.body).toContain('Taux d’insertion, sur les situations fermées (%);68.4');
    expect(csv.body).not.toMatch(/;0\.\d+;/);
    const exports = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'figures.export'));
    expect(exports.length).toBe(2);
  });

  it('the OpenAPI document describes the figures for a statistics office', async () => {
    const doc = (await t.request(null, { method: 'GET', url: '/api/docs/json' })).json();
    const op = doc.paths['/api/figures'].get;
    expect(op.description).toContain('each with its definition in French and German');
    const text = JSON.stringify(op);
    expect(text).toContain('small counts hidden, for publication');
    expect(text).toContain('Kaplan–Meier');
    expect(doc.paths['/api/figures/xlsx']).toBeDefined();
  });
});
