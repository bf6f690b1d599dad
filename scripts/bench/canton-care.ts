import type { Loader } from './loader.ts';
import { type Generation, randomSql, tsLit } from './sql-random.ts';

/**
 * Each oriented situation's stay in its kind of care (care_passages, the rows
 * the figures count; src/domain/care/passage.ts), from the plan and the
 * mandates: a tandem waits for its mandate, runs with it, and ends with the
 * mandate's closure and outcome; an assessment or a round table decided more
 * than two months before `asOf` is in execution or held (pending), a younger
 * one is still being organised; a network follow-up is active. The plan
 * closes only tandems (canton-plan.ts), so only tandem passages end.
 */
export async function insertCarePassages(loader: Loader, g: Generation) {
  const { uuid } = randomSql(g.seed);
  const asOf = tsLit(g.asOf);
  await loader.exec(
    'care passages',
    `INSERT INTO care_passages (id, situation_id, kind, status, started_at, started_by_user_id, responsible_user_id,
       ended_at, ended_by_user_id, outcome, mandate_id, created_at, updated_at)
     SELECT ${uuid('passage', 's.i')}, s.id, s.decision::care_kind,
       CASE WHEN s.decision = 'tandem' THEN CASE WHEN s.closed_at IS NOT NULL THEN 'ended'
                                                 WHEN s.start_on IS NOT NULL THEN 'active' ELSE 'waiting_tandem' END
            WHEN s.decision = 'assessment'
              THEN CASE WHEN s.decided_at < ${asOf} - interval '60 days' THEN 'in_execution' ELSE 'to_organise' END
            WHEN s.decision = 'round_table'
              THEN CASE WHEN s.decided_at < ${asOf} - interval '60 days' THEN 'held' ELSE 'in_preparation' END
            ELSE 'active' END,
       s.decided_at, s.coordinator,
       CASE WHEN s.decision IN ('assessment', 'round_table') THEN s.coordinator END,
       s.closed_at, CASE WHEN s.closed_at IS NOT NULL THEN m.lead_user_id END, m.outcome::text,
       s.mandate_id, s.decided_at, coalesce(s.closed_at, s.decided_at)
     FROM bench_gen.sit s LEFT JOIN mandates m ON m.id = s.mandate_id
     WHERE s.decided_at IS NOT NULL AND s.decision <> 'refused';
     ANALYZE care_passages;`,
  );
}
