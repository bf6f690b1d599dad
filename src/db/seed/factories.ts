import { randomUUID } from 'node:crypto';
import type { InstitutionKind, Language, Role } from '../../domain/access/roles.ts';
import type { Queryable } from '../open-db.ts';
import { communes, institutions, offices, regions, users } from '../schema.ts';
import { oneRow } from '../one-row.ts';

/**
 * Row factories shared by the demo seed and the tests, so that both build the
 * same shapes. Each takes overrides and fills the rest with plausible values.
 */

/** The password of the users the factories make, unless given another hash. */
export const TEST_PASSWORD = 'correct-horse-battery';
/**
 * TEST_PASSWORD hashed once by the server's `hashPassword` (argon2id). Given as
 * a constant so that the database layer needs no hasher, nor the server
 * (src/server/auth/passwords.test.ts checks that it verifies); callers with
 * another password hash it themselves and pass `passwordHash`.
 */
export const TEST_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$' + 'zhozfnR6r3PQe7PS0hRkBg$eBvLv4j9H0XDAXgNvqlo/pu32187pVjXrkQo6zRFv98';

const short = () => randomUUID().slice(0, 8);

export async function insertRegion(q: Queryable, o: Partial<typeof regions.$inferInsert> = {}) {
  const code = o.code ?? `R${short()}`;
  return oneRow(
    await q
      .insert(regions)
      .values({ code, nameFr: `Région ${code}`, nameDe: `Region ${code}`, ...o })
      .returning(),
  );
}

let nextBfs = 9000;
export async function insertCommune(q: Queryable, o: Partial<typeof communes.$inferInsert> = {}) {
  return oneRow(
    await q
      .insert(communes)
      .values({
        bfsNumber: nextBfs++,
        name: `Commune ${short()}`,
        canton: 'VS',
        district: 'Sion',
        language: 'fr',
        ...o,
      })
      .returning(),
  );
}

export async function insertInstitution(
  q: Queryable,
  o: Partial<typeof institutions.$inferInsert> & { kind?: InstitutionKind } = {},
) {
  const kind = o.kind ?? 'orp';
  const name = `${kind.toUpperCase()} ${short()}`;
  return oneRow(
    await q
      .insert(institutions)
      .values({ kind, nameFr: name, nameDe: name, ...o })
      .returning(),
  );
}

export async function insertOffice(q: Queryable, o: Partial<typeof offices.$inferInsert> & { institutionId: string }) {
  return oneRow(
    await q
      .insert(offices)
      .values({ name: `Office ${short()}`, ...o })
      .returning(),
  );
}

export async function insertUser(
  q: Queryable,
  o: Partial<typeof users.$inferInsert> & {
    institutionId: string;
    roles?: Role[];
    language?: Language;
  },
) {
  const { passwordHash = TEST_PASSWORD_HASH, ...rest } = o;
  const username = (rest.username ?? `user.${short()}`).toLowerCase();
  return oneRow(
    await q
      .insert(users)
      .values({
        givenName: 'Test',
        familyName: username,
        email: `${username}@example.ch`,
        roles: ['field_professional'],
        ...rest,
        username,
        passwordHash,
      })
      .returning(),
  );
}
