import type { ErrorBody } from '../../contracts/common.ts';

/** The server's error, with its translated message and field messages by path. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Every message of a field, joined: two problems of one field are both shown. */
  readonly fields: Record<string, string>;
  /** The paths a field on screen has shown (see `fieldError`); the others go into the error's alert. */
  private readonly shown = new Set<string>();
  constructor(status: number, body: ErrorBody | null) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error.code ?? 'unknown';
    const fields: Record<string, string[]> = {};
    for (const f of body?.error.fields ?? []) {
      const messages = fields[f.path] ?? [];
      if (!messages.includes(f.message)) messages.push(f.message);
      fields[f.path] = messages;
    }
    this.fields = Object.fromEntries(Object.entries(fields).map(([path, m]) => [path, m.join(' ')]));
  }
  /** The message of one field, marked as shown beside it. */
  fieldMessage(path: string): string | undefined {
    this.shown.add(path);
    return this.fields[path];
  }
  /** The field messages no field on screen has shown. */
  unshownFieldMessages(): string[] {
    return [
      ...new Set(
        Object.entries(this.fields)
          .filter(([p]) => !this.shown.has(p))
          .map(([, m]) => m),
      ),
    ];
  }
}

let onUnauthenticated: () => void = () => {};
/** The app registers what to do when the session is gone (back to the sign-in page). */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

/**
 * The language the page shows, for the server's messages to someone not signed in (a wrong password on the German
 * sign-in page is answered in German); signed in, the profile's language wins on the server.
 */
const pageLanguage = () => ({
  'accept-language': typeof document === 'undefined' ? 'fr' : document.documentElement.lang,
});

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? pageLanguage() : { ...pageLanguage(), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/sign-in')) onUnauthenticated();
    throw new ApiError(response.status, data as ErrorBody | null);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);

export function query(params: Record<string, string | number | boolean | undefined | null>) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** A file sent as the raw body, typed by its content type (PDF, PNG, JPEG). */
export async function upload<T>(path: string, file: File): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...pageLanguage(), 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data as ErrorBody | null);
  return data as T;
}
