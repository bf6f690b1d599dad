import { describe, expect, it } from 'vitest';
import { databaseErrorOf, errorFacts } from './error-facts.ts';

class QueryError extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}
const databaseError = (code: string) =>
  Object.assign(new Error('duplicate key value (email)=(anna@example.ch)'), {
    name: 'error',
    code,
    severity: 'ERROR',
    constraint: 'users_email_key',
    detail: 'Key (email)=(anna@example.ch) already exists.',
  });

describe('error facts for the log', () => {
  it('keep the class, SQLSTATE, constraint and the wrapped classes, never a message', () => {
    const error = new QueryError(
      'Failed query: insert into users values ($1)\nparams: anna@example.ch',
      databaseError('23505'),
    );
    const facts = errorFacts(error);
    expect(facts).toMatchObject({
      type: 'QueryError',
      code: '23505',
      constraint: 'users_email_key',
      causes: ['DatabaseError'],
    });
    expect(JSON.stringify(facts)).not.toContain('anna');
    expect(databaseErrorOf(error)).toEqual({ code: '23505', constraint: 'users_email_key' });
  });

  it('keep stack frames, but not a message line that looks like one', () => {
    const error = new QueryError(
      'Failed query: update meetings set notes = $1\nparams: Rendez-vous\n    at home (Rue des Secrets:1:2)',
      null,
    );
    const facts = errorFacts(error);
    expect(facts.frames?.length).toBeGreaterThan(0);
    expect(facts.frames!.every((frame) => frame.startsWith('at '))).toBe(true);
    expect(JSON.stringify(facts)).not.toMatch(/Secrets|Rendez-vous|notes/);
  });

  it('keep an errno-style code and nothing of a non-database error’s message', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED to smtp for anna@example.ch'), {
      code: 'ECONNREFUSED',
    });
    expect(errorFacts(error)).toMatchObject({ type: 'Error', code: 'ECONNREFUSED' });
    expect(JSON.stringify(errorFacts(error))).not.toContain('anna');
    expect(databaseErrorOf(error)).toBeNull();
    expect(errorFacts('a thrown string with anna@example.ch')).toEqual({ type: 'string' });
  });
});
