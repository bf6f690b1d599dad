/**
 * What may be logged about an error. Error messages are not: a failed query's
 * message quotes the statement and its parameters (names, birth dates,
 * addresses, e-mail addresses), and PostgreSQL's own messages and details
 * quote the offending values. Only the class, the SQLSTATE or system code,
 * the constraint name and the code locations of the stack are kept.
 */
export interface ErrorFacts {
  type: string;
  /** SQLSTATE for database errors; an errno-style code (ECONNREFUSED, EAUTH) otherwise. */
  code?: string;
  constraint?: string;
  /** Classes of the wrapped errors, outermost first (e.g. DrizzleQueryError ← DatabaseError). */
  causes?: string[];
  /** "at …" lines only: function names and file positions, never the message lines above them. */
  frames?: string[];
}

interface DatabaseErrorLike {
  code: string;
  constraint?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const SAFE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const SAFE_NAME = /^[A-Za-z0-9_$.]{1,80}$/;

// Both pg's and PGlite's errors carry the server's severity next to the SQLSTATE.
const isDatabaseError = (e: unknown): e is { code: string; severity: string; constraint?: unknown } =>
  !!e &&
  typeof e === 'object' &&
  typeof (e as { code?: unknown }).code === 'string' &&
  SQLSTATE.test((e as { code: string }).code) &&
  typeof (e as { severity?: unknown }).severity === 'string';

/** The PostgreSQL error behind an error (drizzle wraps the driver's error in `cause`), if any. */
export function databaseErrorOf(error: unknown): DatabaseErrorLike | null {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if (isDatabaseError(e))
      return { code: e.code, constraint: typeof e.constraint === 'string' ? e.constraint : undefined };
  }
  return null;
}

export function errorFacts(error: unknown): ErrorFacts {
  const name = (e: unknown) => {
    if (isDatabaseError(e)) return 'DatabaseError'; // pg names it "error", PGlite's class name is minified
    const own = e instanceof Error ? e.name : typeof e;
    const ctor = e && typeof e === 'object' ? (e as object).constructor?.name : undefined;
    // A subclass that does not set `name` still shows its own class.
    const chosen = own !== 'Error' ? own : ctor && ctor !== 'Object' ? ctor : own;
    return SAFE_NAME.test(chosen) ? chosen : 'Error';
  };
  const facts: ErrorFacts = { type: name(error) };
  const database = databaseErrorOf(error);
  if (database) {
    facts.code = database.code;
    if (database.constraint && SAFE_NAME.test(database.constraint)) facts.constraint = database.constraint;
  } else {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && SAFE_CODE.test(code)) facts.code = code;
  }
  const causes: string[] = [];
  for (
    let e = (error as { cause?: unknown } | null)?.cause, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  )
    causes.push(name(e));
  if (causes.length) facts.causes = causes;
  const frames = error instanceof Error ? stackFrames(error) : [];
  if (frames.length) facts.frames = frames;
  return facts;
}

/**
 * The frames of a V8 stack, taken after the "Name: message" header it starts
 * with: a multi-line message (a query and its parameters) could otherwise
 * hold a line that looks like a frame. If the message is not where expected,
 * no frames at all.
 */
function stackFrames(error: Error): string[] {
  const stack = error.stack ?? '';
  const message = error.message;
  let rest: string;
  if (!message) {
    rest = stack.slice(stack.indexOf('\n') + 1);
  } else {
    // The header is "<class name at capture time>: <message>"; the message must sit on the first line.
    const at = stack.indexOf(message);
    if (at < 0 || stack.slice(0, at).includes('\n')) return [];
    rest = stack.slice(at + message.length);
  }
  return rest
    .split('\n')
    .filter((line) => /^ {4}at \S.*:\d+:\d+\)?$/.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
}
