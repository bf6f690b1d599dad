import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../contracts/common.ts';
import type { Language } from '../../domain/access/roles.ts';
import { DomainError, type ErrorCode, type FieldError } from '../../domain/errors.ts';
import { translate } from '../i18n/messages.ts';

/** The one table from error codes to HTTP statuses. */
export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** A zod issue as a field error with a translated message. */
export function fieldErrorFromZod(issue: ZodIssueLike): FieldError {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      return { path, messageKey: /received undefined/.test(issue.message) ? 'field.required' : 'field.invalidType' };
    case 'too_small':
      if (p.origin === 'string') {
        return Number(p.minimum) <= 1 ? { path, messageKey: 'field.required' } : { path, messageKey: 'field.tooShort', params: { min: Number(p.minimum) } };
      }
      if (p.origin === 'array') return { path, messageKey: path === 'roles' ? 'user.rolesRequired' : 'field.chooseAtLeastOne' };
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

function body(lang: Language, code: string, messageKey: string, params?: Record<string, string | number>, fields?: FieldError[]): ErrorBody {
  return {
    error: {
      code,
      message: translate(lang, messageKey, params),
      ...(fields && fields.length
        ? { fields: fields.map((f) => ({ path: f.path, message: translate(lang, f.messageKey, f.params) })) }
        : {}),
    },
  };
}

export function languageOf(request: FastifyRequest): Language {
  return request.ctx?.lang ?? 'fr';
}

export function handleError(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(request);
  if (error instanceof DomainError) {
    if (error.code === 'rate_limited') reply.header('retry-after', String(Number(error.params.minutes ?? 1) * 60));
    return reply.code(STATUS[error.code]).send(body(lang, error.code, error.messageKey, error.params, error.fields));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = (error.validation as unknown as ZodIssueLike[]).map(fieldErrorFromZod);
    return reply.code(400).send(body(lang, 'validation', 'error.validation', {}, fields));
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 413) return reply.code(413).send(body(lang, 'payload_too_large', 'error.payloadTooLarge'));
  if (status >= 400 && status < 500) return reply.code(status).send(body(lang, 'bad_request', 'error.badRequest'));
  // Logged without the request body or URL parameters: they may carry personal data.
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack }, route: request.routeOptions.url }, 'request failed');
  return reply.code(500).send(body(lang, 'internal', 'error.internal'));
}
