import {
  DESCRIPTIONS_DE,
  DESCRIPTIONS_FR,
  FAMILY_DE,
  FAMILY_FR,
  GIVEN_FEMALE_DE,
  GIVEN_FEMALE_FR,
  GIVEN_MALE_DE,
  GIVEN_MALE_FR,
  HELP_DE,
  HELP_FR,
  RISK_COMBOS,
  eligibilityJson,
  folded,
} from './canton-vocabulary.ts';
import type { Loader } from './loader.ts';
import { type Generation, lit, randomSql, textArray, tsLit } from './sql-random.ts';

/**
 * Persons, situations, procurations and case teams from the plan
 * (bench_gen.sit), each one INSERT … SELECT. What the use cases would check
 * holds: an identified announcement has a reviewed procuration in force that
 * names the announcing institution and the Bureau (and, for a tandem, the ORP
 * and the CMS of the region; for a case-team member, their institution);
 * NAVS13 numbers carry their check digit; search names are folded as
 * foldName folds them.
 */
export async function insertPersonsAndSituations(loader: Loader, g: Generation) {
  const { h, r, uuid } = randomSql(g.seed);
  const asOf = tsLit(g.asOf);
  /** The same index into a list and into its folded twin. */
  const namePair = (list: readonly string[], salt: number) => {
    const k = `1 + ${h('s.i', salt)} % ${list.length}`;
    return { name: `(${textArray(list)})[${k}]`, folded: `(${textArray(folded(list))})[${k}]` };
  };
  const german = `(s.region = 2)`;
  const family = {
    de: namePair(FAMILY_DE, 40),
    fr: namePair(FAMILY_FR, 41),
  };
  const givenOf = (salt: number) => ({
    fde: namePair(GIVEN_FEMALE_DE, salt),
    ffr: namePair(GIVEN_FEMALE_FR, salt + 1),
    mde: namePair(GIVEN_MALE_DE, salt + 2),
    mfr: namePair(GIVEN_MALE_FR, salt + 3),
  });
  const female = `${r('s.i', 42)} < 0.52`;
  const given = (salt: number, field: 'name' | 'folded') => {
    const x = givenOf(salt);
    return `CASE WHEN ${female} THEN CASE WHEN ${german} THEN ${x.fde[field]} ELSE ${x.ffr[field]} END
                 ELSE CASE WHEN ${german} THEN ${x.mde[field]} ELSE ${x.mfr[field]} END END`;
  };
  const twoNames = `${r('s.i', 43)} < 0.15`;
  const firstNames = (field: 'name' | 'folded') =>
    `${given(50, field)} || CASE WHEN ${twoNames} THEN ' ' || ${given(60, field)} ELSE '' END`;
  // Mostly the region's language; one in ten names from the other side of the language border.
  const familyOf = (field: 'name' | 'folded') =>
    `CASE WHEN ${german} <> (${r('s.i', 44)} < 0.1) THEN ${family.de[field]} ELSE ${family.fr[field]} END`;
  const digits = `lpad(((s.i::int8 * 7919 + ${g.seed * 104729 + 12345}) % 1000000000)::text, 9, '0')`;
  const first12 = `('756' || ${digits})`;
  const weighted = Array.from({ length: 12 }, (_, k) => `substr(f12, ${k + 1}, 1)::int * ${k % 2 === 0 ? 1 : 3}`);
  const navs = `(SELECT '756.' || substr(f12, 4, 4) || '.' || substr(f12, 8, 4) || '.' || substr(f12, 12, 1)
                        || ((10 - (${weighted.join(' + ')}) % 10) % 10)::text FROM (SELECT ${first12} AS f12) x)`;
  const permits = ['swiss', 'swiss', 'swiss', 'swiss', 'swiss', 'swiss', 'C', 'C', 'B', 'B', 'F', 'L', 'other'];
  await loader.exec(
    'persons',
    `CREATE TABLE bench_gen.ccount AS SELECT region, count(*)::int AS cnt FROM bench_gen.commune GROUP BY 1;
     INSERT INTO persons (id, navs13, official_name, first_names, search_name, birth_date, sex, correspondence_language,
                          commune_id, residence_permit, street, postal_code, locality, phone, email,
                          created_by_user_id, created_by_institution_id, created_at, updated_at)
     SELECT ${uuid('person', 's.i')},
       CASE WHEN ${r('s.i', 45)} < 0.95 THEN ${navs} END,
       ${familyOf('name')}, ${firstNames('name')},
       ${familyOf('folded')} || ' ' || ${firstNames('folded')},
       (s.created_at::date - ((18 + 45 * ${r('s.i', 46)}) * 365.25)::int),
       (CASE WHEN ${r('s.i', 47)} < 0.005 THEN 'unknown' WHEN ${female} THEN 'female' ELSE 'male' END)::sex,
       CASE WHEN ${r('s.i', 48)} < 0.04 THEN 'other' WHEN ${german} THEN 'de' ELSE 'fr' END,
       c.id, (${textArray(permits)})[1 + ${h('s.i', 49)} % ${permits.length}],
       '', '', cm.name, '079 ' || lpad((${h('s.i', 51)} % 10000000)::text, 7, '0'), '',
       s.announcer, s.ann_inst, s.created_at - interval '5 minutes', s.created_at - interval '5 minutes'
     FROM bench_gen.sit s
     JOIN bench_gen.ccount cc ON cc.region = s.region
     JOIN bench_gen.commune c ON c.region = s.region
       AND c.n = CASE WHEN ${r('s.i', 52)} < 0.6 THEN 0 ELSE ${h('s.i', 53)} % cc.cnt END
     JOIN communes cm ON cm.id = c.id;
     ANALYZE persons;`,
  );

  const combos = RISK_COMBOS.map((combo, n) => `(${n}, ${textArray(combo)})`).join(',');
  const pickText = (fr: readonly string[], de: readonly string[], salt: number) =>
    `CASE WHEN ${german} THEN (${textArray(de)})[1 + ${h('s.i', salt)} % ${de.length}]
          ELSE (${textArray(fr)})[1 + ${h('s.i', salt)} % ${fr.length}] END`;
  const bandOf = (age: string) =>
    `CASE WHEN ${age} < 25 THEN 'under_25' WHEN ${age} < 35 THEN '25_34' WHEN ${age} < 45 THEN '35_44'
          WHEN ${age} < 55 THEN '45_54' ELSE '55_plus' END`;
  const bands = ['under_25', '25_34', '35_44', '45_54', '55_plus'];
  const transitions = `(1 + (s.announced_at IS NOT NULL)::int + (s.taken_up_at IS NOT NULL)::int
                          + (s.decided_at IS NOT NULL)::int + (s.start_on IS NOT NULL)::int + (s.closed_at IS NOT NULL)::int)`;
  await loader.exec(
    'situations',
    `CREATE TABLE bench_gen.risk (n int PRIMARY KEY, factors text[]);
     INSERT INTO bench_gen.risk VALUES ${combos};
     INSERT INTO situations (id, number, status, region_id, anonymous, person_id, age_band, announcing_user_id,
       announcing_institution_id, following_institution_ids, risk_factors, target_groups, laci_basic_programme,
       laci_employability_check, lias_employability_checked, lias_integration_indicated, description, help_expected,
       handled_by_user_id, taken_up_at, announced_at, decided_at, decision_reason, refusal_suggestions, eligibility,
       care_kind, version, created_at, updated_at)
     SELECT s.id, 'CII-' || extract(year FROM s.created_at)::int || '-' || lpad(s.i::text, 6, '0'),
       s.status::situation_status, s.region_id, s.anon, s.person_id,
       CASE WHEN s.anon THEN (${textArray(bands)})[1 + ${h('s.i', 60)} % 5]
            ELSE ${bandOf('extract(year FROM age(s.created_at::date, p.birth_date))')} END,
       s.announcer, s.ann_inst,
       array_remove(ARRAY[s.ann_inst, (SELECT institution_id FROM users WHERE id = s.member)], NULL),
       k.factors,
       CASE s.ann_kind WHEN 'orp' THEN CASE WHEN ${r('s.i', 61)} < 0.1 THEN '{permit_b_end_of_rights}'::text[]
                                            ELSE '{laci_end_of_rights}'::text[] END
                       WHEN 'cms' THEN '{social_aid_work_capacity}'::text[]
                       ELSE '{unfit_for_placement_motivation}'::text[] END,
       s.ann_kind = 'orp', s.ann_kind = 'orp' AND ${r('s.i', 62)} < 0.6, s.ann_kind = 'cms', s.ann_kind = 'cms',
       ${pickText(DESCRIPTIONS_FR, DESCRIPTIONS_DE, 63)}, ${pickText(HELP_FR, HELP_DE, 64)},
       CASE WHEN s.taken_up_at IS NOT NULL THEN s.coordinator END, s.taken_up_at, s.announced_at, s.decided_at,
       CASE WHEN s.decided_at IS NOT NULL THEN CASE WHEN ${german} THEN 'Kumulierte Risikofaktoren; im Team besprochen.'
            ELSE 'Cumul de facteurs ; discuté en équipe.' END END,
       CASE WHEN s.decision = 'refused' THEN ${lit('Suivi ordinaire ; orientation OSP pour un bilan de compétences.')} END,
       CASE WHEN s.decision = 'tandem' THEN (CASE WHEN s.ann_kind = 'cms' THEN
              CASE WHEN ${german} THEN ${lit(eligibilityJson('lias', true))} ELSE ${lit(eligibilityJson('lias', false))} END
            ELSE CASE WHEN ${german} THEN ${lit(eligibilityJson('laci', true))} ELSE ${lit(eligibilityJson('laci', false))} END
            END)::jsonb END,
       CASE WHEN s.decision <> 'refused' THEN s.decision::care_kind END, ${transitions}, s.created_at,
       greatest(s.created_at, s.announced_at, s.taken_up_at, s.decided_at, s.closed_at)
     FROM bench_gen.sit s
     JOIN bench_gen.risk k ON k.n = ${h('s.i', 65)} % ${RISK_COMBOS.length}
     LEFT JOIN persons p ON p.id = s.person_id;
     SELECT setval('situation_number_seq', (SELECT count(*) FROM bench_gen.sit));
     ANALYZE situations;`,
  );

  const ref = (key: string) => `(SELECT id FROM bench_gen.ref WHERE key = ${lit(key)})`;
  const partner = `CASE WHEN ${r('s.i', 70)} < 0.08 THEN ${ref('oai')} WHEN ${r('s.i', 70)} < 0.13 THEN ${ref('addiction_valais')}
                        WHEN ${r('s.i', 70)} < 0.17 THEN ${ref('osp')} WHEN ${r('s.i', 70)} < 0.21 THEN ${ref('suva')} END`;
  const health = `${r('s.i', 70)} < 0.13 OR (${r('s.i', 70)} >= 0.17 AND ${r('s.i', 70)} < 0.21)`;
  const signed = `(coalesce(s.announced_at - interval '20 minutes', s.created_at + interval '10 minutes'))`;
  await loader.exec(
    'procurations and case teams',
    `INSERT INTO consents (id, person_id, situation_id, institution_ids, data_categories, signed_on, valid_until,
                           recorded_by_user_id, reviewed_at, reviewed_by_user_id, revoked_at, revoked_by_user_id,
                           revocation_reason, version, created_at, updated_at)
     SELECT x.id, x.person_id, x.situation_id, x.institution_ids, x.data_categories, x.signed_on, x.valid_until,
            x.announcer, x.recorded_at, x.announcer, x.revoked_at,
            CASE WHEN x.revoked_at IS NOT NULL THEN x.announcer END,
            CASE WHEN x.revoked_at IS NOT NULL THEN 'Révocation demandée par la personne.' END,
            CASE WHEN x.revoked_at IS NOT NULL THEN 2 ELSE 1 END, x.recorded_at, coalesce(x.revoked_at, x.recorded_at)
     FROM (
       SELECT y.*,
         CASE WHEN y.status IN ('refused', 'closed', 'round_table', 'assessment', 'network_follow_up')
                   AND ${r('y.i', 71)} < 0.04
              THEN y.recorded_at + ${r('y.i', 72)} * (least(y.valid_until::timestamp AT TIME ZONE 'UTC', ${asOf}) - y.recorded_at)
         END AS revoked_at
       FROM (
         SELECT s.i, s.status, s.announcer, ${uuid('consent', 's.i')} AS id, s.person_id, s.id AS situation_id,
           ${signed} AS recorded_at, ${signed}::date AS signed_on,
           ARRAY(SELECT v FROM unnest(ARRAY[s.ann_inst, ${ref('bureau_cii')},
                   CASE WHEN s.decision = 'tandem' THEN (SELECT id FROM bench_gen.ref WHERE key = 'orp' || s.region) END,
                   CASE WHEN s.decision = 'tandem' THEN (SELECT id FROM bench_gen.ref WHERE key = 'cms' || s.region) END,
                   (SELECT institution_id FROM users WHERE id = s.member), ${partner},
                   CASE WHEN s.ann_kind = 'cms' AND ${r('s.i', 73)} < 0.5
                        THEN (SELECT id FROM bench_gen.ref WHERE key = 'commune' || s.region) END])
                 WITH ORDINALITY AS u(v, o) WHERE v IS NOT NULL GROUP BY v ORDER BY min(o)) AS institution_ids,
           ARRAY['identity', 'social_situation', 'employment', 'measures']
             || CASE WHEN ${health} THEN '{health}'::text[] ELSE '{}'::text[] END
             || CASE WHEN s.ann_kind = 'cms' THEN '{social_aid}'::text[] ELSE '{}'::text[] END AS data_categories,
           (CASE WHEN s.status IN ('draft', 'announced', 'under_review', 'tandem')
                   THEN greatest(${signed}::date + 365, ${asOf}::date + 90 + ${h('s.i', 74)} % 270)
                 WHEN s.status = 'closed' THEN greatest(${signed}::date + 365, s.closed_at::date + 30)
                 ELSE ${signed}::date + 365 + CASE WHEN ${r('s.i', 75)} < 0.3 THEN 365 ELSE 0 END END) AS valid_until
         FROM bench_gen.sit s
         WHERE NOT s.anon AND (s.announced_at IS NOT NULL OR ${r('s.i', 76)} < 0.5)
       ) y
     ) x;
     INSERT INTO case_team_members (id, situation_id, user_id, added_by_user_id, added_at, removed_at, removed_by_user_id)
     SELECT ${uuid('case-team', 's.i')}, s.id, s.member, s.announcer,
       least(s.announced_at + interval '2 hours', ${asOf}),
       CASE WHEN s.status IN ('refused', 'closed') AND ${r('s.i', 77)} < 0.3
            THEN least(coalesce(s.closed_at, s.decided_at) + interval '3 days', ${asOf}) END,
       CASE WHEN s.status IN ('refused', 'closed') AND ${r('s.i', 77)} < 0.3 THEN s.announcer END
     FROM bench_gen.sit s WHERE s.member IS NOT NULL;
     ANALYZE consents, case_team_members;`,
  );
}
