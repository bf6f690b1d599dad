import { describe, expect, it } from 'vitest';
import { ROLES, INSTITUTION_KINDS } from '../../domain/access/roles.ts';
import { de } from './de/index.ts';
import { fr } from './fr/index.ts';

describe('web dictionaries', () => {
  it('have the same keys in French and German, none empty, same placeholders', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(de[key].trim(), key).not.toBe('');
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(de[key]), key).toEqual(placeholders(fr[key]));
    }
  });
  it('name every role and institution kind', () => {
    for (const role of ROLES) expect(fr).toHaveProperty(`role.${role}`);
    for (const kind of INSTITUTION_KINDS) expect(fr).toHaveProperty(`kind.${kind}`);
  });
});
