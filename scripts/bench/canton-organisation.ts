import { seedDemoCanton } from '../../src/db/seed/seed.ts';
import {
  FAMILY_DE,
  FAMILY_FR,
  GIVEN_FEMALE_DE,
  GIVEN_FEMALE_FR,
  GIVEN_MALE_DE,
  GIVEN_MALE_FR,
} from './canton-vocabulary.ts';
import type { Loader } from './loader.ts';
import { type Generation, lit, randomSql } from './sql-random.ts';

/**
 * The organisation of the generated canton: the demo canton's regions,
 * communes, institutions, offices and users (the same reference data, so that
 * the demo sign-ins work), then more people with the scale — ORP counsellors,
 * social workers, correspondents, coordinators and tandems — in the same
 * proportions across the three regions (Sion largest). Helper tables in the
 * schema bench_gen index them for the bulk steps; the schema is dropped at the end.
 */
export const REGION_CODES = ['SION', 'MONTHEY', 'BRIG'] as const;
/** Share of the canton's situations per region (index as REGION_CODES). */
export const REGION_SHARE = [0.5, 0.3, 0.2] as const;

/** Per unit of scale and region: generated ORP counsellors, social workers and tandems. */
const PER_SCALE = { orp: [3, 2, 1], cms: [2, 1.2, 0.8], tandems: [2, 1.2, 0.8] } as const;

/** Demo users by the group the generator draws them from (region index as REGION_CODES; -1: cantonal). */
const DEMO_GROUPS: Record<string, [group: string, region: number]> = {
  'orp.sion': ['orp', 0],
  'orp.monthey': ['orp', 1],
  'rav.brig': ['orp', 2],
  'cms.sion': ['cms', 0],
  'cms.monthey': ['cms', 1],
  'oai.repondant': ['other', -1],
  'osp.repondant': ['other', -1],
  'sucht.wallis': ['other', -1],
  'suva.repondant': ['other', -1],
  'coord.sion': ['coord', 0],
  'coord.monthey': ['coord', 1],
  'coord.brig': ['coord', 2],
};
const DEMO_TANDEMS: [orp: string, cms: string, region: number][] = [
  ['tandem.orp', 'tandem.cms', 0],
  ['tandem.orp.monthey', 'tandem.cms.monthey', 1],
  ['tandem.rav.brig', 'tandem.smz.brig', 2],
];

export async function seedOrganisation(loader: Loader, g: Generation) {
  const { h, pick, uuid } = randomSql(g.seed);
  const N = g.scale;
  await seedDemoCanton(loader.db);
  await loader.exec(
    'helper tables',
    `DROP SCHEMA IF EXISTS bench_gen CASCADE;
     CREATE SCHEMA bench_gen;
     CREATE TABLE bench_gen.ref (key text PRIMARY KEY, id uuid NOT NULL);
     CREATE TABLE bench_gen.people_raw (grp text, region int, username text, id uuid, inst uuid);
     CREATE TABLE bench_gen.tandem (region int, n int, id uuid, orp uuid, cms uuid, PRIMARY KEY (region, n));
     CREATE TABLE bench_gen.commune (region int, n int, id uuid, PRIMARY KEY (region, n));`,
  );
  // Reference rows by what they are, not by name: regions by code, institutions by kind and region.
  const regionIds = REGION_CODES.map(
    (code, r) => `SELECT 'region${r}', id FROM regions WHERE code = ${lit(code)}`,
  ).join(' UNION ALL ');
  const perRegion = (kind: string) =>
    REGION_CODES.map(
      (code, r) =>
        `SELECT '${kind}${r}', i.id FROM institutions i JOIN regions g ON g.id = i.region_id
         WHERE i.kind = '${kind}' AND g.code = ${lit(code)}`,
    ).join(' UNION ALL ');
  const cantonal = ['bureau_cii', 'oai', 'osp', 'addiction_valais', 'suva', 'sas', 'sict_lmmt']
    .map((kind) => `SELECT '${kind}', id FROM institutions WHERE kind = '${kind}'`)
    .join(' UNION ALL ');
  await loader.exec(
    'reference rows',
    `INSERT INTO bench_gen.ref ${regionIds} UNION ALL ${perRegion('orp')} UNION ALL ${perRegion('cms')}
       UNION ALL ${perRegion('commune')} UNION ALL ${cantonal};
     INSERT INTO bench_gen.ref
       SELECT 'office_' || o.name, o.id FROM offices o;
     -- Communes of residence per region; n = 0 is the one whose services approve LIAS measures.
     INSERT INTO bench_gen.commune
       SELECT r.idx, row_number() OVER (PARTITION BY r.idx ORDER BY (i.id IS NULL), c.bfs_number) - 1, c.id
       FROM communes c
       JOIN (VALUES ${REGION_CODES.map((code, r) => `(${lit(code)}, ${r})`).join(',')}) r(code, idx) ON true
       JOIN regions g ON g.id = c.region_id AND g.code = r.code
       LEFT JOIN institutions i ON i.commune_id = c.id AND i.kind = 'commune';`,
  );

  const [{ hash }] = (await loader.rows<{ hash: string }>(
    `SELECT password_hash AS hash FROM users WHERE username = 'admin'`,
  )) as [{ hash: string }];
  const ref = (key: string) => `(SELECT id FROM bench_gen.ref WHERE key = ${lit(key)})`;
  const groups: {
    prefix: string;
    count: number;
    region: number;
    inst: string;
    office: string | null;
    roles: string;
    german: boolean;
    withRegion: boolean;
  }[] = [];
  REGION_CODES.forEach((code, r) => {
    const c = code.toLowerCase();
    const german = code === 'BRIG';
    const orpOffice = r === 0 ? null : r === 1 ? 'ORP Monthey' : 'RAV Brig';
    const cmsOffice = r === 0 ? 'CMS Sion, secteur social' : r === 1 ? 'CMS Monthey, secteur social' : null;
    const base = { region: r, german, withRegion: true };
    groups.push(
      {
        ...base,
        prefix: `orp.${c}`,
        count: Math.ceil(PER_SCALE.orp[r]! * N),
        inst: `orp${r}`,
        office: orpOffice,
        roles: 'field_professional',
      },
      {
        ...base,
        prefix: `cms.${c}`,
        count: Math.ceil(PER_SCALE.cms[r]! * N),
        inst: `cms${r}`,
        office: cmsOffice,
        roles: 'field_professional',
      },
      {
        ...base,
        prefix: `coord.${c}`,
        count: Math.floor(N / 10),
        inst: 'bureau_cii',
        office: null,
        roles: 'regional_coordinator,bureau_member',
      },
      {
        ...base,
        prefix: `tandem.orp.${c}`,
        count: Math.max(0, Math.round(PER_SCALE.tandems[r]! * N) - 1),
        inst: `orp${r}`,
        office: orpOffice,
        roles: 'tandem_member,field_professional',
      },
      {
        ...base,
        prefix: `tandem.cms.${c}`,
        count: Math.max(0, Math.round(PER_SCALE.tandems[r]! * N) - 1),
        inst: `cms${r}`,
        office: cmsOffice,
        roles: 'tandem_member,field_professional',
      },
    );
  });
  for (const inst of ['oai', 'osp', 'addiction_valais', 'suva']) {
    groups.push({
      prefix: `repondant.${inst.split('_')[0]}`,
      count: Math.ceil(N / 4),
      region: -1,
      inst,
      office: null,
      roles: 'cii_correspondent',
      german: false,
      withRegion: false,
    });
  }
  const statements = groups
    .filter((grp) => grp.count > 0)
    .map((grp, k) => {
      const n = 'g';
      const salt = 100 + k * 10;
      const given = `CASE WHEN ${h(n, salt)} % 2 = 0 THEN ${pick(grp.german ? GIVEN_FEMALE_DE : GIVEN_FEMALE_FR, n, salt + 1)}
        ELSE ${pick(grp.german ? GIVEN_MALE_DE : GIVEN_MALE_FR, n, salt + 2)} END`;
      const office = grp.office ? `(SELECT id FROM bench_gen.ref WHERE key = ${lit(`office_${grp.office}`)})` : 'NULL';
      // ORP Valais central has two offices: counsellors alternate between Sion and Sierre.
      const orpCentre = grp.inst === 'orp0' ? ref('office_ORP Sion') : null;
      const officeSql = orpCentre
        ? `CASE WHEN g % 3 = 0 THEN ${ref('office_ORP Sierre')} ELSE ${orpCentre} END`
        : office;
      return `INSERT INTO users (id, username, email, given_name, family_name, institution_id, office_id, region_id,
                                 roles, language, password_hash, password_changed_at, created_at, updated_at)
        SELECT ${uuid(`user:${grp.prefix}`, n)}, ${lit(`${grp.prefix}.`)} || lpad(g::text, 4, '0'),
               ${lit(`${grp.prefix}.`)} || lpad(g::text, 4, '0') || '@bench.tandem.vs.ch',
               ${given}, ${pick(grp.german ? FAMILY_DE : FAMILY_FR, n, salt + 3)},
               ${ref(grp.inst)}, ${officeSql}, ${grp.withRegion ? ref(`region${grp.region}`) : 'NULL'},
               '{${grp.roles}}'::role[], '${grp.german ? 'de' : 'fr'}', ${lit(hash)},
               '2013-01-01T00:00:00Z', '2013-01-01T00:00:00Z', '2013-01-01T00:00:00Z'
        FROM generate_series(1, ${grp.count}) g;`;
    });
  // The commune of Monthey has an institution but no approver in the demo: its LIAS measures need one.
  statements.push(`INSERT INTO users (id, username, email, given_name, family_name, institution_id, region_id, roles,
                                      language, password_hash)
    SELECT ${uuid('user:commune', '1')}, 'commune.monthey', 'commune.monthey@bench.tandem.vs.ch', 'Chantal', 'Vannay',
           ${ref('commune1')}, ${ref('region1')}, '{commune_approver}'::role[], 'fr', ${lit(hash)};`);
  await loader.exec('users', statements.join('\n'));

  const demoRows = Object.entries(DEMO_GROUPS)
    .map(([username, [grp, region]]) => `(${lit(username)}, '${grp}', ${region})`)
    .join(',');
  const generated = groups
    .filter((grp) => !grp.prefix.startsWith('tandem.'))
    .map(
      (grp) =>
        `SELECT '${grp.prefix.split('.')[0] === 'repondant' ? 'other' : grp.prefix.split('.')[0]}', ${grp.region},
                username, id, institution_id FROM users WHERE username LIKE ${lit(`${grp.prefix}.%`)}`,
    )
    .join(' UNION ALL ');
  const tandemPairs = DEMO_TANDEMS.map(([orp, cms, r]) => `(${lit(orp)}, ${lit(cms)}, ${r}, 0)`).join(',');
  await loader.exec(
    'tandems',
    `INSERT INTO bench_gen.people_raw
       SELECT d.grp, d.region, u.username, u.id, u.institution_id
       FROM (VALUES ${demoRows}) d(username, grp, region) JOIN users u ON u.username = d.username
       UNION ALL ${generated};
     CREATE TABLE bench_gen.people AS
       SELECT grp, region, (row_number() OVER (PARTITION BY grp, region ORDER BY username) - 1)::int AS n, id, inst
       FROM bench_gen.people_raw;
     CREATE TABLE bench_gen.pcount AS SELECT grp, region, count(*)::int AS cnt FROM bench_gen.people GROUP BY 1, 2;
     CREATE UNIQUE INDEX ON bench_gen.people (grp, region, n);
     -- One tandem per ORP counsellor and social worker of the same number: the demo's three, then the generated.
     INSERT INTO bench_gen.tandem
       SELECT p.r, p.n, ${uuid('tandem', 'p.r * 100000 + p.n')}, o.id, c.id
       FROM (VALUES ${tandemPairs}) p(orp, cms, r, n)
       JOIN users o ON o.username = p.orp JOIN users c ON c.username = p.cms
       UNION ALL
       SELECT r.idx, substring(o.username from '\\d+$')::int, ${uuid('tandem', "r.idx * 100000 + substring(o.username from '\\d+$')::int")}, o.id, c.id
       FROM (VALUES ${REGION_CODES.map((code, r) => `(${lit(code.toLowerCase())}, ${r})`).join(',')}) r(code, idx)
       JOIN users o ON o.username LIKE 'tandem.orp.' || r.code || '.%'
       JOIN users c ON c.username = 'tandem.cms.' || r.code || '.' || substring(o.username from '\\d+$');
     CREATE TABLE bench_gen.tcount AS SELECT region, count(*)::int AS cnt FROM bench_gen.tandem GROUP BY 1;
     INSERT INTO tandems (id, region_id, orp_user_id, cms_user_id, capacity, created_at, updated_at)
       SELECT t.id, (SELECT id FROM bench_gen.ref WHERE key = 'region' || t.region), t.orp, t.cms, 6,
              '2013-01-01T00:00:00Z', '2013-01-01T00:00:00Z'
       FROM bench_gen.tandem t;
     ANALYZE bench_gen.people, bench_gen.pcount, bench_gen.tandem, bench_gen.tcount, bench_gen.ref, bench_gen.commune;`,
  );
}
