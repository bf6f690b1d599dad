import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldError, invalid } from '../../domain/errors.ts';

/**
 * Refuses, on every route, strings that no text column can hold: a NUL
 * character (PostgreSQL's text type cannot store U+0000 and fails the whole
 * query with 22021) and lone UTF-16 surrogates (not valid Unicode; they would
 * be silently replaced on the way to the database). Checked once for all
 * routes, in query string, path parameters and JSON body, before the zod
 * schemas run — a schema written tomorrow with a bare `z.string()` is covered
 * too. Binary bodies (attachments) are Buffers and are left alone.
 */
const MAX_REPORTED = 20;

export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const fields: FieldError[] = [];
    for (const part of [request.params, request.query, request.body]) collect(part, [], fields);
    if (fields.length) throw invalid(fields);
  });
}

// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one (code units, no `u` flag).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for (PostgreSQL text cannot hold it)
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** True for a string that a PostgreSQL text column can store as typed. */
export const isStorableText = (value: string) => !UNSTORABLE.test(value);

function collect(value: unknown, path: string[], out: FieldError[], depth = 0): void {
  if (out.length >= MAX_REPORTED || depth > 64) return;
  if (typeof value === 'string') {
    if (!isStorableText(value)) out.push({ path: path.join('.'), messageKey: 'field.badCharacter' });
    return;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) collect(item, [...path, String(i)], out, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    // A bad character in a key is reported without echoing the key itself.
    if (!isStorableText(key)) {
      out.push({ path: path.join('.'), messageKey: 'field.badCharacter' });
      continue;
    }
    collect(item, [...path, key], out, depth + 1);
  }
}
