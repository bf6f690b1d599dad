import { MEETING_NOTES, OBJECTIVE_TITLES } from './canton-vocabulary.ts';
import { atHour } from './canton-plan.ts';
import type { Loader } from './loader.ts';
import { type Generation, randomSql, tsLit } from './sql-random.ts';

/**
 * The tandems' work from the plan: mandates (who leads, who holds the file,
 * closures with outcomes, hand-backs — src/domain/tandem/file-holding.ts),
 * final reports before each closure, follow-ups of insertions, meetings about
 * every ten days of each mandate, objectives, one monthly report per mandate
 * month (sent once the month is over), and measures routed by the rules in force
 * on the day of the proposal (src/domain/measures/approval-route.ts) with a
 * decision row per step decided.
 */
export async function insertTandemWork(loader: Loader, g: Generation) {
  const { h, r, uuid, pick } = randomSql(g.seed);
  const asOf = tsLit(g.asOf);
  await loader.exec(
    'mandates and final reports',
    `CREATE TABLE bench_gen.man AS
     SELECT x.*,
       CASE WHEN x.closed_at IS NULL THEN x.lead
            WHEN x.hand_back_to IS NOT NULL THEN CASE WHEN x.handed_back_at IS NOT NULL THEN x.hand_back_to ELSE x.lead END
            ELSE coalesce(x.budget, x.lead) END AS holder,
       least(coalesce(x.closed_at, ${asOf}), ${asOf})::date AS last_day
     FROM (
       SELECT s.i, s.mandate_id AS id, s.id AS situation_id, s.person_id, s.region, s.ann_kind, s.announcer,
         s.coordinator, s.tandem, t.orp, t.cms, s.start_on, s.planned_end_on, s.end_on, s.extended, s.early,
         s.closed_at, least(s.decided_at + interval '3 hours', ${asOf}) AS assigned_at,
         CASE WHEN s.ann_kind = 'cms' THEN t.cms ELSE t.orp END AS lead,
         CASE WHEN s.ann_kind = 'cms' THEN s.announcer END AS budget,
         CASE WHEN s.ann_kind = 'orp' THEN s.announcer END AS hand_back_to,
         CASE WHEN s.closed_at IS NULL THEN NULL
              WHEN s.early THEN CASE WHEN ${r('s.i', 80)} < 0.35 THEN 'lack_of_cooperation'
                                     WHEN ${r('s.i', 80)} < 0.7 THEN 'unavailable' ELSE 'inserted' END
              WHEN ${r('s.i', 80)} < 0.45 THEN 'inserted' WHEN ${r('s.i', 80)} < 0.57 THEN 'social_aid_only'
              WHEN ${r('s.i', 80)} < 0.65 THEN 'disability_insurance' WHEN ${r('s.i', 80)} < 0.85 THEN 'network_follow_up'
              WHEN ${r('s.i', 80)} < 0.95 THEN 'unavailable' ELSE 'lack_of_cooperation' END AS outcome,
         CASE WHEN s.closed_at IS NOT NULL THEN greatest(s.start_on, s.closed_at::date - ${h('s.i', 81)} % 10) END AS outcome_on,
         CASE WHEN s.ann_kind = 'orp' AND s.closed_at IS NOT NULL AND ${r('s.i', 82)} < 0.9
                   AND s.closed_at + (1 + ${h('s.i', 83)} % 10) * interval '1 day' <= ${asOf}
              THEN s.closed_at + (1 + ${h('s.i', 83)} % 10) * interval '1 day' END AS handed_back_at
       FROM bench_gen.sit s JOIN bench_gen.tandem t ON t.id = s.tandem
       WHERE s.start_on IS NOT NULL
     ) x;
     ALTER TABLE bench_gen.man ADD PRIMARY KEY (i);
     ANALYZE bench_gen.man;
     INSERT INTO mandates (id, situation_id, tandem_id, start_on, planned_end_on, end_on, assigned_by_user_id,
       assigned_at, over_capacity, lead_user_id, budget_holder_user_id, hand_back_to_user_id, holder_user_id,
       report_recipient_ids, closed_at, outcome, outcome_on, insertion_employer, insertion_start_on,
       insertion_contract_type, insertion_rate_percent, handed_back_at, handed_back_by_user_id, hand_back_note,
       version, created_at, updated_at)
     SELECT m.id, m.situation_id, m.tandem, m.start_on, m.planned_end_on, m.end_on, m.coordinator, m.assigned_at,
       ${r('m.i', 84)} < 0.05, m.lead, m.budget, m.hand_back_to, m.holder, ARRAY[m.announcer], m.closed_at,
       m.outcome::outcome, m.outcome_on,
       CASE WHEN m.outcome = 'inserted' THEN ${pick(['Migros Valais', 'Coop Sion', 'Hôpital du Valais', 'Lonza AG', 'Commune de Sion', 'Bitz & Savoye', 'Matterhorn Gotthard Bahn'], 'm.i', 85)} END,
       CASE WHEN m.outcome = 'inserted' THEN m.outcome_on END,
       CASE WHEN m.outcome = 'inserted' THEN ${pick(['permanent', 'permanent', 'fixed_term', 'temporary', 'apprenticeship', 'ait_cofinanced'], 'm.i', 86)}::contract_type END,
       CASE WHEN m.outcome = 'inserted' THEN (ARRAY[50, 60, 80, 100, 100])[1 + ${h('m.i', 87)} % 5] END,
       m.handed_back_at, CASE WHEN m.handed_back_at IS NOT NULL THEN m.lead END,
       CASE WHEN m.handed_back_at IS NOT NULL THEN 'Dossier rendu avec le bilan final.' END,
       1 + m.extended::int + (m.closed_at IS NOT NULL)::int + (m.handed_back_at IS NOT NULL)::int,
       m.assigned_at, greatest(m.assigned_at, m.closed_at, m.handed_back_at)
     FROM bench_gen.man m;
     INSERT INTO final_reports (id, mandate_id, situation_id, work_done, obstacles, strengths, steps_taken, steps_to_take,
       status, language, finalised_by_user_id, finalised_at, updated_by_user_id, version, created_at, updated_at)
     SELECT ${uuid('final-report', 'm.i')}, m.id, m.situation_id, 'Entretiens réguliers, stage et recherches d’emploi.',
       'Santé fragile ; garde des enfants.', 'Motivation, fiabilité.', 'Stage ; cours de bureautique.',
       'Suivi par le conseiller ORP.', 'final', (CASE WHEN m.region = 2 THEN 'de' ELSE 'fr' END)::language,
       m.lead, m.closed_at - interval '1 day', m.lead, 3, m.closed_at - interval '10 days', m.closed_at - interval '1 day'
     FROM bench_gen.man m WHERE m.closed_at IS NOT NULL;
     INSERT INTO insertion_follow_ups (id, mandate_id, situation_id, months, due_on, still_in_work, note,
       recorded_by_user_id, recorded_at, version)
     SELECT ${uuid('follow-up', 'm.i * 100 + f.months')}, m.id, m.situation_id, f.months, f.due_on,
       CASE WHEN f.due_on + 3 <= ${asOf}::date THEN ${r('m.i * 100 + f.months', 88)} < 0.8 END, '',
       CASE WHEN f.due_on + 3 <= ${asOf}::date THEN m.lead END,
       CASE WHEN f.due_on + 3 <= ${asOf}::date THEN ${atHour('f.due_on + 3', 9)} END,
       CASE WHEN f.due_on + 3 <= ${asOf}::date THEN 2 ELSE 1 END
     FROM bench_gen.man m
     CROSS JOIN LATERAL (SELECT n AS months, (m.outcome_on + n * interval '1 month')::date AS due_on
                         FROM unnest(ARRAY[6, 12]) n) f
     WHERE m.outcome = 'inserted';
     ANALYZE mandates, final_reports;`,
  );

  const kindExpr = (u: string) =>
    `(CASE WHEN ${u} < 0.7 THEN 'with_person' WHEN ${u} < 0.82 THEN 'phone' WHEN ${u} < 0.9 THEN 'employer'
           WHEN ${u} < 0.97 THEN 'network' ELSE 'other' END)`;
  const mk = 'm.i * 100 + k';
  await loader.exec(
    'meetings and objectives',
    `INSERT INTO meetings (id, mandate_id, situation_id, held_on, kind, person_present, participants, notes, next_steps,
                           author_user_id, created_at, updated_at)
     SELECT ${uuid('meeting', mk)}, m.id, m.situation_id, d.held_on, ${kindExpr(r(mk, 90))}::meeting_kind,
       ${kindExpr(r(mk, 90))} IN ('with_person', 'phone') OR (${kindExpr(r(mk, 90))} = 'network' AND ${r(mk, 91)} < 0.5),
       '', ${pick(MEETING_NOTES, mk, 92)}, '', CASE WHEN k % 2 = 0 THEN m.orp ELSE m.cms END,
       ${atHour('d.held_on', 17)}, ${atHour('d.held_on', 17)}
     FROM bench_gen.man m CROSS JOIN generate_series(0, 29) k
     CROSS JOIN LATERAL (SELECT m.start_on + k * 10 + ${h(mk, 93)} % 4 AS held_on) d
     WHERE d.held_on <= m.last_day;
     INSERT INTO objectives (id, mandate_id, situation_id, title, description, status, start_on, target_on, done_on,
                             created_by_user_id, updated_by_user_id, version, created_at, updated_at)
     SELECT ${uuid('objective', mk)}, m.id, m.situation_id, ${pick(OBJECTIVE_TITLES, mk, 94)}, '', o.status::objective_status,
       m.start_on + (k - 1) * 20, (m.start_on + interval '3 months')::date + 15 * k,
       CASE WHEN o.status = 'achieved' THEN least(m.start_on + 40 * k, m.last_day) END,
       m.lead, m.lead, CASE WHEN o.status = 'planned' THEN 1 ELSE 2 END,
       ${atHour('m.start_on', 10)}, ${atHour('least(m.start_on + 40 * k, m.last_day)', 10)}
     FROM bench_gen.man m CROSS JOIN generate_series(1, 4) k
     CROSS JOIN LATERAL (SELECT CASE
         WHEN m.closed_at IS NOT NULL THEN CASE WHEN ${r(mk, 95)} < 0.65 THEN 'achieved' ELSE 'abandoned' END
         WHEN k = 1 THEN CASE WHEN ${r(mk, 95)} < 0.5 THEN 'achieved' ELSE 'in_progress' END
         WHEN m.start_on + 40 * k <= m.last_day THEN 'in_progress' ELSE 'planned' END AS status) o
     WHERE k <= 2 + ${h('m.i', 96)} % 3;
     ANALYZE meetings, objectives;`,
  );

  const monthKey = `m.i * 1000 + extract(year FROM mo)::int % 100 * 12 + extract(month FROM mo)::int`;
  await loader.exec(
    'monthly reports',
    `INSERT INTO monthly_reports (id, mandate_id, situation_id, month, significant_elements, status, drafted_by_user_id,
                                  drafted_at, sent_by_user_id, sent_at, recipients, version, updated_at)
     SELECT ${uuid('monthly-report', 'x.key')}, x.id, x.situation_id, to_char(x.mo, 'YYYY-MM'),
       'Deux entretiens par semaine ; recherches d’emploi en cours ; stage prévu.',
       CASE WHEN x.sent THEN 'sent' ELSE 'draft' END, x.lead, x.sent_at - interval '1 day',
       CASE WHEN x.sent THEN x.lead END, CASE WHEN x.sent THEN x.sent_at END,
       CASE WHEN x.sent THEN jsonb_build_array(jsonb_build_object('userId', u.id,
         'name', u.given_name || ' ' || u.family_name, 'email', u.email, 'language', u.language,
         'messageId', '<' || md5('message:' || x.key) || '@tandem.bench>', 'outboxId', ${uuid('outbox', 'x.key')}))
         ELSE '[]'::jsonb END,
       CASE WHEN x.sent THEN 2 ELSE 1 END, x.sent_at
     FROM (
       SELECT m.*, mo, ${monthKey} AS key,
         (m.closed_at IS NOT NULL OR mo + interval '1 month' <= m.last_day) AS sent,
         least(mo + interval '1 month 2 days 9 hours', coalesce(m.closed_at, ${asOf}), ${asOf}) AS sent_at
       FROM bench_gen.man m
       CROSS JOIN LATERAL generate_series(date_trunc('month', m.start_on::timestamptz),
                                          date_trunc('month', m.last_day::timestamptz), interval '1 month') mo
     ) x JOIN users u ON u.id = x.announcer;
     ANALYZE monthly_reports;`,
  );
  await insertMeasures(loader, g);
}

async function insertMeasures(loader: Loader, g: Generation) {
  const { h, r, uuid, pick } = randomSql(g.seed);
  const asOf = tsLit(g.asOf);
  const mk = 'm.i * 10 + k';
  const decider = (step: string) => `CASE ${step}
      WHEN 'tandem' THEN x.proposer
      WHEN 'lmmt' THEN (SELECT id FROM users WHERE username = 'lmmt.decideur')
      WHEN 'sas' THEN (SELECT id FROM users WHERE username = 'sas.preavis')
      ELSE (SELECT id FROM users WHERE username = (ARRAY['commune.sion', 'commune.monthey', 'gemeinde.brig'])[x.region + 1]) END`;
  await loader.exec(
    'measures and decisions',
    `CREATE TABLE bench_gen.kind AS
       SELECT CASE WHEN checks = 'mip' THEN 'mip' WHEN regime = 'LIAS' THEN 'lias' ELSE 'laci' END AS grp,
              (row_number() OVER (PARTITION BY CASE WHEN checks = 'mip' THEN 'mip' WHEN regime = 'LIAS' THEN 'lias'
                                  ELSE 'laci' END ORDER BY code) - 1)::int AS n,
              id, code, regime::text AS regime, delegated, cost_unit::text AS cost_unit, checks::text AS checks
       FROM measure_kinds WHERE active;
     CREATE TABLE bench_gen.kcount AS SELECT grp, count(*)::int AS cnt FROM bench_gen.kind GROUP BY 1;
     CREATE TABLE bench_gen.mea AS
     SELECT y.*,
       CASE WHEN y.status = 'approved' AND y.start_on <= ${asOf}::date THEN
              CASE WHEN y.end_on >= ${asOf}::date THEN 'running'
                   WHEN ${r('y.key', 100)} < 0.2 THEN 'interrupted' ELSE 'completed' END
            ELSE y.status END AS final_status
     FROM (
       SELECT x.*,
         CASE WHEN x.delegated_route THEN 'approved'
              WHEN x.proposed_at + x.steps * interval '3 days' > ${asOf} THEN 'proposed'
              WHEN ${r('x.key', 101)} < 0.07 THEN 'refused' ELSE 'approved' END AS status,
         CASE WHEN x.delegated_route THEN 1
              WHEN x.proposed_at + x.steps * interval '3 days' > ${asOf}
                THEN least(x.steps - 1, floor(extract(epoch FROM ${asOf} - x.proposed_at) / 259200)::int)
              ELSE x.steps END AS decided
       FROM (
         SELECT w.*, array_length(w.route, 1) AS steps, w.route = '{tandem}'::approval_step[] AS delegated_route,
           (w.start_on + w.months * interval '1 month')::date - 1 AS end_on
         FROM (
           SELECT ${mk} AS key, m.i, m.id AS mandate_id, m.situation_id, m.region, kd.id AS kind_id, kd.code,
             kd.regime, kd.cost_unit, kd.checks, p.commune_id,
             CASE WHEN kd.checks = 'mip' THEN m.cms ELSE m.lead END AS proposer,
             ${atHour('d.day', 10)} AS proposed_at, d.day,
             CASE WHEN d.day >= '2023-01-01' THEN 'lias_sas_commune' ELSE 'lias_commune' END AS rule_set,
             (CASE WHEN kd.regime = 'LIAS' THEN CASE WHEN d.day >= '2023-01-01' THEN '{sas,commune}' ELSE '{commune}' END
                   WHEN kd.regime = 'LACI' AND kd.delegated THEN '{tandem}' ELSE '{lmmt}' END)::approval_step[] AS route,
             d.day + 7 + ${h(mk, 102)} % 14 AS start_on,
             CASE WHEN kd.checks = 'mip' THEN 6 ELSE 1 + ${h(mk, 103)} % 3 END AS months
           FROM bench_gen.man m CROSS JOIN generate_series(1, 5) k0(k)
           CROSS JOIN LATERAL (SELECT m.start_on + 5 + (k - 1) * 35 AS day) d
           JOIN persons p ON p.id = m.person_id
           CROSS JOIN LATERAL (
             SELECT kk.* FROM bench_gen.kind kk JOIN bench_gen.kcount c ON c.grp = kk.grp
             WHERE kk.grp = CASE WHEN m.ann_kind = 'cms' AND k = 1 AND d.day < '2023-01-01' THEN 'mip'
                                 WHEN m.ann_kind = 'cms' THEN 'lias' ELSE 'laci' END
               AND kk.n = ${h(mk, 104)} % c.cnt) kd
           WHERE k <= ${h('m.i', 105)} % 6 AND d.day <= m.last_day
         ) w
       ) x
     ) y;
     ANALYZE bench_gen.mea;
     INSERT INTO measures (id, situation_id, mandate_id, kind_id, regime, provider, goals, start_on, end_on,
       unit_cost_cents, quantity, total_cents, normal_salary_cents, allowance_percent, commune_id, rule_set, route,
       step_index, status, proposed_by_user_id, proposed_at, started_on, ended_on, end_reason, version, created_at,
       updated_at)
     SELECT ${uuid('measure', 'x.key')}, x.situation_id, x.mandate_id, x.kind_id, x.regime::measure_regime,
       ${pick(['Centre de formation continue, Sion', 'Oggier Bau AG, Visp', 'Migros Valais', 'Fondation Emera', 'Caritas Wallis'], 'x.key', 106)},
       'Expérience pratique et remise à niveau.', x.start_on, x.end_on,
       x.unit, x.qty, x.unit * x.qty, x.salary, x.allowance, x.commune_id, x.rule_set, x.route,
       CASE WHEN x.final_status = 'refused' THEN x.steps - 1 ELSE x.decided END,
       x.final_status::measure_status, x.proposer, x.proposed_at,
       CASE WHEN x.final_status IN ('running', 'completed', 'interrupted') THEN x.start_on END,
       CASE WHEN x.final_status = 'completed' THEN x.end_on
            WHEN x.final_status = 'interrupted' THEN x.start_on + ((x.end_on - x.start_on) * ${r('x.key', 107)})::int END,
       CASE WHEN x.final_status = 'interrupted' THEN 'Raisons de santé.' END,
       1 + x.decided + (x.final_status IN ('running', 'completed', 'interrupted'))::int
         + (x.final_status IN ('completed', 'interrupted'))::int,
       x.proposed_at, least(x.proposed_at + x.decided * interval '3 days', ${asOf})
     FROM (
       SELECT mea.*,
         CASE WHEN mea.checks = 'mip' THEN 50000 WHEN mea.checks = 'ait' THEN NULL
              WHEN mea.cost_unit = 'month' THEN 120000 + ${h('mea.key', 108)} % 14 * 10000
              WHEN mea.cost_unit = 'day' THEN 15000 ELSE 80000 + ${h('mea.key', 108)} % 23 * 10000 END AS unit0,
         CASE WHEN mea.checks = 'ait' THEN 420000 + ${h('mea.key', 109)} % 14 * 10000 END AS salary,
         CASE WHEN mea.checks = 'ait' THEN 20 + ${h('mea.key', 110)} % 5 * 10 END AS allowance
       FROM bench_gen.mea mea
     ) x0
     CROSS JOIN LATERAL (SELECT x0.*, coalesce(x0.unit0, x0.salary * x0.allowance / 100) AS unit,
       CASE WHEN x0.cost_unit = 'month' THEN x0.months WHEN x0.cost_unit = 'day' THEN 20 ELSE 1 END AS qty) x;
     INSERT INTO measure_decisions (id, measure_id, step, decision, reason, decided_by_user_id, decided_at)
     SELECT ${uuid('decision', 'x.key * 10 + j')}, ${uuid('measure', 'x.key')}, x.route[j],
       CASE WHEN x.final_status = 'refused' AND j = x.steps THEN 'refuse' ELSE 'approve' END,
       CASE WHEN x.final_status = 'refused' AND j = x.steps THEN 'Conditions d’octroi non remplies.' ELSE '' END,
       ${decider('x.route[j]::text')},
       CASE WHEN x.delegated_route THEN x.proposed_at ELSE x.proposed_at + j * interval '3 days' END
     FROM bench_gen.mea x CROSS JOIN LATERAL generate_series(1, x.decided) j;
     ANALYZE measures, measure_decisions;`,
  );
}
