import { sql } from 'drizzle-orm';
import type { CaseloadUploadResult } from '../../contracts/alerts.ts';
import {
  type AlertRule,
  type AlertWhy,
  evaluateCaseloadTransfer,
  evaluateLaciEndRisk,
  ruleInForce,
} from '../../domain/alerts/alert-rules.ts';
import { CASELOAD_MAX_ROWS, type CaseloadProblem, parseCaseloadTable } from '../../domain/alerts/caseload.ts';
import { pseudonymOf } from '../../domain/alerts/pseudonym.ts';
import type { Actor, Language } from '../../domain/access/roles.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { type Db, queryRows } from '../../db/open-db.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { readTable } from '../history/read-table.ts';
import { translate } from '../i18n/messages.ts';
import { listAlertRules } from './alert-rule-repository.ts';
import { type CaseloadKeys, caseloadHmac } from './caseload-key.ts';
import {
  closeStaleAlerts,
  purgeDepartures,
  raiseCoFollowUps,
  raiseRiskAlerts,
  refreshPersonPseudonyms,
} from './caseload-repository.ts';

/** Who uploads: a correspondent signed in (actor), or an institution's system with a machine token (actor null). */
export interface CaseloadCaller {
  db: Db;
  now: () => Date;
  ip: string;
  lang: Language;
  actor: Actor | null;
}

/** Departures are remembered this long at least (the longest "moved" rule plus a margin), then deleted. */
const KEEP_DEPARTURE_DAYS = 62;

/**
 * Replaces an institution's caseload with a CSV or XLSX file in the template (issue 14). Every row is checked
 * (src/domain/alerts/caseload.ts); a dry run says what would be kept and why each refused row is refused, and
 * changes nothing. A real upload — refused whole if the file itself is wrong — turns each NAVS13 into its keyed
 * pseudonym (the number is never stored), and in one transaction: remembers who left (for the "moved" rule),
 * replaces the rows, closes the alerts that no longer stand, raises the co-follow-ups (SQL on the pseudonym index)
 * and the early-risk alerts of the holder's own rows (the rules in force today, from `alert_rules`), audited.
 * The caller's access (a correspondent of the institution, or its machine token) is checked before.
 */
export async function uploadCaseload(
  caller: CaseloadCaller,
  options: {
    institutionId: string;
    file: { content: Buffer; type: string };
    dryRun: boolean;
    keys: CaseloadKeys;
    machineTokenId?: string;
  },
): Promise<CaseloadUploadResult> {
  const { institutionId, dryRun, keys } = options;
  const table = await readTable(options.file.content, options.file.type, CASELOAD_MAX_ROWS);
  const now = caller.now();
  const today = swissDay(now);
  const parsed = parseCaseloadTable(table, today);
  const say = (p: CaseloadProblem) => translate(caller.lang, p.key, { column: p.column, ...p.params });
  const accepted = parsed.fileProblems.length ? [] : parsed.rows;
  const base = {
    dryRun,
    rows: parsed.rows.length + parsed.rejected.length,
    accepted: accepted.length,
    rejected: parsed.rejected.map((r) => ({ line: r.line, reference: r.reference, reasons: r.problems.map(say) })),
    fileProblems: parsed.fileProblems.map(say),
  };
  const rows = accepted.map(({ row }) => ({
    pseudonym: pseudonymOf(row.navs13, keys.keys, caseloadHmac),
    reference: row.reference,
    followed_since: row.followedSince,
    laci_end: row.laciEnd,
    risk_flags: row.riskFlags,
  }));
  const audit = (q: Db | Parameters<Parameters<Db['transaction']>[0]>[0], details: Record<string, unknown>) =>
    recordAudit(q, caller, {
      action: 'caseload.upload',
      recordType: 'caseload',
      recordId: institutionId,
      allowed: true,
      details: {
        ...details,
        dryRun,
        rows: base.rows,
        accepted: base.accepted,
        rejected: base.rejected.length,
        ...(options.machineTokenId ? { machineTokenId: options.machineTokenId } : {}),
      },
    });
  if (dryRun || parsed.fileProblems.length) {
    const current = await queryRows<{ pseudonym: string }>(
      caller.db,
      sql`SELECT pseudonym FROM caseload_entries WHERE institution_id = ${institutionId}`,
    );
    const kept = new Set(rows.map((r) => r.pseudonym));
    const leaving = parsed.fileProblems.length ? 0 : current.filter((c) => !kept.has(c.pseudonym)).length;
    await audit(caller.db, { left: leaving });
    return { ...base, left: leaving, alertsRaised: 0, alertsClosed: 0 };
  }
  const rules = await listAlertRules(caller.db);
  await refreshPersonPseudonyms(caller.db, keys.keys, caseloadHmac);
  return caller.db.transaction(async (tx) => {
    // Serialises two uploads of one institution (a correspondent and its system at once).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('caseload'), hashtext(${institutionId}))`);
    await tx.execute(
      sql`CREATE TEMP TABLE caseload_new (pseudonym text PRIMARY KEY, reference text NOT NULL,
            followed_since date NOT NULL, laci_end date, risk_flags text[] NOT NULL) ON COMMIT DROP`,
    );
    for (let i = 0; i < rows.length; i += 10_000) {
      await tx.execute(
        sql`INSERT INTO caseload_new
            SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 10_000))}::jsonb)
              AS x(pseudonym text, reference text, followed_since date, laci_end date, risk_flags text[])`,
      );
    }
    await tx.execute(sql`ANALYZE caseload_new`);
    const left = await queryRows<{ pseudonym: string }>(
      tx,
      sql`INSERT INTO caseload_departures (institution_id, pseudonym, left_on)
          SELECT e.institution_id, e.pseudonym, ${today}::date FROM caseload_entries e
           WHERE e.institution_id = ${institutionId}
             AND NOT EXISTS (SELECT 1 FROM caseload_new n WHERE n.pseudonym = e.pseudonym)
          ON CONFLICT (institution_id, pseudonym) DO UPDATE SET left_on = excluded.left_on
          RETURNING pseudonym`,
    );
    await tx.execute(
      sql`DELETE FROM caseload_departures d WHERE d.institution_id = ${institutionId}
            AND EXISTS (SELECT 1 FROM caseload_new n WHERE n.pseudonym = d.pseudonym)`,
    );
    await purgeDepartures(tx, today, KEEP_DEPARTURE_DAYS);
    // The new list replaces the old one; only the rows that differ are written (a monthly file changes a few).
    const at = now.toISOString();
    await tx.execute(
      sql`DELETE FROM caseload_entries e WHERE e.institution_id = ${institutionId}
            AND NOT EXISTS (SELECT 1 FROM caseload_new n WHERE n.pseudonym = e.pseudonym)`,
    );
    await tx.execute(
      sql`UPDATE caseload_entries e
             SET reference = n.reference, followed_since = n.followed_since, laci_end = n.laci_end,
                 risk_flags = n.risk_flags, uploaded_at = ${at}::timestamptz
            FROM caseload_new n
           WHERE e.institution_id = ${institutionId} AND e.pseudonym = n.pseudonym
             AND (e.reference, e.followed_since, e.laci_end, e.risk_flags)
                 IS DISTINCT FROM (n.reference, n.followed_since, n.laci_end, n.risk_flags)`,
    );
    await tx.execute(
      sql`INSERT INTO caseload_entries
            (institution_id, pseudonym, reference, followed_since, laci_end, risk_flags, uploaded_at)
          SELECT ${institutionId}::uuid, n.pseudonym, n.reference, n.followed_since, n.laci_end, n.risk_flags,
                 ${at}::timestamptz
            FROM caseload_new n
          ON CONFLICT (institution_id, pseudonym) DO NOTHING`,
    );
    await tx.execute(
      sql`INSERT INTO caseload_uploads (institution_id, uploaded_at, rows, machine_token_id)
          VALUES (${institutionId}, ${at}::timestamptz, ${rows.length}, ${options.machineTokenId ?? null})
          ON CONFLICT (institution_id) DO UPDATE
            SET uploaded_at = excluded.uploaded_at, rows = excluded.rows, machine_token_id = excluded.machine_token_id`,
    );
    // The counts told to the uploader are its own institution's alerts; the others' are raised and closed alike.
    const own = (recipients: string[]) => recipients.filter((r) => r === institutionId).length;
    // Only alerts about persons no longer in this list can have stopped standing because of it.
    const gone = sql`NOT EXISTS (SELECT 1 FROM caseload_new n WHERE n.pseudonym = al.pseudonym)`;
    const alertsClosed = own(await closeStaleAlerts(tx, institutionId, now, gone));
    let alertsRaised = 0;
    if (ruleInForce(rules, 'co_follow_up', today)) alertsRaised += own(await raiseCoFollowUps(tx, institutionId, now));
    alertsRaised += await raiseRiskAlerts(
      tx,
      institutionId,
      await riskAlerts(tx, institutionId, rows, rules, today),
      now,
    );
    await audit(tx, { left: left.length, alertsRaised, alertsClosed });
    return { ...base, left: left.length, alertsRaised, alertsClosed };
  });
}

/** The early-risk rules on the holder's own rows: the end of LACI rights, and arrivals from another caseload. */
async function riskAlerts(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  institutionId: string,
  rows: readonly {
    pseudonym: string;
    reference: string;
    followed_since: string;
    laci_end: string | null;
    risk_flags: string[];
  }[],
  rules: readonly AlertRule[],
  today: string,
): Promise<{ pseudonym: string; reference: string; why: AlertWhy }[]> {
  const out: { pseudonym: string; reference: string; why: AlertWhy }[] = [];
  const laci = ruleInForce(rules, 'laci_end_risk', today);
  for (const r of rows) {
    const why = evaluateLaciEndRisk({ laciEnd: r.laci_end, riskFlags: r.risk_flags }, laci, today);
    if (why) out.push({ pseudonym: r.pseudonym, reference: r.reference, why });
  }
  const transfer = ruleInForce(rules, 'caseload_transfer', today);
  if (transfer) {
    // Who left another institution's caseload lately and is in this one: the other institution is not named.
    const moves = await queryRows<{ pseudonym: string; reference: string; left_on: string; followed_since: string }>(
      tx,
      sql`SELECT n.pseudonym, n.reference, max(d.left_on)::text AS left_on, n.followed_since::text AS followed_since
            FROM caseload_new n JOIN caseload_departures d ON d.pseudonym = n.pseudonym
           WHERE d.institution_id <> ${institutionId}
           GROUP BY n.pseudonym, n.reference, n.followed_since`,
    );
    for (const m of moves) {
      const why = evaluateCaseloadTransfer({ leftOn: m.left_on, followedSince: m.followed_since }, transfer);
      if (why) out.push({ pseudonym: m.pseudonym, reference: m.reference, why });
    }
  }
  return out;
}
