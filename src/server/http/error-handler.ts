import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../contracts/common.ts';
import type { Language } from '../../domain/access/roles.ts';
import { DomainError, type ErrorCode, type FieldError } from '../../domain/errors.ts';
import { hasVisibleText } from '../../domain/text/visible-text.ts';
import { languageFromHeader, translate } from '../i18n/messages.ts';
import { databaseErrorOf, errorFacts } from './error-facts.ts';
import { overloadSeen } from './load-guard.ts';

/** The one table from error codes to HTTP statuses. */
export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** How long a client should wait before retrying when the server is busy. */
export const BUSY_RETRY_SECONDS = 5;
const busy = () => new DomainError('unavailable', 'error.busy', { params: { retryAfterSeconds: BUSY_RETRY_SECONDS } });

/**
 * A safety net for what a use case did not check before writing: PostgreSQL
 * errors caused by the request's data become the DomainError the use case
 * should have thrown, without a word of the database's message. The use cases
 * still check what they can name a field for (e.g. an unknown commune).
 */
const DATABASE_ERRORS: Record<string, () => DomainError> = {
  '23503': () => new DomainError('validation', 'error.unknownReference'), // foreign_key_violation
  '23505': () => new DomainError('conflict', 'error.duplicate'), // unique_violation
  '22021': () => new DomainError('validation', 'error.badValue'), // character_not_in_repertoire (NUL, bad UTF-8)
  '22P02': () => new DomainError('validation', 'error.badValue'), // invalid_text_representation (uuid, number, enum)
  '22007': () => new DomainError('validation', 'error.badValue'), // invalid_datetime_format
  '22008': () => new DomainError('validation', 'error.badValue'), // datetime_field_overflow
  '22009': () => new DomainError('validation', 'error.badValue'), // invalid_time_zone_displacement_value
  '22001': () => new DomainError('validation', 'error.badValue'), // string_data_right_truncation
  '22003': () => new DomainError('validation', 'error.badValue'), // numeric_value_out_of_range
  // Not the request's fault: the server is busy. A 503 with Retry-After, quickly, instead of a hung screen.
  '57014': busy, // query_canceled: STATEMENT_TIMEOUT_MS reached
  '53300': busy, // too_many_connections
};

/** node-postgres' pool gave up waiting for a free connection (DATABASE_WAIT_MS): every connection is busy. */
function isPoolTimeout(error: unknown): boolean {
  // Drizzle wraps the driver's error in its own (as `cause`).
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.message === 'timeout exceeded when trying to connect') return true;
  }
  return false;
}

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** The value the caller sent at a zod issue's path (`/person/0/name`), or undefined. */
export function valueAt(input: unknown, instancePath: string): unknown {
  let value = input;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Nothing was given: absent, null, or text without a visible character (a cleared field, three zero-width spaces). */
const isMissing = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !hasVisibleText(value));

/**
 * A zod issue as a field error with a translated message. `input` is what the
 * caller sent (the body, the query): whatever rule a field breaks, a missing
 * required field says that it is required — not "invalid choice" for an enum,
 * not "invalid format" for a date — on every route.
 */
export function fieldErrorFromZod(issue: ZodIssueLike, input?: unknown): FieldError {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const p = issue.params;
  // A refinement names its own message (e.g. 'eligibility.justification_missing'): the most precise one.
  const named = issue.keyword === 'custom' ? (p.params as { messageKey?: unknown } | undefined)?.messageKey : undefined;
  if (typeof named === 'string') return { path, messageKey: named };
  if (input !== undefined && issue.keyword !== 'unrecognized_keys' && isMissing(valueAt(input, issue.instancePath))) {
    return { path, messageKey: 'field.required' };
  }
  switch (issue.keyword) {
    case 'invalid_type':
      return { path, messageKey: /received undefined/.test(issue.message) ? 'field.required' : 'field.invalidType' };
    case 'too_small':
      if (p.origin === 'string') {
        return Number(p.minimum) <= 1
          ? { path, messageKey: 'field.required' }
          : { path, messageKey: 'field.tooShort', params: { min: Number(p.minimum) } };
      }
      if (p.origin === 'array')
        return { path, messageKey: path === 'roles' ? 'user.rolesRequired' : 'field.chooseAtLeastOne' };
      return { path, messageKey: 'field.tooSmall', params: { min: Number(p.minimum) } };
    case 'too_big':
      return p.origin === 'string'
        ? { path, messageKey: 'field.tooLong', params: { max: Number(p.maximum) } }
        : { path, messageKey: 'field.tooBig', params: { max: Number(p.maximum) } };
    case 'invalid_format':
      return { path, messageKey: p.format === 'email' ? 'field.invalidEmail' : 'field.invalidFormat' };
    case 'invalid_value':
    case 'invalid_union':
      return { path, messageKey: 'field.invalidChoice' };
    case 'unrecognized_keys':
      return { path, messageKey: 'field.unknownField' };
    default:
      return { path, messageKey: 'field.invalidFormat' };
  }
}

/** Every problem at once, each field's message once (two rules broken by one empty field say "required" once). */
function uniqueFields(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.path}\u0000${f.messageKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function body(
  lang: Language,
  code: string,
  messageKey: string,
  params?: Record<string, string | number>,
  fields?: FieldError[],
): ErrorBody {
  return {
    error: {
      code,
      message: translate(lang, messageKey, params),
      ...(fields?.length
        ? { fields: fields.map((f) => ({ path: f.path, message: translate(lang, f.messageKey, f.params) })) }
        : {}),
    },
  };
}

/** The session's language, or before the session is read (origin check) the Accept-Language. */
export function languageOf(request: FastifyRequest): Language {
  return request.ctx?.lang ?? languageFromHeader(request.headers['accept-language']);
}

export function handleError(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(request);
  if (error instanceof DomainError) return sendDomainError(error, lang, reply);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as { validationContext?: string }).validationContext;
    const input =
      part === 'body'
        ? request.body
        : part === 'querystring'
          ? request.query
          : part === 'params'
            ? request.params
            : undefined;
    const fields = uniqueFields(
      (error.validation as unknown as ZodIssueLike[]).map((i) => fieldErrorFromZod(i, input)),
    );
    return reply.code(400).send(body(lang, 'validation', 'error.validation', {}, fields));
  }
  // Logged without the request body, URL parameters or the error's message: they may carry personal data.
  const log = { err: errorFacts(error), method: request.method, route: request.routeOptions.url ?? 'unmatched' };
  const database = databaseErrorOf(error);
  if (isPoolTimeout(error) || (database && DATABASE_ERRORS[database.code] === busy)) {
    request.log.warn(log, 'overloaded: answered 503');
    overloadSeen(request);
    return sendDomainError(busy(), lang, reply);
  }
  const mapped = database ? DATABASE_ERRORS[database.code]?.() : undefined;
  if (mapped) {
    // A use case let bad data reach the database: the caller gets a 4xx, the maintainers a line to find which.
    request.log.warn(log, 'database refused the request data');
    return sendDomainError(mapped, lang, reply);
  }
  const status = database ? 500 : ((error as FastifyError).statusCode ?? 500);
  if (status === 413) return reply.code(413).send(body(lang, 'payload_too_large', 'error.payloadTooLarge'));
  if (status >= 400 && status < 500) return reply.code(status).send(body(lang, 'bad_request', 'error.badRequest'));
  request.log.error(log, 'request failed');
  return reply.code(500).send(body(lang, 'internal', 'error.internal'));
}

function sendDomainError(error: DomainError, lang: Language, reply: FastifyReply) {
  if (error.code === 'rate_limited' || error.code === 'unavailable') {
    const seconds = Number(error.params.retryAfterSeconds ?? Number(error.params.minutes ?? 1) * 60);
    reply.header('retry-after', String(Math.max(1, Math.ceil(seconds))));
  }
  return reply.code(STATUS[error.code]).send(body(lang, error.code, error.messageKey, error.params, error.fields));
}
