import { type SQL, sql } from 'drizzle-orm';
import { type AlertWhy, addDays } from '../../domain/alerts/alert-rules.ts';
import { type Hmac, pseudonymOf } from '../../domain/alerts/pseudonym.ts';
import { type Queryable, queryRows } from '../../db/open-db.ts';

/**
 * Every query of the caseloads and their matching (issue 14). The matching is set operations on the pseudonym
 * indexes (caseload_entries_pseudonym_idx, person_pseudonyms_pseudonym_idx), never a loop over persons in Node.
 */

/**
 * Who follows whom: the caseloads, and Tandem's live situations of an identified person (their announcing
 * institution, since the announcement, the situation's number as its reference). `kind` 0 sorts caseload rows
 * first. Written as a subquery, not a CTE, so that a condition on the institution or the pseudonym reaches the
 * indexes of both branches.
 */
export const followingsSql = (where: (alias: { institution: SQL; pseudonym: SQL }) => SQL | undefined) => {
  const inCaseload = where({ institution: sql`e.institution_id`, pseudonym: sql`e.pseudonym` });
  const inSituation = where({ institution: sql`s.announcing_institution_id`, pseudonym: sql`pp.pseudonym` });
  return sql`(
    SELECT e.institution_id, e.pseudonym, e.reference, e.followed_since AS since, 0 AS kind
      FROM caseload_entries e ${inCaseload ? sql`WHERE ${inCaseload}` : sql``}
    UNION ALL
    SELECT s.announcing_institution_id, pp.pseudonym, s.number, (s.announced_at AT TIME ZONE 'Europe/Zurich')::date, 1
      FROM situations s JOIN person_pseudonyms pp ON pp.person_id = s.person_id
     WHERE s.status NOT IN ('draft', 'refused', 'closed') AND s.announced_at IS NOT NULL AND NOT s.anonymous
       ${inSituation ? sql`AND ${inSituation}` : sql``}
  )`;
};

/**
 * The pseudonyms of the persons entered in Tandem with a NAVS13, computed for those that have none yet (new
 * persons since the last run; all of them after a rotation emptied the table). Returns how many were added.
 */
export async function refreshPersonPseudonyms(q: Queryable, keys: readonly string[], hmac: Hmac): Promise<number> {
  const missing = await queryRows<{ id: string; navs13: string }>(
    q,
    sql`SELECT p.id, p.navs13 FROM persons p
         WHERE p.navs13 IS NOT NULL AND p.merged_into_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM person_pseudonyms pp WHERE pp.person_id = p.id)`,
  );
  const rows = missing.flatMap((p) => {
    const compact = p.navs13.replace(/[.\s]/g, '');
    return /^756\d{10}$/.test(compact) ? [{ person_id: p.id, pseudonym: pseudonymOf(compact, keys, hmac) }] : [];
  });
  for (let i = 0; i < rows.length; i += 5000) {
    await q.execute(
      sql`INSERT INTO person_pseudonyms (person_id, pseudonym)
          SELECT x.person_id, x.pseudonym FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
            AS x(person_id uuid, pseudonym text)
          ON CONFLICT (person_id) DO NOTHING`,
    );
  }
  return rows.length;
}

/**
 * Raises the co-follow-up alerts of every pair where one side is `institutionId` (null: every pair, for the daily
 * run), one per recipient, pseudonym and other institution; a pair that already has an alert standing is left as it
 * is (the partial unique index alerts_standing_key, ON CONFLICT DO NOTHING). Returns the recipients of those raised.
 */
export async function raiseCoFollowUps(q: Queryable, institutionId: string | null, now: Date): Promise<string[]> {
  const mine = followingsSql(({ institution }) => (institutionId ? sql`${institution} = ${institutionId}` : undefined));
  const all = followingsSql(() => undefined);
  // Both directions: the institution as recipient, and the others as recipients of it.
  const pairs = sql`
    SELECT a.institution_id AS recipient, a.pseudonym, a.reference, a.kind,
           b.institution_id AS other, b.since AS other_since
      FROM ${mine} a JOIN ${all} b ON b.pseudonym = a.pseudonym AND b.institution_id <> a.institution_id
    ${
      institutionId
        ? sql`UNION ALL
    SELECT b.institution_id, b.pseudonym, b.reference, b.kind, a.institution_id, a.since
      FROM ${mine} a JOIN ${all} b ON b.pseudonym = a.pseudonym AND b.institution_id <> a.institution_id`
        : sql``
    }`;
  const raised = await queryRows<{ institution_id: string }>(
    q,
    sql`INSERT INTO alerts
          (institution_id, pseudonym, rule, other_institution_id, reference, other_since, why, created_at)
        SELECT DISTINCT ON (p.recipient, p.pseudonym, p.other)
               p.recipient, p.pseudonym, 'co_follow_up', p.other, p.reference, p.other_since,
               '{"rule":"co_follow_up"}'::jsonb, ${now.toISOString()}::timestamptz
          FROM (${pairs}) p
         WHERE NOT EXISTS (SELECT 1 FROM alerts x
                            WHERE x.institution_id = p.recipient AND x.pseudonym = p.pseudonym
                              AND x.rule = 'co_follow_up' AND x.other_institution_id = p.other AND x.state <> 'closed')
         ORDER BY p.recipient, p.pseudonym, p.other, p.kind, p.other_since
        ON CONFLICT DO NOTHING
        RETURNING institution_id`,
  );
  return raised.map((r) => r.institution_id);
}

/**
 * Closes the alerts that no longer stand: a co-follow-up one of whose sides stopped following the person, an
 * early-risk alert whose person left the holder's caseload. A closed alert forgets its pseudonym (decision 026:
 * nothing is kept of a person a caseload dropped). Returns the recipients of those closed.
 */
export async function closeStaleAlerts(
  q: Queryable,
  institutionId: string | null,
  now: Date,
  /** A condition on `al` narrowing the alerts to look at (an upload: those about persons not in the new list). */
  among?: SQL,
): Promise<string[]> {
  const follows = (inst: SQL) => {
    const of = followingsSql(
      ({ institution, pseudonym }) => sql`${institution} = ${inst} AND ${pseudonym} = al.pseudonym`,
    );
    return sql`EXISTS (SELECT 1 FROM ${of} f)`;
  };
  const scope = institutionId
    ? sql`AND (al.institution_id = ${institutionId} OR al.other_institution_id = ${institutionId})`
    : sql``;
  const closed = await queryRows<{ institution_id: string }>(
    q,
    sql`UPDATE alerts al
           SET state = 'closed', pseudonym = '', state_changed_at = ${now.toISOString()}::timestamptz,
               version = al.version + 1
         WHERE al.state <> 'closed' ${scope} ${among ? sql`AND ${among}` : sql``}
           AND CASE WHEN al.rule = 'co_follow_up'
                    THEN NOT (${follows(sql`al.institution_id`)} AND ${follows(sql`al.other_institution_id`)})
                    ELSE NOT EXISTS (SELECT 1 FROM caseload_entries e
                                      WHERE e.institution_id = al.institution_id AND e.pseudonym = al.pseudonym)
               END
        RETURNING al.institution_id`,
  );
  return closed.map((r) => r.institution_id);
}

/** Early-risk alerts computed in the domain (their rule and why), raised once each while they stand. */
export async function raiseRiskAlerts(
  q: Queryable,
  institutionId: string,
  alerts: readonly { pseudonym: string; reference: string; why: AlertWhy }[],
  now: Date,
): Promise<number> {
  let raised = 0;
  for (let i = 0; i < alerts.length; i += 5000) {
    const chunk = alerts.slice(i, i + 5000).map((a) => ({ ...a, rule: a.why.rule }));
    const rows = await queryRows<{ id: string }>(
      q,
      sql`INSERT INTO alerts (institution_id, pseudonym, rule, reference, why, created_at)
          SELECT ${institutionId}::uuid, x.pseudonym, x.rule, x.reference, x.why, ${now.toISOString()}::timestamptz
            FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
              AS x(pseudonym text, reference text, rule text, why jsonb)
          ON CONFLICT DO NOTHING
          RETURNING id`,
    );
    raised += rows.length;
  }
  return raised;
}

/** Departures are kept for the "moved between caseloads" rule only, then deleted (decision 026). */
export async function purgeDepartures(q: Queryable, today: string, keepDays: number) {
  await q.execute(sql`DELETE FROM caseload_departures WHERE left_on < ${addDays(today, -keepDays)}::date`);
}
