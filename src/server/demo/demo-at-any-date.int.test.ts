import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { alerts, carePassages, measureKinds, measures, objectivesContracts, users } from '../../db/schema.ts';
import { ruleSetAt } from '../../domain/measures/rule-sets.ts';
import { seedDemo } from '../../test/demo-canton.ts';
import { openTestDatabase } from '../../test/int-harness.ts';

/**
 * Issue 11: `npm start` seeds the demo canton whatever the clock says — before 2023 a LIAS measure has no SAS step,
 * so the demo must not ask the SAS to decide one. Every measure follows the route of the rules in force on the day
 * it was proposed, and the MIP ends on the last day of its sixth month.
 */
describe('the demo canton seeds at any date', () => {
  for (const clock of ['2021-06-01', '2022-11-15', '2023-03-01', '2026-11-30', '2031-01-01']) {
    it(`with the clock at ${clock}`, async () => {
      const database = await openTestDatabase();
      try {
        await seedDemo(database, new Date(`${clock}T10:00:00Z`));
        const rows = await database.db
          .select({
            code: measureKinds.code,
            ruleSet: measures.ruleSet,
            route: measures.route,
            proposedAt: measures.proposedAt,
            startOn: measures.startOn,
            endOn: measures.endOn,
            startedOn: measures.startedOn,
          })
          .from(measures)
          .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId));
        expect(rows.length).toBeGreaterThan(5);
        for (const r of rows) {
          const day = r.proposedAt.toISOString().slice(0, 10);
          expect([r.code, day, r.ruleSet]).toEqual([r.code, day, ruleSetAt(day).id]);
          // Proposed by the clock at the latest: nothing of the demo lies in its future.
          expect(day <= clock).toBe(true);
          // Nothing started after the clock.
          if (r.startedOn) expect(r.startedOn <= clock).toBe(true);
        }
        const mip = rows.find((r) => r.code === 'mip');
        // The 2022 file with its MIP exists whenever its story lies in the past of the clock.
        if (clock >= '2023-04-01') {
          expect(mip).toMatchObject({ ruleSet: 'lias_commune', route: ['commune'], endOn: '2023-03-31' });
        }
        // The 2022 story is told earlier when the clock is before its end, still under the rules before 2023.
        expect(mip).toMatchObject({ ruleSet: 'lias_commune', route: ['commune'] });
        expect(mip?.endOn.slice(5)).toBe('03-31');
        expect(mip?.endOn && mip.endOn < clock).toBe(true);
        // MAMAC assessments at every state (issue 12), none begun after the clock; a contract in its second version.
        const passages = await database.db.select().from(carePassages).where(eq(carePassages.kind, 'assessment'));
        expect(new Set(passages.map((p) => p.outcome ?? p.status))).toEqual(
          new Set(['to_organise', 'scheduled', 'held', 'in_execution', 'inserted']),
        );
        for (const p of passages) expect(p.startedAt.getTime()).toBeLessThanOrEqual(Date.parse(`${clock}T10:00:00Z`));
        const contracts = await database.db.select().from(objectivesContracts);
        expect(contracts.filter((c) => c.status === 'superseded').map((c) => c.versionNo)).toEqual([1]);
        // Issue 14: the OAI's correspondent finds a co-follow-up alert on first start, the ORP's an early one.
        const byInstitution = async (username: string) => {
          const [u] = await database.db.select().from(users).where(eq(users.username, username));
          const rows = await database.db
            .select()
            .from(alerts)
            .where(eq(alerts.institutionId, u?.institutionId ?? ''));
          return rows.filter((a) => a.state === 'open').map((a) => a.rule);
        };
        expect(await byInstitution('oai.repondant')).toEqual(['co_follow_up']);
        expect((await byInstitution('orp.repondant')).sort()).toEqual(['co_follow_up', 'laci_end_risk']);
      } finally {
        await database.close();
      }
    });
  }
});
