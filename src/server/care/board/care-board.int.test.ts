import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import type { AuthedContext } from '../../http/context.ts';
import { seedDemo } from '../../../test/demo-canton.ts';
import { openTestDatabase } from '../../../test/int-harness.ts';
import { getCareBoard } from './get-care-board.ts';

/**
 * The Bureau's region view on the demo canton (issue 12): every open assessment, round table and network follow-up
 * of the caller's regions, what each waits for and on whom — an assessment's from its contract (whose acceptance is
 * missing, the conformity check), by the MAMAC lane's rule — in one query, scoped by the regions.
 */
describe("the Bureau's view of every kind of care", () => {
  it('tells what each waits for and on whom, within the caller’s regions', async () => {
    const database = await openTestDatabase();
    try {
      const now = new Date('2026-11-30T10:00:00Z');
      const { actors } = await seedDemo(database, now);
      const ctxOf = (username: string, lang: 'fr' | 'de' = 'fr'): AuthedContext => ({
        db: database.db,
        config: parseConfig({}),
        now: () => now,
        ip: '127.0.0.1',
        lang,
        actor: actors.get(username)!,
      });
      const canton = await getCareBoard(ctxOf('cii.officer'), {});
      expect(canton.assessmentDetail).toBe(true);
      const kinds = new Set(canton.items.map((i) => i.kind));
      expect(kinds).toEqual(new Set(['assessment', 'round_table', 'network_follow_up']));
      const assessments = canton.items.filter((i) => i.kind === 'assessment');
      // To organise: the Bureau sets the date; held: the contract, its acceptances or the conformity check.
      expect(assessments.some((i) => i.waitWhat === 'date_to_set' && i.waitWho === 'bureau')).toBe(true);
      for (const i of assessments.filter((a) => a.status === 'held'))
        expect(['contract', 'contract_acceptance', 'conformity']).toContain(i.waitWhat);
      // The demo's contract waits for an institution and the person: named, the person as such.
      expect(assessments.find((a) => a.waitWhat === 'contract_acceptance')?.waitingOn).toEqual(
        expect.arrayContaining(['person', expect.stringMatching(/CMS/)]),
      );
      expect(assessments.some((i) => i.waitWhat === 'execution' && i.waitWho === 'case_manager')).toBe(true);
      expect(canton.items.some((i) => i.kind === 'network_follow_up' && i.waitWhat === 'review')).toBe(true);
      // Longest waiting first.
      const days = canton.items.map((i) => i.daysWaiting);
      expect(days).toEqual([...days].sort((a, b) => b - a));

      // A regional coordinator sees its region only.
      const brig = await getCareBoard(ctxOf('coord.brig', 'de'), {});
      const brigRegion = actors.get('coord.brig')!.regionId;
      expect(brig.items.length).toBeGreaterThan(0);
      expect(brig.items.every((i) => i.regionId === brigRegion)).toBe(true);
      expect(
        (await getCareBoard(ctxOf('coord.sion'), { kind: 'round_table' })).items.every((i) => i.kind === 'round_table'),
      ).toBe(true);
    } finally {
      await database.close();
    }
  });
});
