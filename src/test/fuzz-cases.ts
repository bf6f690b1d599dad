import { type ApiRoute, type JsonSchema, sampleOf } from './openapi-routes.ts';

/**
 * The requests of the API fuzz run (src/server/api-fuzz.int.test.ts), built
 * from each route's OpenAPI schemas: a valid sample that uses ids of real
 * records where the schema asks for an id, then mutations of it — one
 * property at a time, the path ids, the query, the body as a whole. Pure and
 * seeded: the same seed gives the same requests.
 */

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(items: T[]): T[];
  uuid(): string;
}

/** mulberry32: small, fast, good enough to spread the cases, and replayable. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    chance: (p) => next() < p,
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    uuid() {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16));
      hex[12] = '4';
      hex[16] = '89ab'[int(4)]!;
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

/** A 32-bit hash of a string (FNV-1a): one sub-seed per route, so a route's cases do not depend on the routes before it. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The tables whose ids fit a name: a path parameter (`consentId`, or `id`
 * after `/measure-kinds/`) or a property (`orpUserId`, `followingInstitutionIds`).
 * Tried in order: the whole name, then its last word, as the table's name or
 * part of it (`followUp` → insertion_follow_ups). Empty when nothing fits.
 */
export function tablesForName(name: string, tables: readonly string[]): string[] {
  const words = name
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-\s]+/)
    .filter(Boolean);
  if (!words.length) return [];
  const singular = (w: string) => w.replace(/s$/, '');
  for (const candidate of [words.join('_'), words.at(-1)!].map(singular)) {
    const exact = tables.filter((t) => t === candidate || t === `${candidate}s`);
    if (exact.length) return exact;
    const partial = tables.filter((t) => t.includes(candidate));
    if (partial.length) return partial;
  }
  return [];
}

/** Real ids to use: those of the records a name points to, and those of records of any other kind. */
export interface IdSource {
  own(name: string): string[];
  others(name: string): string[];
}

export interface FuzzRequest {
  /** What was done, for the report: `body.person.birthDate: null`. */
  label: string;
  method: ApiRoute['method'];
  url: string;
  /** JSON text, raw bytes, or nothing. */
  payload?: string | Buffer;
  contentType?: string;
  /** Headers added to (or replacing) the caller's: a forged cookie, another site's Origin. */
  headers?: Record<string, string>;
}

const RAW = /"@@raw:([^"@]*)@@"/g;
/** A token written into the JSON text as is (`1e999` parses to Infinity; JSON.stringify cannot write it). */
const raw = (token: string) => `@@raw:${token}@@`;
export const toJsonText = (value: unknown) => JSON.stringify(value).replace(RAW, '$1');

const typeOf = (schema: JsonSchema | undefined): string | undefined =>
  !schema
    ? undefined
    : Array.isArray(schema.type)
      ? schema.type.find((t) => t !== 'null')
      : (schema.type ?? schema.anyOf?.map(typeOf).find(Boolean) ?? schema.oneOf?.map(typeOf).find(Boolean));

/** Properties of an object schema, with those of its union branches. */
function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  if (!schema) return {};
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return Object.assign({}, ...branches.map(propertiesOf), schema.properties ?? {});
}
const itemsOf = (schema: JsonSchema | undefined): JsonSchema | undefined =>
  schema?.items ?? [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].map(itemsOf).find(Boolean);
const isUuid = (schema: JsonSchema | undefined, name: string) =>
  schema?.format === 'uuid' ||
  [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].some((s) => s.format === 'uuid') ||
  /Ids?$/.test(name);
const formatOf = (schema: JsonSchema | undefined): string | undefined =>
  schema?.format ?? [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].map(formatOf).find(Boolean);
const enumOf = (schema: JsonSchema | undefined): unknown[] | undefined =>
  schema?.enum ?? [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].map(enumOf).find(Boolean);

const VALID_DATES = ['2026-01-05', '2026-02-02', '2026-03-01', '2026-03-10'];

/** A value the schema accepts, with real ids where it asks for one (four times in five), optional properties half the time. */
export function sampleValue(schema: JsonSchema | undefined, name: string, rng: Rng, ids: IdSource, depth = 0): unknown {
  if (!schema) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return rng.pick(schema.enum);
  if (schema.anyOf?.length) {
    const branches = schema.anyOf.filter((s) => s.type !== 'null');
    return branches.length && !(schema.anyOf.length > branches.length && rng.chance(0.2))
      ? sampleValue(rng.pick(branches), name, rng, ids, depth)
      : null;
  }
  if (schema.oneOf?.length) return sampleValue(rng.pick(schema.oneOf), name, rng, ids, depth);
  if (schema.allOf?.length)
    return Object.assign({}, ...schema.allOf.map((s) => sampleValue(s, name, rng, ids, depth) as object));
  if (schema.nullable && rng.chance(0.15)) return null;
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(key) || (depth < 4 && rng.chance(0.5)))
          out[key] = sampleValue(property, key, rng, ids, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      const length = min + rng.int(Math.max(1, Math.min(schema.maxItems ?? min + 2, min + 2) - min + 1));
      return Array.from({ length }, () => sampleValue(schema.items, name, rng, ids, depth + 1));
    }
    case 'integer':
    case 'number': {
      const low = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -Infinity);
      const fits = [1, 2, 6, 100, 5000].filter((n) => n >= low && n <= (schema.maximum ?? Infinity));
      return fits.length ? rng.pick(fits) : sampleOf(schema);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      if (isUuid(schema, name)) {
        const own = ids.own(name);
        return own.length && rng.chance(0.8) ? rng.pick(own) : rng.uuid();
      }
      if (schema.format === 'date') return rng.pick(VALID_DATES);
      return sampleString(schema, rng);
  }
}

/** Words that fit the contracts' patterns (a month, a quarter, a canton, a code), and texts with accents, quotes and markup. */
const PATTERN_FITS = ['2026-Q1', '2026-01', '2026-02', '2026-01-05', 'VS', 'fz_code', 'fz-1', 'Texte', 'x'];
const TEXTS = [
  'Texte',
  'Évéquoz d’Anniviers',
  'Müller-Brändli',
  "O'Brien; DROP TABLE x",
  '<b>gras</b> & "guillemets"',
  'Ligne 1\nLigne 2',
];

function sampleString(schema: JsonSchema, rng: Rng): string {
  if (schema.pattern || schema.format) {
    if (!schema.pattern) return sampleOf(schema) as string;
    const re = new RegExp(schema.pattern);
    const fits = PATTERN_FITS.filter((c) => re.test(c));
    return fits.length ? rng.pick(fits) : (sampleOf(schema) as string);
  }
  const fits = TEXTS.filter((c) => c.length >= (schema.minLength ?? 0) && c.length <= (schema.maxLength ?? Infinity));
  return fits.length ? rng.pick(fits) : (sampleOf(schema) as string);
}

type Path = (string | number)[];
const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
const DELETE = Symbol('delete');

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

interface Target {
  path: Path;
  name: string;
  schema: JsonSchema | undefined;
  value: unknown;
}

/** Every property of the sample and of its schema (also the optional ones left out), and the first item of each array. */
function targetsOf(schema: JsonSchema | undefined, value: unknown, path: Path = [], depth = 0): Target[] {
  if (depth > 5) return [];
  const out: Target[] = [];
  if (Array.isArray(value)) {
    const items = itemsOf(schema);
    const name = String(path.at(-1) ?? 'body');
    out.push({ path: [...path, 0], name, schema: items, value: value[0] });
    if (value.length) out.push(...targetsOf(items, value[0], [...path, 0], depth + 1));
  } else if (value && typeof value === 'object') {
    const properties = propertiesOf(schema);
    for (const key of new Set([...Object.keys(value), ...Object.keys(properties)])) {
      const child = (value as Record<string, unknown>)[key];
      out.push({ path: [...path, key], name: key, schema: properties[key], value: child });
      out.push(...targetsOf(properties[key], child, [...path, key], depth + 1));
    }
  }
  return out;
}

interface Kind {
  label: string;
  applies?(t: Target): boolean;
  value(t: Target, rng: Rng, ids: IdSource): unknown;
}

/** What each property in turn is set to. */
const KINDS: Kind[] = [
  {
    label: 'wrong type',
    value: (t) =>
      typeof t.value === 'string' || typeOf(t.schema) === 'string'
        ? 12345
        : typeof t.value === 'number'
          ? '12'
          : typeof t.value === 'boolean'
            ? 'yes'
            : 'x',
  },
  { label: 'null', value: () => null },
  { label: 'empty string', value: () => '' },
  { label: '10,000 characters', value: () => 'é'.repeat(10_000) },
  { label: 'NUL byte', value: () => 'a\u0000b' },
  { label: 'lone surrogate', value: () => 'a\ud800b' },
  { label: 'LIKE wildcards', value: () => '%_\\' },
  { label: 'emoji and a right-to-left override', value: () => '👩‍👩‍👧 \u202eÉ' },
  { label: 'blanks only', value: () => ' \t\n ' },
  { label: 'huge number', value: () => raw('1e308') },
  { label: 'Infinity (1e999)', value: () => raw('1e999') },
  { label: 'beyond a safe integer', value: () => raw('9007199254740993') },
  { label: 'beyond int4', value: () => 2147483648 },
  { label: 'largest safe integer', value: () => Number.MAX_SAFE_INTEGER },
  { label: 'negative', value: () => -1 },
  { label: 'fractional', value: () => 0.5 },
  { label: 'NaN as text', value: () => 'NaN' },
  { label: 'array for a value', value: (t) => (Array.isArray(t.value) ? {} : [t.value ?? 1]) },
  {
    label: 'object for a value',
    value: (t) =>
      t.value && typeof t.value === 'object' && !Array.isArray(t.value) ? [t.value] : { value: t.value ?? 1 },
  },
  { label: 'missing', value: () => DELETE },
  { label: 'unknown property beside it', value: () => undefined },
  { label: 'not a uuid', applies: (t) => isUuid(t.schema, t.name), value: () => 'not-a-uuid' },
  { label: 'uuid of nothing', applies: (t) => isUuid(t.schema, t.name), value: (_, rng) => rng.uuid() },
  {
    label: 'uuid of another kind',
    applies: (t) => isUuid(t.schema, t.name),
    value: (t, rng, ids) => pickOr(rng, ids.others(t.name), rng.uuid()),
  },
  { label: 'nil uuid', applies: (t) => isUuid(t.schema, t.name), value: () => '00000000-0000-0000-0000-000000000000' },
  { label: 'max uuid', applies: (t) => isUuid(t.schema, t.name), value: () => 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
  { label: 'impossible date', applies: (t) => formatOf(t.schema) === 'date', value: () => '2026-02-30' },
  { label: 'year 0', applies: (t) => formatOf(t.schema) === 'date', value: () => '0000-01-01' },
  { label: 'year 9999', applies: (t) => formatOf(t.schema) === 'date', value: () => '9999-12-31' },
  {
    label: 'extreme fit of the pattern',
    applies: (t) => extremeFits(t.schema).length > 0,
    value: (t, rng) => rng.pick(extremeFits(t.schema)),
  },
  { label: 'unknown choice', applies: (t) => Boolean(enumOf(t.schema)), value: () => 'fuzz_choice' },
];
/** Values at the edges of what a pattern allows: year 0 and year 9999 of a month, a quarter, a date. */
const EXTREMES = ['0000-01', '9999-12', '0000-Q1', '9999-Q4', '0000-01-01', '9999-12-31', '2024-02-29'];
const patternOf = (schema: JsonSchema | undefined): string | undefined =>
  schema?.pattern ?? [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].map(patternOf).find(Boolean);
function extremeFits(schema: JsonSchema | undefined): string[] {
  const pattern = patternOf(schema);
  if (!pattern) return [];
  const re = new RegExp(pattern);
  return EXTREMES.filter((value) => re.test(value));
}
const pickOr = <T>(rng: Rng, items: readonly T[], fallback: T) => (items.length ? rng.pick(items) : fallback);

/** Mutations of a JSON value, round robin over its properties so that each is hit before any is hit twice. */
export function valueMutations(
  schema: JsonSchema | undefined,
  sample: unknown,
  rng: Rng,
  ids: IdSource,
): { label: string; value: unknown }[] {
  const perTarget = targetsOf(schema, sample).map((target) =>
    rng.shuffle(KINDS.filter((k) => k.applies?.(target) ?? true)).map((kind) => {
      const where = target.path.join('.');
      if (kind.label === 'unknown property beside it') {
        const parent = target.path.slice(0, -1);
        const holder = parent.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], sample);
        const value =
          holder && typeof holder === 'object' && !Array.isArray(holder)
            ? setAt(sample, [...parent, 'fuzzUnknown'], 1)
            : sample;
        return { label: `${where}: ${kind.label}`, value };
      }
      return { label: `${where}: ${kind.label}`, value: setAt(sample, target.path, kind.value(target, rng, ids)) };
    }),
  );
  rng.shuffle(perTarget);
  const out: { label: string; value: unknown }[] = [];
  for (let round = 0; perTarget.some((list) => round < list.length); round++) {
    for (const list of perTarget) if (round < list.length) out.push(list[round]!);
  }
  return out;
}

/** Query values as they go on the wire: each entry already percent-encoded. */
type QueryEntries = [string, string][];
const encodeValue = (value: unknown) => (Array.isArray(value) ? value.map(String).join(',') : String(value));
export const queryString = (entries: QueryEntries) =>
  entries.length ? `?${entries.map(([k, v]) => `${k}=${v}`).join('&')}` : '';

export function sampleQuery(route: ApiRoute, rng: Rng, ids: IdSource): QueryEntries {
  return route.query
    .filter((q) => q.required || rng.chance(0.5))
    .map((q) => [q.name, encodeURIComponent(encodeValue(sampleValue(q.schema, q.name, rng, ids)))]);
}

/** What each query parameter in turn is set to, already encoded: `%00`, broken UTF-8 and broken escapes as bytes on the wire. */
const QUERY_KINDS: {
  label: string;
  apply(entries: QueryEntries, name: string, rng: Rng, ids: IdSource, schema: JsonSchema): QueryEntries;
}[] = [
  { label: 'NUL byte (%00)', apply: (e, n) => withValue(e, n, '%00') },
  { label: 'NUL byte inside', apply: (e, n) => withValue(e, n, 'a%00b') },
  { label: 'broken UTF-8', apply: (e, n) => withValue(e, n, '%ED%A0%80') },
  { label: 'broken escape', apply: (e, n) => withValue(e, n, '%E0%A4%A') },
  { label: '10,000 characters', apply: (e, n) => withValue(e, n, 'x'.repeat(10_000)) },
  {
    label: 'repeated key',
    apply: (e, n, rng, ids) => [
      ...e.filter(([k]) => k !== n),
      [n, 'a'],
      [n, encodeURIComponent(pickOr(rng, ids.own(n), 'b'))],
    ],
  },
  { label: 'empty', apply: (e, n) => withValue(e, n, '') },
  { label: 'not a number', apply: (e, n) => withValue(e, n, 'abc') },
  { label: 'negative', apply: (e, n) => withValue(e, n, '-1') },
  { label: 'Infinity', apply: (e, n) => withValue(e, n, '1e999') },
  { label: 'huge number', apply: (e, n) => withValue(e, n, '1e300') },
  { label: 'beyond int4', apply: (e, n) => withValue(e, n, '2147483648') },
  { label: 'fractional', apply: (e, n) => withValue(e, n, '0.5') },
  { label: 'LIKE wildcards', apply: (e, n) => withValue(e, n, encodeURIComponent('%_\\')) },
  {
    label: 'extreme fit of the pattern',
    apply: (e, n, rng, _, schema) => withValue(e, n, pickOr(rng, extremeFits(schema), '9999-12-31')),
  },
  { label: 'uuid of nothing', apply: (e, n, rng) => withValue(e, n, rng.uuid()) },
  { label: 'uuid of another kind', apply: (e, n, rng, ids) => withValue(e, n, pickOr(rng, ids.others(n), rng.uuid())) },
  { label: 'missing', apply: (e, n) => e.filter(([k]) => k !== n) },
  { label: 'unknown parameter', apply: (e) => [...e, ['fuzzUnknown', '1']] },
  { label: 'bracket syntax', apply: (e, n) => [...e.filter(([k]) => k !== n), [`${n}[a]`, '1']] },
];
const withValue = (entries: QueryEntries, name: string, value: string): QueryEntries => [
  ...entries.filter(([k]) => k !== name),
  [name, value],
];

export function queryMutations(
  route: ApiRoute,
  sample: QueryEntries,
  rng: Rng,
  ids: IdSource,
): { label: string; query: QueryEntries }[] {
  const perParam = route.query.map((q) =>
    rng.shuffle([...QUERY_KINDS]).map((kind) => ({
      label: `query ${q.name}: ${kind.label}`,
      query: kind.apply(sample, q.name, rng, ids, q.schema),
    })),
  );
  const out: { label: string; query: QueryEntries }[] = [];
  for (let round = 0; perParam.some((list) => round < list.length); round++) {
    for (const list of perParam) if (round < list.length) out.push(list[round]!);
  }
  return out;
}

/** A path parameter in turn set to each of these (already encoded). */
export function pathMutations(name: string, rng: Rng, ids: IdSource): { label: string; value: string }[] {
  return [
    { label: 'not a uuid', value: 'not-a-uuid' },
    { label: 'a number', value: '12345' },
    { label: 'NUL byte', value: '%00' },
    { label: 'broken escape', value: '%E0%A4%A' },
    { label: '5,000 characters', value: 'a'.repeat(5_000) },
    { label: 'uuid of nothing', value: rng.uuid() },
    { label: 'uuid of another kind', value: pickOr(rng, ids.others(name), rng.uuid()) },
    { label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
    { label: 'upper-case uuid of a record', value: pickOr(rng, ids.own(name), rng.uuid()).toUpperCase() },
  ].map((m) => ({ label: `path ${name}: ${m.label}`, value: m.value }));
}

const prepend = (objectText: string, members: string) =>
  objectText.startsWith('{') ? `{${members}${objectText === '{}' ? '' : ','}${objectText.slice(1)}` : `{${members}}`;

/** The body as a whole: not JSON, the wrong JSON type, too large, too deep. */
export function wholeBodyMutations(sample: unknown): { label: string; payload?: string; contentType?: string }[] {
  const text = toJsonText(sample);
  return [
    { label: 'body: malformed JSON', payload: text.slice(0, Math.max(1, text.length - 1)) },
    { label: 'body: NaN token', payload: '{"version": NaN}' },
    { label: 'body: an array', payload: toJsonText([sample]) },
    { label: 'body: a string', payload: '"x"' },
    { label: 'body: null', payload: 'null' },
    { label: 'body: empty with a JSON type', payload: '' },
    { label: 'body: JSON sent as text/plain', payload: text, contentType: 'text/plain' },
    { label: 'body: form-encoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { label: 'body: 2,000 nested arrays', payload: `${'['.repeat(2000)}${']'.repeat(2000)}` },
    {
      label: 'body: over 1 MB',
      payload: toJsonText({ ...(sample && typeof sample === 'object' ? sample : {}), padding: 'x'.repeat(1_100_000) }),
    },
    { label: 'body: duplicate keys', payload: prepend(text, '"version":1,"version":"x"') },
    { label: 'body: __proto__ key', payload: prepend(text, '"__proto__":{"admin":true}') },
    { label: 'body: constructor.prototype key', payload: prepend(text, '"constructor":{"prototype":{"admin":true}}') },
  ];
}

/** The request's headers: a forged or broken session cookie, junk languages, another site, a spoofed client address. */
export function headerMutations(rng: Rng): { label: string; headers: Record<string, string> }[] {
  const token = Array.from({ length: 43 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789-_'[rng.int(38)]).join('');
  return [
    { label: 'header: forged session cookie', headers: { cookie: `tandem_session=${token}` } },
    {
      label: 'header: session cookie with %00 and a broken escape',
      headers: { cookie: 'tandem_session=a%00b%E0%A4%A' },
    },
    { label: 'header: 4,000-character session cookie', headers: { cookie: `tandem_session=${'a'.repeat(4_000)}` } },
    { label: 'header: two session cookies', headers: { cookie: `tandem_session=${token}; tandem_session=x` } },
    {
      label: 'header: junk Accept-Language',
      headers: { 'accept-language': 'xx-YY;q=abc, *;q=-1, de-CH-1996;q=0.5, ,,;' },
    },
    { label: 'header: Origin of another site', headers: { origin: 'https://evil.example' } },
    { label: 'header: Origin "null"', headers: { origin: 'null' } },
    {
      label: 'header: spoofed X-Forwarded-For and Host',
      headers: {
        'x-forwarded-for': '203.0.113.9, 10.0.0.1',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      },
    },
  ];
}
