import type { FieldError } from '../errors.ts';

/**
 * A birth date is a day that has happened: today (a newborn's file) at the
 * latest. `today` is the Swiss calendar day (YYYY-MM-DD), given by the caller.
 */
export function checkBirthDate(birthDate: string, today: string, path = 'person.birthDate'): FieldError[] {
  return birthDate > today ? [{ path, messageKey: 'person.birthDateInFuture' }] : [];
}
