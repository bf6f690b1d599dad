import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { DuplicateCandidate, PersonInput } from '../../contracts/situations.ts';
import { checkNavs13 } from '../../domain/person/navs13.ts';
import { personSearchName } from '../../domain/person/search-name.ts';
import { type FieldError, invalid } from '../../domain/errors.ts';
import { type Queryable, queryRows } from '../../db/open-db.ts';
import { institutions, persons, situations } from '../../db/schema.ts';
import type { Actor } from '../../domain/access/roles.ts';
import { type AccessClock, situationAccessSql } from '../situations/situation-access-sql.ts';

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
export async function findDuplicates(
  q: Queryable,
  person: Pick<PersonInput, 'navs13' | 'officialName' | 'firstNames' | 'birthDate'>,
): Promise<DuplicateCandidate[]> {
  const navs = normaliseNavs13(person.navs13).value;
  const name = personSearchName(person.officialName, person.firstNames);
  const rows = await q
    .select({ person: persons, nameFr: institutions.nameFr })
    .from(persons)
    .innerJoin(institutions, eq(institutions.id, persons.createdByInstitutionId))
    .where(
      and(
        isNull(persons.mergedIntoId),
        or(
          navs ? eq(persons.navs13, navs) : sql`false`,
          and(eq(persons.birthDate, person.birthDate), eq(persons.searchName, name)),
        ),
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

/**
 * The persons whose record an actor may see and reference (a new draft, a
 * merge): those they entered themselves, and those they already see in a file
 * — `read_identity` on one of the person's situations, under the very rules
 * of decision 005. Working at an institution that entered the person, or that
 * a procuration names, is not enough: a person id is not a key to the
 * person's data, and need to know holds inside an institution (issue 9).
 */
export async function usablePersonIds(
  q: Queryable,
  actor: Actor,
  personIds: readonly string[],
  clock: AccessClock,
): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    q,
    sql`SELECT p.id FROM persons p
        WHERE p.id IN (${sql.join(
          personIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          AND (p.created_by_user_id = ${actor.userId}::uuid
            OR EXISTS (SELECT 1 FROM ${situations}
              WHERE ${situations.personId} = p.id AND ${situationAccessSql('read_identity', actor, clock)}))`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * What the duplicate check may tell: everything of a record the caller may use;
 * of anyone else's only that it exists, how it matched and who entered it —
 * with the name, birth date and NAVS13 the caller typed, never the record's own.
 */
export function presentCandidate(
  c: DuplicateCandidate,
  typed: Pick<PersonInput, 'navs13' | 'officialName' | 'firstNames' | 'birthDate'>,
  usable: boolean,
) {
  if (usable) return { ...c, usable };
  // Not even which institution entered the person: that would tell who follows them.
  return {
    ...c,
    officialName: typed.officialName,
    firstNames: typed.firstNames,
    birthDate: typed.birthDate,
    navs13: c.matchedOn === 'navs13' ? c.navs13 : '',
    createdByInstitutionName: '',
    usable,
  };
}

export function personValues(input: PersonInput) {
  const navs = normaliseNavs13(input.navs13);
  if (navs.errors.length) throw invalid(navs.errors);
  return { ...input, navs13: navs.value, searchName: personSearchName(input.officialName, input.firstNames) };
}
