import { describe, expect, it } from 'vitest';
import { checkBirthDate } from './birth-date.ts';

describe('birth date', () => {
  it('may be today or earlier, never in the future', () => {
    expect(checkBirthDate('2026-03-10', '2026-03-10')).toEqual([]);
    expect(checkBirthDate('1950-01-01', '2026-03-10')).toEqual([]);
    expect(checkBirthDate('2026-03-11', '2026-03-10')).toEqual([
      { path: 'person.birthDate', messageKey: 'person.birthDateInFuture' },
    ]);
    expect(checkBirthDate('2027-01-01', '2026-12-31', 'birthDate')[0]?.path).toBe('birthDate');
  });
});
