import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/open-db.ts';
import { MeasuresFileSchema } from '../../src/contracts/measures.ts';
import { SituationListQuerySchema, SituationPageSchema, SituationSchema } from '../../src/contracts/situations.ts';
import { TandemFileSchema } from '../../src/contracts/tandem.ts';
import { checkNavs13 } from '../../src/domain/person/navs13.ts';
import { personSearchName } from '../../src/domain/person/search-name.ts';
import { verifyAuditChain } from '../../src/server/audit/verify-audit-chain.ts';
import { getFigures } from '../../src/server/figures/get-figures.ts';
import { getMeasuresFile } from '../../src/server/measures/get-measures-file.ts';
import { getSituation } from '../../src/server/situations/get-situation.ts';
import { listSituations } from '../../src/server/situations/list-situations.ts';
import { getTandemFile } from '../../src/server/tandem/get-tandem-file.ts';
import { TEST_AUDIT_KEY, openTestDatabase } from '../../src/test/int-harness.ts';
import { contextFor } from './bench-context.ts';
import { DEFAULT_AS_OF, type CantonCounts, generateCanton } from './generate-canton.ts';

/**
 * The benchmark's generator at scale 0.05 (100 situations): the counts, the
 * same rows on a second run, and the application's own use cases on every
 * generated file — the coordinator's list and pages, each announcer's page,
 * each tandem's file and measures — and the audit chain verifies.
 */
const key = Buffer.from(TEST_AUDIT_KEY, 'utf8');
const now = () => new Date(DEFAULT_AS_OF.getTime() + 3_600_000);
const quiet = () => {};

async function fingerprint(database: Database) {
  const [row] = await queryRows<{ f: string }>(
    database.db,
    // Generated rows have seeded ids; the demo canton's reference rows (users, regions) random ones: named instead.
    sql`SELECT md5(string_agg(x, ',' ORDER BY x)) AS f FROM (
          SELECT s.id::text || number || status || coalesce(person_id::text, '') || u.username AS x
          FROM situations s JOIN users u ON u.id = s.announcing_user_id
          UNION ALL SELECT id::text || search_name || coalesce(navs13, '') || birth_date FROM persons
          UNION ALL SELECT g.id::text || held_on || u.username FROM meetings g JOIN users u ON u.id = g.author_user_id
          UNION ALL SELECT id::text || status || route::text FROM measures
          UNION ALL SELECT id::text || action || coalesce(record_id, '') || details::text FROM audit_log) t`,
  );
  return row!.f;
}

describe('bench data generator', () => {
  let database: Database;
  let counts: CantonCounts;

  beforeAll(async () => {
    database = await openTestDatabase();
    counts = await generateCanton(database, { scale: 0.05, auditKey: key, log: quiet });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes the canton at scale, with every audit row sealed', () => {
    expect(counts.situations).toBe(100);
    expect(counts.persons).toBe(100);
    expect(counts.audit_log).toBe(2000);
    expect(counts.audit_chain).toBe(2000);
    expect(counts.consents).toBeGreaterThan(60);
    expect(counts.mandates).toBeGreaterThan(5);
    expect(counts.meetings).toBeGreaterThan(counts.mandates * 5);
    expect(counts.measures).toBeGreaterThan(0);
    expect(counts.situation_events).toBeGreaterThan(counts.situations * 3);
    expect(counts.care_passages).toBeGreaterThan(counts.mandates);
  });

  it('writes the same rows on a second run', async () => {
    const second = await openTestDatabase();
    try {
      await generateCanton(second, { scale: 0.05, auditKey: key, log: quiet });
      expect(await fingerprint(second)).toBe(await fingerprint(database));
    } finally {
      await second.close();
    }
  });

  it('keeps the rules a use case would check', async () => {
    const persons = await queryRows<{
      navs13: string | null;
      official_name: string;
      first_names: string;
      search_name: string;
    }>(database.db, sql`SELECT navs13, official_name, first_names, search_name FROM persons`);
    for (const p of persons) {
      if (p.navs13) expect(checkNavs13(p.navs13)).toEqual({ ok: true, value: p.navs13 });
      expect(p.search_name).toBe(personSearchName(p.official_name, p.first_names));
    }
    const [broken] = await queryRows<Record<string, number>>(
      database.db,
      sql`SELECT
        -- An identified announcement has a reviewed procuration, in force when announced, naming its
        -- institution and the Bureau.
        (SELECT count(*) FROM situations s WHERE s.status <> 'draft' AND NOT s.anonymous AND NOT EXISTS (
           SELECT 1 FROM consents c WHERE c.person_id = s.person_id AND c.reviewed_at IS NOT NULL
             AND c.signed_on <= s.announced_at::date AND c.valid_until >= s.announced_at::date
             AND s.announcing_institution_id = ANY(c.institution_ids)
             AND (SELECT id FROM institutions WHERE kind = 'bureau_cii') = ANY(c.institution_ids)))::int AS unconsented,
        (SELECT count(*) FROM situations s
         WHERE s.anonymous AND (s.person_id IS NOT NULL OR s.age_band IS NULL))::int AS anonymous,
        -- Only a tandem closes, with its mandate; a mandate's situation is in tandem or closed.
        (SELECT count(*) FROM situations s LEFT JOIN mandates m ON m.situation_id = s.id
         WHERE (s.status = 'closed') <> (m.closed_at IS NOT NULL)
            OR (m.id IS NOT NULL AND s.status NOT IN ('tandem', 'closed')))::int AS closures,
        (SELECT count(*) FROM mandates m LEFT JOIN final_reports f ON f.mandate_id = m.id
         WHERE m.closed_at IS NOT NULL AND f.status IS DISTINCT FROM 'final')::int AS final_reports,
        (SELECT count(*) FROM meetings g JOIN mandates m ON m.id = g.mandate_id
         WHERE g.held_on < m.start_on OR g.held_on > coalesce(m.closed_at::date, '2026-11-30'))::int AS meetings,
        (SELECT count(*) FROM measures x WHERE x.step_index > array_length(x.route, 1)
            OR (x.status = 'approved' AND x.step_index <> array_length(x.route, 1)))::int AS measures,
        -- Every oriented situation is in its kind of care: one passage of that kind, open until it closes.
        (SELECT count(*) FROM situations s WHERE s.care_kind IS NOT NULL AND 1 <> (
           SELECT count(*) FROM care_passages p WHERE p.situation_id = s.id AND p.kind = s.care_kind
             AND (p.ended_at IS NULL) = (s.status <> 'closed')))::int AS passages`,
    );
    expect(broken).toEqual({
      unconsented: 0,
      anonymous: 0,
      closures: 0,
      final_reports: 0,
      meetings: 0,
      measures: 0,
      passages: 0,
    });
  });

  it('writes only what the figures read with --lean, and the figures are the same', async () => {
    const lean = await openTestDatabase();
    try {
      const leanCounts = await generateCanton(lean, { scale: 0.05, auditKey: key, log: quiet, lean: true });
      expect(leanCounts).toMatchObject({
        situations: counts.situations,
        mandates: counts.mandates,
        meetings: counts.meetings,
        measures: counts.measures,
        care_passages: counts.care_passages,
        situation_grants: 0,
        situation_events: 0,
        audit_log: 0,
      });
      // Every kind of care counted, from the same passages, whichever way the canton was generated.
      const figures = async (db: Database) => {
        const answer = await getFigures(await contextFor(db.db, 'copil.stats', { now }), {
          year: now().getUTCFullYear(),
          publication: 'internal',
        });
        // The regions' ids are the demo organisation's random ones: the same regions, by another id.
        return JSON.stringify({ ...answer, computedAt: null }).replace(
          /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g,
          'id',
        );
      };
      const full = await figures(database);
      // The passages reach the figures: tandems counted since the start.
      expect(full).toMatch(/"key":"since_start_tandem_situations","unit":"count","value":[1-9]/);
      expect(await figures(lean)).toBe(full);
    } finally {
      await lean.close();
    }
  });

  it('has the grants the triggers would have kept', async () => {
    const grants = async () =>
      (
        await queryRows<{ f: string }>(
          database.db,
          sql`SELECT md5(string_agg(x, ',' ORDER BY x)) AS f FROM (
                SELECT situation_id || action || grantee || coalesce(from_day::text, '')
                       || coalesce(until_day::text, '') || coalesce(ended_at::text, '') AS x FROM situation_grants) g`,
        )
      )[0]!.f;
    const bulk = await grants();
    await database.db.execute(sql`SELECT tandem_refresh_situation_grants(ARRAY(SELECT id FROM situations))`);
    expect(await grants()).toBe(bulk);
  });

  it('opens every file through the application: lists, pages, tandem files, measures', async () => {
    const coordinator = await contextFor(database.db, 'coord.sion', { now });
    // Each answer also passes the API's response schema, as the routes would serialise it.
    const page = SituationPageSchema.parse(
      await listSituations(coordinator, SituationListQuerySchema.parse({ pageSize: '50' })),
    );
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(SituationSchema.parse(await getSituation(coordinator, item.id)).id).toBe(item.id);
    }

    const files = await queryRows<{ id: string; announcer: string; holder: string | null }>(
      database.db,
      sql`SELECT s.id, u.username AS announcer, l.username AS holder
          FROM situations s JOIN users u ON u.id = s.announcing_user_id
          LEFT JOIN mandates m ON m.situation_id = s.id LEFT JOIN users l ON l.id = m.holder_user_id`,
    );
    for (const f of files) {
      // The announcer reads every file they announced; whoever holds a tandem file, its journal and measures.
      const announcer = await contextFor(database.db, f.announcer, { now });
      expect(SituationSchema.parse(await getSituation(announcer, f.id)).id).toBe(f.id);
      if (f.holder) {
        const holder = await contextFor(database.db, f.holder, { now });
        expect(TandemFileSchema.parse(await getTandemFile(holder, f.id)).mandate).not.toBeNull();
        MeasuresFileSchema.parse(await getMeasuresFile(holder, f.id));
      }
    }
    const admin = await contextFor(database.db, 'admin', { now });
    const report = await verifyAuditChain(admin, { key, checkpointFile: null });
    expect(report).toMatchObject({ ok: true, pending: 0 });
    expect(report.checked).toBeGreaterThan(2000);
  });
});
