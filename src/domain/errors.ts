/**
 * The one error type the domain and the use cases throw. The HTTP layer maps
 * each code to a status in one table (src/server/http/error-handler.ts) and
 * translates `messageKey` into the caller's language; nothing else reaches a
 * client.
 */
export const ERROR_CODES = [
  'validation', // 400: bad input, field-level details in `fields`
  'unauthenticated', // 401: no or expired session
  'forbidden', // 403: only for actions that are not about a record (e.g. admin screens)
  'not_found', // 404: absent OR not visible to the caller — the same answer for both
  'conflict', // 409: the row changed since the caller read it
  'rate_limited', // 429: too many attempts
  'unavailable', // 503: the server is overloaded or a query ran too long; retry later (Retry-After)
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  path: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];

  constructor(
    code: ErrorCode,
    messageKey: string,
    options: { params?: Record<string, string | number>; fields?: FieldError[] } = {},
  ) {
    super(messageKey);
    this.name = 'DomainError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
  }
}

export const notFound = () => new DomainError('not_found', 'error.notFound');
export const conflict = () => new DomainError('conflict', 'error.conflict');
export const invalid = (fields: FieldError[]) => new DomainError('validation', 'error.validation', { fields });
