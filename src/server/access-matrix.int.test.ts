import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachments,
  alerts,
  communes,
  institutions,
  machineTokens,
  measures,
  notifications,
  offices,
  outboxMessages,
  regions,
  situations,
  tandems,
  users,
} from '../db/schema.ts';
import { type TestApp, createDemoTestApp } from '../test/int-harness.ts';
import { type ApiRoute, listApiRoutes, sampleOf, urlOf } from '../test/openapi-routes.ts';
import { MINIMAL_PDF } from '../test/situation-fixtures.ts';

/**
 * The access matrix of issue 9, on the demo canton: every route with an id,
 * listed from the OpenAPI document, × every demo user × situations in each
 * relation (announcer, Bureau of the region, another region, an institution
 * the procuration names, one it does not, the case team, a tandem during and
 * after its mandate, a holder, deciders). The expected answers come from the
 * table below, written from decision 005, not from the policy's code; a caller
 * who may not see a record gets exactly the answer given for an id that does
 * not exist — same status, same bytes.
 */
type Demo = Awaited<ReturnType<typeof createDemoTestApp>> extends TestApp<infer W> ? W : never;
let t: TestApp<Demo>;
const cookies = new Map<string, string>();
let routes: ApiRoute[];

/** The sample of situations, one per relation; "anonyme" is the CMS Sion's anonymous announcement. */
const SAMPLE = [
  'Dubuis',
  'Fournier',
  'Carron',
  'Rey',
  'Gillioz',
  'Crettaz',
  'Imhof',
  'Délez',
  'Berrut',
  'anonyme',
] as const;
type Sample = (typeof SAMPLE)[number];

/**
 * Who reads which sampled situation: a name alone when the identity is shown,
 * `~name` when the file is read without it. Everything else: 404.
 * - Dubuis is orp.sion's draft; Fournier announced in Sion (procuration: ORP, Bureau, CMS Sion; cms.sion on the case
 *   team); Carron under review in Sion (also Addiction Valais, health); Rey in tandem in Sion; Gillioz closed and
 *   handed back to orp.sion 219 days ago (the tandem's grace period is over); Crettaz a 2022 file of cms.sion whose
 *   procuration expired (cms.sion holds it); Imhof in assessment in Brig (also the OAI); Délez in tandem in Monthey,
 *   announced by cms.monthey; Berrut refused in Monthey; the anonymous announcement of cms.sion.
 */
const SEES: Record<string, string> = {
  admin: '',
  'cii.officer': 'Fournier Carron Rey Gillioz ~Crettaz Imhof Délez Berrut ~anonyme',
  'bureau.assistant': 'Fournier Carron Rey Gillioz ~Crettaz Imhof Délez Berrut ~anonyme',
  'coord.sion': 'Fournier Carron Rey Gillioz ~Crettaz ~anonyme',
  'coord.monthey': 'Délez Berrut',
  'coord.brig': 'Imhof',
  'orp.sion': 'Dubuis Fournier Carron Rey Gillioz',
  'orp.monthey': 'Berrut',
  'rav.brig': 'Imhof',
  'cms.sion': 'Fournier Crettaz anonyme',
  'cms.monthey': 'Délez',
  'tandem.orp': 'Rey',
  'tandem.cms': 'Rey',
  'tandem.orp.monthey': 'Délez',
  'tandem.cms.monthey': 'Délez',
  'tandem.rav.brig': '',
  'tandem.smz.brig': '',
  'orp.repondant': 'Fournier Carron Rey Gillioz',
  'oai.repondant': 'Imhof',
  'oai.smr': '',
  'osp.repondant': '',
  'sucht.wallis': 'Carron',
  'suva.repondant': '',
  'lmmt.decideur': '',
  'sas.preavis': '',
  'commune.sion': '',
  'gemeinde.brig': '',
  'copil.stats': '',
};
const relation = (user: string, s: Sample): 'identity' | 'read' | 'none' => {
  const words = SEES[user]!.split(' ');
  return words.includes(s) ? 'identity' : words.includes(`~${s}`) ? 'read' : 'none';
};
const situationIds = new Map<Sample, string>();

/** Routes that show or take what identifies the person: documents, the procuration. */
const IDENTITY_ROUTES = new Set([
  'GET /api/situations/{id}/attachments/{attachmentId}',
  'GET /api/situations/{id}/procuration.pdf',
  'POST /api/situations/{id}/attachments',
  'POST /api/situations/{id}/consents',
]);
const key = (r: ApiRoute) => `${r.method} ${r.path}`;

async function call(user: string, route: ApiRoute, params: Record<string, string>): Promise<LightMyRequestResponse> {
  const query = Object.fromEntries(
    route.query.filter((q) => q.required).map((q) => [q.name, String(sampleOf(q.schema))]),
  );
  if (route.path.endsWith('/attachments') && route.method === 'POST') query.filename = 'document.pdf';
  const payload = route.rawBody ? MINIMAL_PDF : route.body ? (sampleOf(route.body) as object) : undefined;
  const headers = route.rawBody ? { 'content-type': 'application/pdf' } : undefined;
  return t.request(cookies.get(user) ?? null, {
    method: route.method,
    url: urlOf(route, params, query),
    payload,
    headers,
  });
}

const answer = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body}`;

beforeAll(async () => {
  t = await createDemoTestApp();
  routes = listApiRoutes(t.app).filter((r) => r.pathParams.length > 0);
  for (const user of Object.keys(SEES)) cookies.set(user, await t.signIn(user));
  for (const s of SAMPLE.filter((x) => x !== 'anonyme')) situationIds.set(s, t.world.situations.get(s)!);
  const cmsSion = t.world.actors.get('cms.sion')!;
  const [anon] = await t.database.db
    .select({ id: situations.id })
    .from(situations)
    .where(and(eq(situations.anonymous, true), eq(situations.announcingUserId, cmsSion.userId)));
  situationIds.set('anonyme', anon!.id);
}, 240_000);
afterAll(() => t.close());

describe('the access matrix (issue 9)', () => {
  it('covers every route with an id that the API documents', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(Object.keys(SEES).sort()).toEqual([...t.world.actors.keys()].sort());
  });

  it("each demo user reads exactly the table's situations, with or without the identity, and lists those", async () => {
    const unexpected: string[] = [];
    for (const user of Object.keys(SEES)) {
      const listed = new Set<string>(
        (await t.request(cookies.get(user)!, { method: 'GET', url: '/api/situations?pageSize=100' }))
          .json()
          .items.map((i: { id: string }) => i.id),
      );
      for (const s of SAMPLE) {
        const expected = relation(user, s);
        const r = await t.request(cookies.get(user)!, { method: 'GET', url: `/api/situations/${situationIds.get(s)}` });
        const got = r.statusCode === 404 ? 'none' : r.json().abilities.readIdentity ? 'identity' : 'read';
        if (got !== expected) unexpected.push(`${user} × ${s}: expected ${expected}, got ${got} (${r.statusCode})`);
        if (listed.has(situationIds.get(s)!) !== (expected !== 'none'))
          unexpected.push(`${user} × ${s}: listed ${listed.has(situationIds.get(s)!)}`);
        if (got === 'identity' && s !== 'anonyme' && r.json().person === null)
          unexpected.push(`${user} × ${s}: identity without the person`);
        if (got === 'read' && r.json().person !== null)
          unexpected.push(`${user} × ${s}: the person shown without the identity`);
      }
    }
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('every situation route answers a caller who may not see it exactly as for a missing situation', async () => {
    const unexpected: string[] = [];
    const [scan] = await t.database.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.situationId, situationIds.get('Fournier')!));
    let requests = 0;
    for (const route of routes.filter((r) => r.pathParams[0] === 'id' && r.path.startsWith('/api/situations/'))) {
      for (const user of Object.keys(SEES)) {
        const nothing = answer(await call(user, route, { id: randomUUID() }));
        if (!nothing.startsWith('404 ') && !nothing.startsWith('400 '))
          unexpected.push(`${user} ${key(route)} on nothing: ${nothing.slice(0, 80)}`);
        for (const s of SAMPLE) {
          const rel = relation(user, s);
          const denied = rel === 'none' || (rel === 'read' && IDENTITY_ROUTES.has(key(route)));
          if (!denied) continue;
          // The same random secondary ids as for nothing, but the attachment of the scan where one exists.
          const params = { id: situationIds.get(s)!, attachmentId: s === 'Fournier' ? scan!.id : randomUUID() };
          const got = answer(await call(user, route, params));
          requests++;
          if (got !== nothing)
            unexpected.push(`${user} × ${s} ${key(route)}: ${got.slice(0, 120)} ≠ ${nothing.slice(0, 60)}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(requests).toBeGreaterThan(3000);
  }, 300_000);

  it('whoever reads a situation gets its pages, never an error', async () => {
    const unexpected: string[] = [];
    const reads = routes.filter(
      (r) =>
        r.method === 'GET' &&
        r.path.startsWith('/api/situations/{id}') &&
        // A sub-record's own id (an attachment, a planned meeting) is not the situation's: their tests cover them.
        !r.path.includes('{attachmentId}') &&
        !r.path.includes('{plannedMeetingId}') &&
        !r.path.includes('{versionNo}'),
    );
    for (const user of Object.keys(SEES)) {
      for (const s of SAMPLE) {
        const rel = relation(user, s);
        if (rel === 'none') continue;
        for (const route of reads) {
          const r = await call(user, route, { id: situationIds.get(s)! });
          // The closure's preview is the tandem's alone (it coaches the file); the others are absent for some files.
          const mayBeAbsent =
            /final-report\.pdf|case-team\/candidates|report-recipient-candidates|procuration\.pdf|closure-preview/.test(
              route.path,
            ) ||
            // Whom to invite to a round table: for the coordinator piloting one that is open (issue 12).
            route.path.endsWith('/round-table/candidates') ||
            // A MAMAC's pages exist on a situation that had one (Imhof); its candidates are the Bureau's to see.
            (/\/assessment/.test(route.path) && (s !== 'Imhof' || route.path.endsWith('/candidates')));
          if (r.statusCode >= 500 || (r.statusCode !== 200 && !mayBeAbsent))
            unexpected.push(`${user} × ${s} ${key(route)}: ${r.statusCode}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('the other records with an id: a caller who may not act on one gets the answer given for nothing', async () => {
    const db = t.database.db;
    const actor = (u: string) => t.world.actors.get(u)!;
    const [sionTandem] = await db
      .select({ id: tandems.id })
      .from(tandems)
      .where(eq(tandems.orpUserId, actor('tandem.orp').userId));
    const [note] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, actor('orp.sion').userId));
    const waiting = await db
      .select({ id: measures.id, route: measures.route, stepIndex: measures.stepIndex })
      .from(measures)
      .where(eq(measures.status, 'proposed'));
    const lmmtMeasure = waiting.find((m) => m.route[m.stepIndex] === 'lmmt');
    const [mail] = await db.select({ id: outboxMessages.id }).from(outboxMessages);
    const [region] = await db.select({ id: regions.id }).from(regions);
    const [institution] = await db.select({ id: institutions.id }).from(institutions);
    const [office] = await db.select({ id: offices.id }).from(offices);
    const [commune] = await db.select({ id: communes.id }).from(communes);
    const [socialWorker] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'cms.sion'));
    // Issue 14: an alert of the demo's OAI (its correspondent's alone), and a machine token (administrators').
    const [oaiAlert] = await db
      .select({ id: alerts.id })
      .from(alerts)
      .where(eq(alerts.institutionId, actor('oai.repondant').institutionId));
    const [token] = await db
      .insert(machineTokens)
      .values({
        institutionId: actor('oai.repondant').institutionId,
        label: 'matrix',
        tokenHash: randomUUID(),
        createdByUserId: actor('admin').userId,
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning({ id: machineTokens.id });
    const admins = ['admin'];
    const sionBureau = ['admin', 'coord.sion', 'cii.officer', 'bureau.assistant'];
    /** Each family: a real record, and who may act on it (decision 005 and the roles of README.md). */
    const families: { path: RegExp; id: string; allowed: string[] }[] = [
      { path: /^\/api\/users\/\{id\}/, id: socialWorker!.id, allowed: [...admins, 'cms.sion'] },
      { path: /^\/api\/regions\/\{id\}$/, id: region!.id, allowed: admins },
      { path: /^\/api\/institutions\/\{id\}$/, id: institution!.id, allowed: admins },
      { path: /^\/api\/offices\/\{id\}$/, id: office!.id, allowed: admins },
      { path: /^\/api\/communes\/\{id\}$/, id: commune!.id, allowed: admins },
      { path: /^\/api\/tandems\/\{id\}$/, id: sionTandem!.id, allowed: sionBureau },
      { path: /^\/api\/notifications\/\{id\}\/read$/, id: note!.id, allowed: ['orp.sion'] },
      { path: /^\/api\/measures\/\{id\}\/decision$/, id: lmmtMeasure!.id, allowed: ['lmmt.decideur'] },
      // The demo's messages are monthly reports: the file's content, closed to administrators too.
      { path: /^\/api\/outbox\/\{id\}\/eml$/, id: mail!.id, allowed: [] },
      { path: /^\/api\/alerts\/\{id\}\//, id: oaiAlert!.id, allowed: ['oai.repondant'] },
      { path: /^\/api\/machine-tokens\/\{id\}\/revoke$/, id: token!.id, allowed: admins },
    ];
    const unexpected: string[] = [];
    for (const route of routes.filter((r) => !r.path.startsWith('/api/situations/'))) {
      const family = families.find((f) => f.path.test(route.path));
      if (!family) {
        if (!/person-merges|measure-kinds/.test(route.path)) unexpected.push(`no family for ${key(route)}`);
        continue;
      }
      for (const user of Object.keys(SEES)) {
        if (family.allowed.includes(user)) continue;
        const nothing = answer(await call(user, route, { id: randomUUID() }));
        const got = answer(await call(user, route, { id: family.id }));
        if (got !== nothing) unexpected.push(`${user} ${key(route)}: ${got.slice(0, 100)} ≠ ${nothing.slice(0, 60)}`);
      }
    }
    expect(unexpected).toEqual([]);
  }, 120_000);
});
