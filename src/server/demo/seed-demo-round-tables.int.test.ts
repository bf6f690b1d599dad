import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { carePassages, situations } from '../../db/schema.ts';
import { seedDemo } from '../../test/demo-canton.ts';
import { openTestDatabase } from '../../test/int-harness.ts';

/**
 * The demo canton's round tables and network follow-up (issue 12): one at every state, whatever the clock says,
 * made through the same use cases as the screens.
 */
describe('the demo round tables', () => {
  for (const clock of ['2022-11-15', '2026-11-30']) {
    it(`are at every state with the clock at ${clock}`, async () => {
      const database = await openTestDatabase();
      try {
        await seedDemo(database, new Date(`${clock}T10:00:00Z`));
        const rows = await database.db
          .select({ kind: carePassages.kind, status: carePassages.status, outcome: carePassages.outcome })
          .from(carePassages)
          .innerJoin(situations, eq(situations.id, carePassages.situationId))
          .where(eq(carePassages.kind, 'round_table'));
        const states = rows.map((r) => `${r.status}:${r.outcome ?? ''}`).sort();
        expect(states).toEqual(
          expect.arrayContaining([
            'in_preparation:',
            'scheduled:',
            'held:pending',
            'ended:inserted',
            'ended:oriented_tandem',
            'ended:oriented_network_follow_up',
          ]),
        );
        const network = await database.db.select().from(carePassages).where(eq(carePassages.kind, 'network_follow_up'));
        expect(network.some((n) => n.endedAt === null && n.reviewOn !== null)).toBe(true);
      } finally {
        await database.close();
      }
    });
  }
});
