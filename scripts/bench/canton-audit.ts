import { sql } from 'drizzle-orm';
import { GENESIS_HASH, macAuditRow } from '../../src/domain/audit/hash-chain.ts';
import { type Db, queryRows } from '../../src/db/open-db.ts';
import { AUDIT_ROW_COLUMNS, type RawAuditRow, toContent } from '../../src/server/audit/seal-audit-chain.ts';
import type { Loader } from './loader.ts';
import { type Generation, randomSql, tsLit } from './sql-random.ts';

/** Audit rows per situation, all kinds together: 2 million at scale 50. */
export const AUDIT_ROWS_PER_SITUATION = 20;

/**
 * The timeline of every situation (situation_events, as the use cases write
 * it), then the audit log: one `situation.<event>` row per timeline entry, one
 * `measure.propose` per measure, and reads (`situation.read`, `situation.list`)
 * by the announcer, the coordinator and the tandem over each file's life, up to
 * AUDIT_ROWS_PER_SITUATION. Rows go in in time order, so ids follow time as in
 * a real log.
 */
export async function insertTimelineAndAudit(loader: Loader, g: Generation, situations: number) {
  const { h, r } = randomSql(g.seed);
  const asOf = tsLit(g.asOf);
  const event = (type: string, from: string, to: string) =>
    `'${type}'::text AS type, ${from}::text AS from_status, ${to}::text AS to_status`;
  await loader.exec(
    'timelines',
    `INSERT INTO situation_events (situation_id, at, actor_user_id, type, from_status, to_status, reason, details)
     SELECT e.situation_id, e.at, e.actor, e.type, e.from_status::situation_status, e.to_status::situation_status,
            e.reason, e.details
     FROM (
       SELECT s.id AS situation_id, s.created_at AS at, s.announcer AS actor, ${event('create_draft', 'NULL', "'draft'")},
              '' AS reason, '{}'::jsonb AS details FROM bench_gen.sit s
       UNION ALL SELECT c.situation_id, c.created_at, c.recorded_by_user_id, ${event('consent_recorded', 'NULL', 'NULL')},
              '', jsonb_build_object('consentId', c.id) FROM consents c
       UNION ALL SELECT s.id, s.announced_at, s.announcer, ${event('announce', "'draft'", "'announced'")}, '', '{}'
              FROM bench_gen.sit s WHERE s.announced_at IS NOT NULL
       UNION ALL SELECT ct.situation_id, ct.added_at, ct.added_by_user_id, ${event('case_team_added', 'NULL', 'NULL')},
              '', jsonb_build_object('userId', ct.user_id) FROM case_team_members ct
       UNION ALL SELECT ct.situation_id, ct.removed_at, ct.removed_by_user_id,
              ${event('case_team_removed', 'NULL', 'NULL')}, '', jsonb_build_object('userId', ct.user_id)
              FROM case_team_members ct WHERE ct.removed_at IS NOT NULL
       UNION ALL SELECT s.id, s.taken_up_at, s.coordinator, ${event('take_up', "'announced'", "'under_review'")}, '', '{}'
              FROM bench_gen.sit s WHERE s.taken_up_at IS NOT NULL
       UNION ALL SELECT s.id, s.decided_at, s.coordinator,
              CASE WHEN s.decision = 'refused' THEN 'refuse' ELSE 'orient' END, 'under_review', s.decision,
              'Cumul de facteurs ; discuté en équipe.',
              CASE WHEN s.decision = 'refused' THEN '{}'::jsonb ELSE jsonb_build_object('careKind', s.decision) END
              FROM bench_gen.sit s WHERE s.decided_at IS NOT NULL
       UNION ALL SELECT m.situation_id, m.assigned_at, m.coordinator, ${event('assign_tandem', 'NULL', 'NULL')}, '',
              jsonb_build_object('tandemId', m.tandem, 'startOn', m.start_on, 'endOn', m.planned_end_on)
              FROM bench_gen.man m
       UNION ALL SELECT m.situation_id, (m.start_on + interval '5 months')::timestamp AT TIME ZONE 'UTC' + interval '9 hours',
              m.lead, ${event('extend_mandate', 'NULL', 'NULL')}, 'Besoin d’un suivi prolongé.',
              jsonb_build_object('endOn', m.end_on)
              FROM bench_gen.man m WHERE m.extended AND (m.start_on + interval '5 months')::date <= m.last_day
       UNION ALL SELECT mr.situation_id, mr.sent_at, mr.sent_by_user_id, ${event('send_monthly_report', 'NULL', 'NULL')},
              '', jsonb_build_object('month', mr.month) FROM monthly_reports mr WHERE mr.status = 'sent'
       UNION ALL SELECT f.situation_id, f.finalised_at, f.finalised_by_user_id,
              ${event('finalise_final_report', 'NULL', 'NULL')}, '', '{}' FROM final_reports f
       UNION ALL SELECT m.situation_id, m.closed_at, m.lead, ${event('close', "'tandem'", "'closed'")}, '',
              jsonb_build_object('outcome', m.outcome, 'outcomeOn', m.outcome_on)
              FROM bench_gen.man m WHERE m.closed_at IS NOT NULL
       UNION ALL SELECT m.situation_id, m.handed_back_at, m.lead, ${event('hand_back', 'NULL', 'NULL')},
              'Dossier rendu avec le bilan final.', jsonb_build_object('toUserId', m.hand_back_to)
              FROM bench_gen.man m WHERE m.handed_back_at IS NOT NULL
       UNION ALL SELECT c.situation_id, c.revoked_at, c.revoked_by_user_id, ${event('consent_revoked', 'NULL', 'NULL')},
              c.revocation_reason, jsonb_build_object('consentId', c.id) FROM consents c WHERE c.revoked_at IS NOT NULL
     ) e
     ORDER BY e.at, e.situation_id, e.type;
     ANALYZE situation_events;`,
  );

  const [counts] = await loader.rows<{ events: number; measures: number }>(
    `SELECT (SELECT count(*) FROM situation_events)::int AS events, (SELECT count(*) FROM measures)::int AS measures`,
  );
  const reads = Math.max(0, AUDIT_ROWS_PER_SITUATION * situations - counts!.events - counts!.measures);
  const j = 'j';
  const ip = `'10.' || ${h(j, 124)} % 4 || '.' || ${h(j, 125)} % 250 || '.' || (1 + ${h(j, 126)} % 250)`;
  await loader.exec(
    `audit log (${(counts!.events + counts!.measures + reads).toLocaleString('en')} rows)`,
    `INSERT INTO audit_log (at, actor_user_id, actor_institution_id, action, record_type, record_id, subject_person_id,
                            ip, allowed, details)
     SELECT a.at, a.actor, u.institution_id, a.action, a.record_type, a.record_id, a.subject, a.ip, true, a.details
     FROM (
       SELECT e.at, e.actor_user_id AS actor, 'situation.' || e.type AS action, 'situation' AS record_type,
              e.situation_id::text AS record_id, s.person_id AS subject, '10.1.0.' || (1 + e.id % 250) AS ip,
              jsonb_build_object('from', e.from_status, 'to', e.to_status) AS details
       FROM situation_events e JOIN situations s ON s.id = e.situation_id
       UNION ALL
       SELECT m.proposed_at, m.proposed_by_user_id, 'measure.propose', 'measure', m.id::text, s.person_id,
              '10.1.1.' || (1 + abs(hashtext(m.id::text)) % 250),
              jsonb_build_object('situationId', m.situation_id, 'route', m.route, 'ruleSet', m.rule_set,
                                 'status', 'proposed', 'totalCents', m.total_cents)
       FROM measures m JOIN situations s ON s.id = m.situation_id
       UNION ALL
       SELECT t.at,
              CASE WHEN s.announced_at IS NULL OR s.taken_up_at IS NULL OR t.at < s.taken_up_at THEN s.announcer
                   WHEN ${r(j, 122)} < 0.4 THEN s.coordinator
                   WHEN m.lead IS NOT NULL AND t.at >= m.assigned_at AND ${r(j, 122)} < 0.8 THEN m.lead
                   ELSE s.announcer END,
              CASE WHEN ${r(j, 123)} < 0.6 THEN 'situation.read' ELSE 'situation.list' END, 'situation', s.id::text,
              s.person_id, ${ip},
              CASE WHEN ${r(j, 123)} < 0.6 THEN jsonb_build_object('identityShown', NOT s.anon)
                   ELSE jsonb_build_object('identityShown', NOT s.anon, 'searched', ${r(j, 127)} < 0.2) END
       FROM generate_series(1, ${reads}) j
       JOIN bench_gen.sit s ON s.i = 1 + ${h(j, 120)} % ${situations}
       LEFT JOIN bench_gen.man m ON m.i = s.i
       CROSS JOIN LATERAL (SELECT s.created_at + ${r(j, 121)}
         * (least(coalesce(s.closed_at + interval '60 days', ${asOf}), ${asOf}) - s.created_at) AS at) t
     ) a
     JOIN users u ON u.id = a.actor
     ORDER BY a.at, a.record_id, a.action, a.actor;`,
  );
}

/**
 * Seals the bulk-loaded audit rows into the keyed chain (decision 010) the way
 * the application's sealer would — same canonical rows, same HMAC, in id order —
 * but from the chain head onwards by keyset, in large batches, with the links
 * inserted in one statement per batch. The application's sealAllPending looks
 * for unsealed rows with an anti-join from the first id, which is fine for a
 * request's few rows but would scan the whole log once per batch of two
 * million. Call it once the rows below the head are sealed (the generator seals
 * what was pending before its bulk insert with the application's own sealer).
 * Takes the sealer's advisory lock in each batch, so a running sealer waits.
 */
export async function sealBulkAudit(db: Db, key: Uint8Array, log: (line: string) => void): Promise<number> {
  const BATCH = 5000;
  let sealed = 0;
  let reported = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(7240002)`);
      const [head] = await queryRows<{ seq: string | number; mac: string; audit_id: string | number }>(
        tx,
        sql`SELECT seq, mac, audit_id FROM audit_chain ORDER BY seq DESC LIMIT 1`,
      );
      const rows = await queryRows<RawAuditRow>(
        tx,
        sql`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log a WHERE a.id > ${Number(head?.audit_id ?? 0)}
            ORDER BY a.id LIMIT ${BATCH}`,
      );
      if (rows.length === 0) return 0;
      let seq = Number(head?.seq ?? 0);
      let previous = head?.mac ?? GENESIS_HASH;
      const seqs: number[] = [];
      const ids: number[] = [];
      const macs: string[] = [];
      for (const row of rows) {
        seq += 1;
        previous = macAuditRow(key, previous, toContent(row, seq));
        seqs.push(seq);
        ids.push(Number(row.id));
        macs.push(previous);
      }
      await tx.execute(
        sql`INSERT INTO audit_chain (seq, audit_id, mac)
            SELECT * FROM unnest(${`{${seqs.join(',')}}`}::bigint[], ${`{${ids.join(',')}}`}::bigint[],
                                 ${`{${macs.join(',')}}`}::text[])`,
      );
      return rows.length;
    });
    if (n === 0) return sealed;
    sealed += n;
    if (sealed - reported >= 250_000) {
      reported = sealed;
      log(`    sealed ${sealed.toLocaleString('en')} audit rows`);
    }
  }
}
