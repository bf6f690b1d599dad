import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../db/open-db.ts';
import { insertCommune, insertInstitution, insertUser } from '../db/seed/factories.ts';
import { measureKinds } from '../db/schema.ts';
import {
  type FuzzRequest,
  type IdSource,
  type Rng,
  hashString,
  headerMutations,
  pathMutations,
  queryMutations,
  queryString,
  sampleQuery,
  sampleValue,
  seededRng,
  tablesForName,
  toJsonText,
  valueMutations,
  wholeBodyMutations,
} from '../test/fuzz-cases.ts';
import { type TestApp, createTestApp } from '../test/int-harness.ts';
import { type ApiRoute, listApiRoutes } from '../test/openapi-routes.ts';
import { MINIMAL_PDF, announcedSituation, createDraft, createPerson } from '../test/situation-fixtures.ts';
import { assign, createTandem, orientedToTandem, tandemMembers } from '../test/tandem-fixtures.ts';

/**
 * Issue 9's proof, kept in the suite: a bounded, seeded fuzz run over every
 * route of the OpenAPI document (about 4,000 requests, a fixed number per
 * route), as six signed-in callers and one without a session: valid samples
 * with ids of a small world's records, then mutations of the sample that got
 * furthest (src/test/fuzz-cases.ts). Every answer must be below 500 and carry
 * the API's headers, every 4xx the error body; no bad input may reach the
 * database (the error handler's safety net logs it); and a refused request
 * must write no row, except in the audit log, sign-in attempts and sessions,
 * which record refusals. Each run picks a seed and prints it: replay a run
 * with FUZZ_SEED=<seed>, see every answer with FUZZ_VERBOSE=1.
 */
const SEED = seedFromEnvironment(process.env.FUZZ_SEED);
/** Per route: valid samples per signed-in caller, then at most this many query and body mutations. */
const BUDGET = { validPerCaller: 2, query: 10, body: 22 };
/** Tables that a refusal legitimately writes: its audit row, a failed sign-in, a session touched. */
const WRITTEN_ON_REFUSAL = new Set(['audit_log', 'audit_chain', 'login_attempts', 'sessions']);

function seedFromEnvironment(value: string | undefined): number {
  if (!value) return Math.floor(Math.random() * 2 ** 31);
  if (!/^\d+$/.test(value)) throw new Error(`FUZZ_SEED must be a whole number, not ${value}`);
  return Number(value);
}

let t: TestApp;
const logLines: string[] = [];
/**
 * `seen`: the ids in the caller's successful answers, preferred when a request needs an id, so that requests reach
 * records the caller may touch.
 */
type Caller = { name: string; username: string | null; address: string; cookie: string | null; seen: Set<string> };
let callers: Caller[];
let callerUserIds: Set<string>;

beforeAll(async () => {
  // Warnings and errors only: the safety net's "database refused the request data" names the SQLSTATE of bad input a
  // use case let through.
  t = await createTestApp({ LOG_LEVEL: 'warn' }, { logStream: { write: (line: string) => void logLines.push(line) } });
  await buildWorld();
  // The callers, and two whose roles open parts no one else reaches: the tandem's file, a commune's statements
  // and decisions.
  const members = ['admin', 'pro', 'coord', 'outsider', 'tandem.orp.fz', 'commune.fz'];
  callers = [...members, null].map((username, i) => ({
    name: username ?? 'nobody',
    username,
    address: `192.0.2.${i + 1}`,
    cookie: null,
    seen: new Set<string>(),
  }));
  for (const caller of callers) if (caller.username) caller.cookie = await t.signIn(caller.username);
  const users = await queryRows<{ id: string; username: string }>(
    t.database.db,
    sql`SELECT id::text, username FROM users`,
  );
  // The admin must not disable, re-role or reset the accounts the run signs in with: they stay out of the id pool.
  callerUserIds = new Set(users.filter((u) => members.includes(u.username)).map((u) => u.id));
}, 120_000);
afterAll(() => t?.close());

/**
 * A small world with a record of each kind the routes name: situations at several stages, a tandem's file, a measure.
 */
async function buildWorld() {
  const db = t.database.db;
  const { orp, bureau, cms } = t.world;
  t.clock.now = new Date('2026-02-02T08:00:00Z');
  const commune = await insertCommune(db, { name: 'Sion', language: 'fr', regionId: t.world.region.id });
  const members = await tandemMembers(t, 'fz');
  const communeInstitution = await insertInstitution(db, {
    kind: 'commune',
    nameFr: 'Commune de Sion',
    nameDe: 'Gemeinde Sitten',
    communeId: commune.id,
  });
  await insertUser(db, { username: 'commune.fz', institutionId: communeInstitution.id, roles: ['commune_approver'] });
  let [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
  const tandemId = await createTandem(t, coord, members.orpUser.id, members.cmsUser.id);
  const coached = await orientedToTandem(
    t,
    pro,
    coord,
    [orp.id, bureau.id, cms.id, members.orp.id, members.cms.id, communeInstitution.id],
    { communeId: commune.id },
  );
  expect((await assign(t, coord, coached, tandemId, '2026-02-02')).statusCode).toBe(200);
  t.clock.now = new Date('2026-03-10T09:00:00Z');
  [pro, coord] = [await t.signIn('pro'), await t.signIn('coord')];
  const member = await t.signIn('tandem.orp.fz');
  const step = async (who: string, method: 'POST' | 'PUT', url: string, payload: object) => {
    const response = await t.request(who, { method, url, payload });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response;
  };
  await step(member, 'POST', `/api/situations/${coached}/meetings`, {
    heldOn: '2026-02-10',
    kind: 'with_person',
    personPresent: true,
    notes: 'Premier entretien.',
  });
  await step(member, 'POST', `/api/situations/${coached}/objectives`, {
    title: 'Stage',
    status: 'in_progress',
    startOn: '2026-02-10',
    targetOn: '2026-05-01',
  });
  await step(member, 'POST', `/api/situations/${coached}/monthly-reports`, { month: '2026-02' });
  const [kind] = await db.select().from(measureKinds).where(sql`${measureKinds.code} = 'course_laci'`);
  await step(member, 'POST', `/api/situations/${coached}/measures`, {
    kindId: kind!.id,
    provider: 'Cours SA',
    goals: 'Bureautique.',
    startOn: '2026-03-16',
    endOn: '2026-04-15',
    unitCostCents: 80_000,
    quantity: 1,
  });
  const announced = await announcedSituation(t, pro, {
    navs13: '',
    officialName: 'Zufferey',
    firstNames: 'Paul',
    birthDate: '1975-01-01',
  });
  await createDraft(t, pro);
  const duplicate = await createPerson(
    t,
    pro,
    { navs13: '', officialName: 'Zuffereyy', firstNames: 'Paul', birthDate: '1975-01-01' },
    [announced.personId],
  );
  await step(pro, 'POST', '/api/person-merges', {
    survivorId: announced.personId,
    duplicateId: duplicate,
    reason: 'Faute de frappe.',
  });
}

/** Ids of real records, by table, refreshed as successful requests create more. */
async function loadIds(): Promise<IdSource> {
  const tables = (
    await queryRows<{ name: string }>(
      t.database.db,
      sql`SELECT table_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`,
    )
  ).map((r) => r.name);
  const union = tables
    .map((name) => `(SELECT '${name}' AS name, id::text AS id FROM "${name}" ORDER BY ctid LIMIT 40)`)
    .join(' UNION ALL ');
  const byTable = new Map<string, string[]>(tables.map((name) => [name, []]));
  for (const row of await queryRows<{ name: string; id: string }>(t.database.db, sql.raw(union))) {
    if (!callerUserIds.has(row.id)) byTable.get(row.name)!.push(row.id);
  }
  const all = [...byTable.values()].flat();
  return {
    own: (name) => tablesForName(name, tables).flatMap((table) => byTable.get(table)!),
    others(name) {
      const own = new Set(tablesForName(name, tables));
      return own.size ? tables.filter((table) => !own.has(table)).flatMap((table) => byTable.get(table)!) : all;
    },
  };
}

/** Row count and the sum of the rows' xmin per table: an insert, an update or a delete changes one of them. */
let snapshotSql: ReturnType<typeof sql.raw> | null = null;
async function rowSnapshot(): Promise<Map<string, string>> {
  if (!snapshotSql) {
    const tables = (
      await queryRows<{ name: string }>(
        t.database.db,
        sql`SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    )
      .map((r) => r.name)
      .filter((name) => !WRITTEN_ON_REFUSAL.has(name));
    snapshotSql = sql.raw(
      tables
        .map(
          (name) =>
            `SELECT '${name}' AS name, ` +
            `count(*)::text || '/' || coalesce(sum(xmin::text::bigint), 0)::text AS mark FROM "${name}"`,
        )
        .join(' UNION ALL '),
    );
  }
  return new Map(
    (await queryRows<{ name: string; mark: string }>(t.database.db, snapshotSql)).map((r) => [r.name, r.mark]),
  );
}
const changedTables = (before: Map<string, string>, after: Map<string, string>) =>
  [...after]
    .filter(([name, mark]) => before.get(name) !== mark)
    .map(([name, mark]) => `${name} ${before.get(name)} → ${mark}`);

/**
 * The segment before `{id}` names the record (`/measure-kinds/{id}`); other parameters name it themselves
 * (`consentId`).
 */
const paramHint = (route: ApiRoute, name: string) =>
  name === 'id' ? (route.path.split(`/{${name}}`)[0]!.split('/').at(-1) ?? name) : name;

/** The version each record had in the last answer that showed it: an update names the version it read. */
const versions = new Map<string, number>();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function learn(caller: Caller, response: LightMyRequestResponse) {
  if (response.statusCode >= 300 || !String(response.headers['content-type']).startsWith('application/json')) return;
  for (const id of response.body.match(UUID) ?? []) caller.seen.add(id);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.id === 'string' && typeof record.version === 'number') versions.set(record.id, record.version);
      Object.values(record).forEach(walk);
    }
  };
  walk(response.json());
}

interface FuzzCase extends FuzzRequest {
  caller: Caller;
}

/** A request before it is written out: who sends it, its path parameters, query and body. */
interface Base {
  caller: Caller;
  params: Record<string, string>;
  query: [string, string][];
  body: unknown;
}

/** The cases of one route, in two rounds: valid samples, then mutations of the sample that went deepest. */
function routeCases(route: ApiRoute, rng: Rng, ids: IdSource) {
  const signedIn = callers.filter((c) => c.username);
  const json = !route.rawBody && route.body !== null;
  // The caller's view of the ids: three times in four, one it has already seen, if any fits.
  const view = (caller: Caller): IdSource => ({
    own(name) {
      const all = ids.own(name);
      const mine = all.filter((id) => caller.seen.has(id));
      return mine.length && rng.chance(0.75) ? mine : all;
    },
    others: ids.others,
  });
  const sample = (caller: Caller): Base => {
    const callerIds = view(caller);
    const params = Object.fromEntries(
      route.pathParams.map((p) => [p, pickOr(callerIds.own(paramHint(route, p)), rng.uuid())]),
    );
    const body = json ? sampleValue(route.body!, 'body', rng, callerIds) : undefined;
    // The version of the record the path names last, as the caller last read it (most of the time).
    const named = route.pathParams.length ? params[route.pathParams.at(-1)!]! : '';
    if (body && typeof body === 'object' && 'version' in body && versions.has(named) && rng.chance(0.7))
      (body as { version: number }).version = versions.get(named)!;
    return { caller, params, query: sampleQuery(route, rng, callerIds), body };
  };
  const pickOr = (items: string[], fallback: string) => (items.length && rng.chance(0.9) ? rng.pick(items) : fallback);
  const write = (
    base: Base,
    label: string,
    over: Partial<Base> = {},
    payload?: { payload?: string | Buffer; contentType?: string },
    headers?: Record<string, string>,
  ): FuzzCase => {
    const b = { ...base, ...over };
    return {
      caller: b.caller,
      label,
      headers,
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, (_, name: string) => b.params[name]!) + queryString(b.query),
      ...(payload ??
        (json
          ? { payload: toJsonText(b.body), contentType: 'application/json' }
          : route.rawBody
            ? { payload: MINIMAL_PDF, contentType: 'application/pdf' }
            : {})),
    };
  };

  // Round one: nobody once, every signed-in caller twice, with real ids.
  const valid: Base[] = [sample(callers.find((c) => !c.username)!)];
  for (const caller of signedIn) for (let i = 0; i < BUDGET.validPerCaller; i++) valid.push(sample(caller));

  // Round two: the sample that reached furthest into the use case, changed one thing at a time (sometimes sent by
  // someone else).
  function mutations(base: Base): FuzzCase[] {
    const by = () => (rng.chance(0.8) ? base.caller : rng.pick(signedIn));
    const ids = view(base.caller);
    const cases: FuzzCase[] = [];
    for (const m of headerMutations(rng))
      cases.push(write(base, m.label, { caller: base.caller.username ? base.caller : by() }, undefined, m.headers));
    for (const name of route.pathParams) {
      for (const m of pathMutations(paramHint(route, name), rng, ids))
        cases.push(write(base, m.label, { caller: by(), params: { ...base.params, [name]: m.value } }));
    }
    for (const m of queryMutations(route, base.query, rng, ids).slice(0, BUDGET.query))
      cases.push(write(base, m.label, { caller: by(), query: m.query }));
    if (json) {
      for (const m of valueMutations(route.body!, base.body, rng, ids).slice(0, BUDGET.body))
        cases.push(write(base, m.label, { caller: by(), body: m.value }));
      for (const m of wholeBodyMutations(base.body))
        cases.push(
          write(
            base,
            m.label,
            { caller: by() },
            { payload: m.payload, contentType: m.contentType ?? 'application/json' },
          ),
        );
    } else if (route.rawBody) {
      const raw: [string, Buffer | string, string][] = [
        ['raw body: text/plain', 'not a pdf', 'text/plain'],
        ['raw body: JSON', '{"a":1}', 'application/json'],
        ['raw body: empty PDF', Buffer.alloc(0), 'application/pdf'],
        ['raw body: garbage as PNG', Buffer.from('garbage\u0000bytes'), 'image/png'],
        ['raw body: a PDF sent as JPEG', MINIMAL_PDF, 'image/jpeg'],
      ];
      for (const [label, payload, contentType] of raw)
        cases.push(write(base, label, { caller: by() }, { payload, contentType }));
    } else if (route.method !== 'GET') {
      cases.push(
        write(
          base,
          'body where none is expected',
          { caller: by() },
          { payload: '{"fuzzUnknown":1}', contentType: 'application/json' },
        ),
      );
    }
    return cases;
  }
  return { valid: valid.map((base) => ({ base, request: write(base, 'valid sample') })), mutations };
}

/**
 * How far a request got: done, then stopped by the record's state or version, by the use case's checks, by access, at
 * the door.
 */
const depth = (status: number) => (status < 300 ? 5 : status === 409 ? 4 : status === 400 ? 3 : status === 401 ? 0 : 1);

const send = (c: FuzzCase) =>
  t.app.inject({
    method: c.method,
    url: c.url,
    remoteAddress: c.caller.address,
    headers: {
      ...(c.caller.cookie ? { cookie: c.caller.cookie } : {}),
      ...(c.payload !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
      ...c.headers,
    },
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
  });

function errorShapeProblem(response: LightMyRequestResponse): string | null {
  try {
    const body = response.json() as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === 'string' && typeof body.error.message === 'string' && body.error.message
      ? null
      : 'no { error: { code, message } }';
  } catch {
    return 'not JSON';
  }
}

const sqlstateOf = (logLine: string) => (JSON.parse(logLine) as { err?: { code?: string } }).err?.code ?? '?';

/**
 * A successful change may have ended a caller's session (sign-out) or changed the accounts: sign in again where needed.
 */
async function keepCallersSignedIn() {
  for (const caller of callers) {
    if (!caller.username) continue;
    const me = await t.request(caller.cookie, { method: 'GET', url: '/api/me' });
    if (me.statusCode !== 200) caller.cookie = await t.signIn(caller.username);
  }
}

/**
 * Lists first (they show the callers ids to use); sign-in, sign-out and the password last: they change the callers' own
 * sessions.
 */
const order = (route: ApiRoute) =>
  route.path.startsWith('/api/auth/')
    ? route.path.endsWith('/sign-out')
      ? 3
      : 2
    : route.method === 'GET' && !route.pathParams.length
      ? 0
      : 1;

it('answers every route below 500, with the error body on every 4xx, and refused requests write no row', async () => {
  console.log(`api fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  const routes = listApiRoutes(t.app).sort((a, b) => order(a) - order(b));
  expect(routes.length).toBeGreaterThan(50);
  const findings: string[] = [];
  const statuses = new Map<number, number>();
  const pastAuth = new Set<string>();
  const succeeded = new Set<string>();
  let requests = 0;
  let ids = await loadIds();
  let before = await rowSnapshot();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const rng = seededRng(SEED ^ hashString(key));
    let changed = false;
    const run = async (c: FuzzCase) => {
      logLines.length = 0;
      const response = await send(c);
      requests++;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      learn(c.caller, response);
      if (process.env.FUZZ_VERBOSE)
        console.log(
          `${key} as ${c.caller.name}, ${c.label} → ${response.statusCode} ` +
            `${response.statusCode >= 400 ? response.body.slice(0, 160) : ''}`,
        );
      if (response.statusCode !== 401) pastAuth.add(key);
      if (response.statusCode < 300) succeeded.add(key);
      const after = await rowSnapshot();
      const where = `${key} as ${c.caller.name}, ${c.label} → ${response.statusCode}`;
      if (response.statusCode >= 500)
        findings.push(`${where}: ${response.body.slice(0, 200)} ${logLines.join(' ').slice(0, 600)}`);
      // The error handler's safety net caught bad input that a use case let through to the database: a 4xx, but without
      // a field to fix.
      for (const line of logLines)
        if (line.includes('database refused the request data'))
          findings.push(`${where}: the database refused the data (SQLSTATE ${sqlstateOf(line)})`);
      // The headers every API answer carries (security-headers.ts): also on answers Fastify gives by itself.
      if (response.headers['cache-control'] !== 'no-store' || response.headers['x-content-type-options'] !== 'nosniff')
        findings.push(`${where}: without the API's headers`);
      if (response.statusCode >= 400 && response.statusCode < 500) {
        const problem = errorShapeProblem(response);
        if (problem) findings.push(`${where}: ${problem}: ${response.body.slice(0, 200)}`);
      }
      if (response.statusCode >= 400) {
        const written = changedTables(before, after);
        if (written.length) findings.push(`${where}: a refused request wrote rows: ${written.join(', ')}`);
        before = after;
      } else if (c.method !== 'GET') {
        changed = true;
        await keepCallersSignedIn();
        before = await rowSnapshot();
      } else before = after;
      return response.statusCode;
    };
    const cases = routeCases(route, rng, ids);
    let best = { base: cases.valid[0]!.base, depth: -1 };
    for (const { base, request } of cases.valid) {
      const reached = depth(await run(request));
      if (reached > best.depth) best = { base, depth: reached };
    }
    for (const c of cases.mutations(best.base)) await run(c);
    if (changed) ids = await loadIds();
  }
  console.log(
    `api fuzz: ${requests} requests over ${routes.length} routes, ` +
      `${succeeded.size} of them answered 2xx at least once; ` +
      `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
  );
  expect(findings, `seed ${SEED}`).toEqual([]);
  // The run reached the use cases: every route answered something other than 401 to someone, and many did what was
  // asked.
  expect(routes.map((r) => `${r.method} ${r.path}`).filter((key) => !pastAuth.has(key))).toEqual([]);
  expect(succeeded.size).toBeGreaterThanOrEqual(Math.ceil(routes.length / 3));
  expect(requests).toBeGreaterThan(routes.length * 20);
}, 300_000);
