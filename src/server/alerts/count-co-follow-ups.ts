import { sql } from 'drizzle-orm';
import type { CoFollowUpCounts, CoFollowUpQuery } from '../../contracts/alerts.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { suppressCount } from '../../domain/statistics/suppression.ts';
import { queryRows } from '../../db/open-db.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';

/**
 * Counting without disclosing (issue 14, figures): how many persons were found followed by both institutions of a
 * pair, per month they were found — one per pair and person, whatever became of the alerts since, closed ones
 * included — found within the year or period asked (like `GET /api/figures`: this year by default). The statistics
 * readers (the `figures` resource of the policy); internal: exact counts; public (a calendar year only): counts below
 * FIGURES_MIN_COUNT hidden (decision 024). Audited.
 */
export async function countCoFollowUps(ctx: AuthedContext, query: CoFollowUpQuery): Promise<CoFollowUpCounts> {
  await ensureAllowed(ctx, 'read', { type: 'figures', regionId: null }, { action: 'figures.read' });
  const today = swissDay(ctx.now());
  const year = query.year ?? (query.from ? null : Number(today.slice(0, 4)));
  const from = year ? `${year}-01-01` : (query.from ?? today);
  const to = year ? `${year}-12-31` : (query.to ?? today);
  const rows = await queryRows<{ month: string; a_fr: string; a_de: string; b_fr: string; b_de: string; n: number }>(
    ctx.db,
    // Both directions of a pair are raised together: the one from the smaller id counts it once.
    sql`SELECT to_char(al.created_at AT TIME ZONE 'Europe/Zurich', 'YYYY-MM') AS month,
               a.name_fr AS a_fr, a.name_de AS a_de, b.name_fr AS b_fr, b.name_de AS b_de, count(*)::int AS n
          FROM alerts al
          JOIN institutions a ON a.id = al.institution_id
          JOIN institutions b ON b.id = al.other_institution_id
         WHERE al.rule = 'co_follow_up' AND al.institution_id < al.other_institution_id
           AND (al.created_at AT TIME ZONE 'Europe/Zurich')::date BETWEEN ${from}::date AND ${to}::date
         GROUP BY 1, a.id, b.id
         ORDER BY 1 DESC, 2, 4`,
  );
  const threshold = ctx.config.FIGURES_MIN_COUNT;
  await recordAudit(ctx.db, ctx, {
    action: 'figures.read',
    recordType: 'figures',
    allowed: true,
    details: { table: 'co_follow_ups', from, to, publication: query.publication },
  });
  const published = query.publication === 'public';
  return {
    publication: query.publication,
    period: { from, to },
    threshold,
    rows: rows.map((r) => ({
      month: r.month,
      institutionA: { nameFr: r.a_fr, nameDe: r.a_de },
      institutionB: { nameFr: r.b_fr, nameDe: r.b_de },
      count: published ? suppressCount(r.n, threshold) : r.n,
    })),
  };
}
