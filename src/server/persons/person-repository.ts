import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { DuplicateCandidate, PersonInput } from '../../contracts/situations.ts';
import { checkNavs13 } from '../../domain/person/navs13.ts';
import { personSearchName } from '../../domain/person/search-name.ts';
import { type FieldError, invalid } from '../../domain/errors.ts';
import type { Queryable } from '../../db/open-db.ts';
import { institutions, persons } from '../../db/schema.ts';

/** The NAVS13 in its written form, or a field error saying what is wrong with it. */
export function normaliseNavs13(input: string): { value: string | null; errors: FieldError[] } {
  if (!input.trim()) return { value: null, errors: [] };
  const result = checkNavs13(input);
  return result.ok
    ? { value: result.value, errors: [] }
    : { value: null, errors: [{ path: 'person.navs13', messageKey: `navs13.${result.problem}` }] };
}

/**
 * Existing persons that may be this one: the same NAVS13, or the same birth
 * date and the same names up to accents and case. Merged records are left out.
 */
export async function findDuplicates(q: Queryable, person: Pick<PersonInput, 'navs13' | 'officialName' | 'firstNames' | 'birthDate'>): Promise<DuplicateCandidate[]> {
  const navs = normaliseNavs13(person.navs13).value;
  const name = personSearchName(person.officialName, person.firstNames);
  const rows = await q
    .select({ person: persons, nameFr: institutions.nameFr })
    .from(persons)
    .innerJoin(institutions, eq(institutions.id, persons.createdByInstitutionId))
    .where(
      and(
        isNull(persons.mergedIntoId),
        or(navs ? eq(persons.navs13, navs) : sql`false`, and(eq(persons.birthDate, person.birthDate), eq(persons.searchName, name))),
      ),
    )
    .limit(10);
  return rows.map(({ person: p, nameFr }) => ({
    id: p.id,
    officialName: p.officialName,
    firstNames: p.firstNames,
    birthDate: p.birthDate,
    navs13: p.navs13 ?? '',
    matchedOn: navs && p.navs13 === navs ? 'navs13' : 'name_and_birth_date',
    createdByInstitutionName: nameFr,
  }));
}

export function personValues(input: PersonInput) {
  const navs = normaliseNavs13(input.navs13);
  if (navs.errors.length) throw invalid(navs.errors);
  return { ...input, navs13: navs.value, searchName: personSearchName(input.officialName, input.firstNames) };
}
