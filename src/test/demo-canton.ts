import { migrate } from '../db/migrate.ts';
import type { Database } from '../db/open-db.ts';
import { ensureMeasureCatalogue } from '../db/seed/measure-catalogue.ts';
import { DEMO_PASSWORD } from '../db/seed/demo-canton.ts';
import { seedDemoCanton } from '../db/seed/seed.ts';
import { users } from '../db/schema.ts';
import type { Actor } from '../domain/access/roles.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { parseConfig } from '../server/config.ts';
import { seedDemoMeasures } from '../server/demo/seed-demo-measures.ts';
import { seedDemoRoundTables } from '../server/demo/seed-demo-round-tables.ts';
import { seedDemoAssessments } from '../server/demo/seed-demo-assessments.ts';
import { seedDemoSituations } from '../server/demo/seed-demo-situations.ts';
import { seedDemoTandems } from '../server/demo/seed-demo-tandems.ts';
import { seedDemoHistory } from '../server/demo/seed-demo-history.ts';
import { seedDemoCaseloads } from '../server/demo/seed-demo-caseloads.ts';
import { derivedCaseloadKey } from '../server/alerts/caseload-key.ts';

/**
 * The demo canton of `npm start`, in a test database: the same users and
 * situations at every stage, made through the same use cases. Returns the
 * situations by the person's family name, and the demo users as actors.
 */
// argon2 is slow on purpose: hashed once per test process, not once per database.
let demoPasswordHash: Promise<string> | null = null;

export async function seedDemo(database: Database, now = new Date()) {
  await migrate(database);
  await ensureMeasureCatalogue(database.db);
  const config = parseConfig({});
  demoPasswordHash ??= hashPassword(DEMO_PASSWORD);
  await seedDemoCanton(database.db, { passwordHash: await demoPasswordHash });
  const situations = await seedDemoSituations(database.db, config, now);
  await seedDemoTandems(database.db, config, situations, now);
  await seedDemoMeasures(database.db, config, situations, now);
  await seedDemoRoundTables(database.db, config, now);
  await seedDemoAssessments(database.db, config, now);
  await seedDemoHistory(database.db, config, now);
  // Under the key the test app derives from the tests' audit key (int-harness.ts, TEST_AUDIT_KEY).
  const caseloadKey = derivedCaseloadKey(Buffer.from('test-audit-key-0123456789-abcdefghijklmnop', 'utf8'));
  await seedDemoCaseloads(database.db, config, { keys: [caseloadKey], file: null, source: 'derived' }, now);
  const rows = await database.db.select().from(users);
  const actors = new Map<string, Actor>(
    rows.map((u) => [
      u.username,
      { userId: u.id, institutionId: u.institutionId, regionId: u.regionId, roles: u.roles },
    ]),
  );
  return { situations, actors, users: rows };
}
