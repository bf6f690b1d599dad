import { randomUUID } from 'node:crypto';
import type { InstitutionKind, Language, Role } from '../../domain/access/roles.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { Queryable } from '../open-db.ts';
import { communes, institutions, offices, regions, users } from '../schema.ts';

/**
 * Row factories shared by the demo seed and the tests, so that both build the
 * same shapes. Each takes overrides and fills the rest with plausible values.
 */
const hashes = new Map<string, Promise<string>>();
/** argon2 is slow on purpose: hash each distinct seed password once per process. */
export const cachedHash = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

const short = () => randomUUID().slice(0, 8);

export async function insertRegion(q: Queryable, o: Partial<typeof regions.$inferInsert> = {}) {
  const code = o.code ?? `R${short()}`;
  const [row] = await q
    .insert(regions)
    .values({ code, nameFr: `Région ${code}`, nameDe: `Region ${code}`, ...o })
    .returning();
  return row!;
}

let nextBfs = 9000;
export async function insertCommune(q: Queryable, o: Partial<typeof communes.$inferInsert> = {}) {
  const [row] = await q
    .insert(communes)
    .values({ bfsNumber: nextBfs++, name: `Commune ${short()}`, canton: 'VS', district: 'Sion', language: 'fr', ...o })
    .returning();
  return row!;
}

export async function insertInstitution(
  q: Queryable,
  o: Partial<typeof institutions.$inferInsert> & { kind?: InstitutionKind } = {},
) {
  const kind = o.kind ?? 'orp';
  const name = `${kind.toUpperCase()} ${short()}`;
  const [row] = await q
    .insert(institutions)
    .values({ kind, nameFr: name, nameDe: name, ...o })
    .returning();
  return row!;
}

export async function insertOffice(q: Queryable, o: Partial<typeof offices.$inferInsert> & { institutionId: string }) {
  const [row] = await q
    .insert(offices)
    .values({ name: `Office ${short()}`, ...o })
    .returning();
  return row!;
}

export async function insertUser(
  q: Queryable,
  o: Partial<typeof users.$inferInsert> & {
    institutionId: string;
    password?: string;
    roles?: Role[];
    language?: Language;
  },
) {
  const { password = 'correct-horse-battery', ...rest } = o;
  const username = (rest.username ?? `user.${short()}`).toLowerCase();
  const [row] = await q
    .insert(users)
    .values({
      givenName: 'Test',
      familyName: username,
      email: `${username}@example.ch`,
      roles: ['field_professional'],
      ...rest,
      username,
      passwordHash: rest.passwordHash ?? (await cachedHash(password)),
    })
    .returning();
  return row!;
}
