import { count } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { users } from '../schema.ts';
import { DEMO_USERS, demoCanton } from './demo-canton.ts';
import { insertInstitution, insertUser } from './factories.ts';
import { found } from './found.ts';

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * The demo canton of README.md, in one transaction: all of it or nothing.
 * `passwordHash` is DEMO_PASSWORD hashed by the caller (the server hashes
 * passwords; the database layer does not import it).
 */
export async function seedDemoCanton(db: Db, o: { passwordHash: string }) {
  await db.transaction(async (tx) => {
    const refs = await demoCanton(tx);
    for (const u of DEMO_USERS) {
      const institution = found(refs.institutions[u.institution], `institution ${u.institution}`);
      await insertUser(tx, {
        username: u.username,
        givenName: u.givenName,
        familyName: u.familyName,
        email: `${u.username}@demo.tandem.vs.ch`,
        institutionId: institution.id,
        officeId: u.office ? found(refs.offices[u.office], `office ${u.office}`).id : null,
        regionId: u.region ? refs.regions[u.region].id : null,
        roles: [...u.roles],
        language: u.language,
        passwordHash: o.passwordHash,
      });
    }
  });
}

/** `npm start -- --empty`: one Bureau CII institution and one administrator who must change the password. */
export async function seedEmptyInstallation(db: Db, o: { adminPasswordHash: string }) {
  await db.transaction(async (tx) => {
    const bureau = await insertInstitution(tx, { kind: 'bureau_cii', nameFr: 'Bureau CII', nameDe: 'IIZ-Büro' });
    await insertUser(tx, {
      username: 'admin',
      givenName: 'Admin',
      familyName: 'Tandem',
      email: 'admin@localhost',
      institutionId: bureau.id,
      roles: ['admin'],
      mustChangePassword: true,
      passwordHash: o.adminPasswordHash,
    });
  });
}
