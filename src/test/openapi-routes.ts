import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The API as its OpenAPI document describes it, for tests that must cover
 * every route without a hand-kept list (the access matrix, the fuzz run): a
 * route added tomorrow is in them tomorrow.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  nullable?: boolean;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form: /api/situations/{id}. */
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
  /** The body is raw bytes (attachments), not JSON. */
  rawBody: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export function listApiRoutes(app: FastifyInstance): ApiRoute[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? [];
      const json = op.requestBody?.content['application/json']?.schema ?? null;
      routes.push({
        method: method.toUpperCase() as ApiRoute['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema })),
        body: json,
        rawBody: path.endsWith('/attachments') && method === 'post',
      });
    }
  }
  return routes;
}

/** The route's URL with its path parameters filled in (unnamed ones get a fresh id). */
export function urlOf(route: ApiRoute, params: Record<string, string>, query: Record<string, string> = {}): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? randomUUID()));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** A value the schema accepts: required properties only, the smallest allowed sizes, the first choice. */
export function sampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return sampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]);
  if (schema.oneOf?.length) return sampleOf(schema.oneOf[0]);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = sampleOf(schema.properties?.[name]);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return sampleString(schema);
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date') return '2026-01-05';
  if (schema.format === 'date-time') return '2026-01-05T08:00:00.000Z';
  if (schema.format === 'email') return 'someone@example.ch';
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    const fit = ['2026-Q1', '2026-01', '2026-01-05', randomUUID(), 'Texte', 'x'].find((c) => re.test(c));
    if (fit) return fit;
  }
  const min = Math.max(schema.minLength ?? 1, 1);
  return 'Texte'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(5, schema.maxLength ?? 5)));
}
