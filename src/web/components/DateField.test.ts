import { describe, expect, it } from 'vitest';
import { parseSwissDate } from './DateField.tsx';

describe('Swiss date input', () => {
  it('reads dd.mm.yyyy and refuses days that do not exist', () => {
    expect(parseSwissDate('05.01.2026')).toBe('2026-01-05');
    expect(parseSwissDate('5.1.2026')).toBe('2026-01-05');
    expect(parseSwissDate('29.02.2024')).toBe('2024-02-29');
    expect(parseSwissDate('29.02.2026')).toBeNull();
    expect(parseSwissDate('2026-01-05')).toBeNull();
    expect(parseSwissDate('')).toBeNull();
  });
});
