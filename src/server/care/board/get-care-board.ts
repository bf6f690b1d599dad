import { sql } from 'drizzle-orm';
import type { Board } from '../../../contracts/round-tables.ts';
import { bureauRegions } from '../../../domain/access/policy.ts';
import { waitOf } from '../../../domain/care/care-waits.ts';
import { type CareKind, daysBetween } from '../../../domain/care/passage.ts';
import { queryRows } from '../../../db/open-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { ensureAllowed } from '../../http/access.ts';
import type { AuthedContext } from '../../http/context.ts';

/** The kinds the Bureau follows here; tandems have their own screen (load, intensity). */
const BOARD_KINDS: CareKind[] = ['assessment', 'round_table', 'network_follow_up'];
const LIMIT = 1000;

interface BoardRow {
  id: string;
  situation_id: string;
  number: string;
  region_id: string;
  kind: CareKind;
  status: string;
  outcome: string | null;
  started_at: string | Date;
  meeting_start: string | Date | null;
  review_on: string | null;
  given_name: string | null;
  family_name: string | null;
}

const asDate = (v: string | Date | null) => (v === null ? null : new Date(v));

/**
 * The Bureau's region view (issue 12): the assessments, round tables and network follow-ups still open in the
 * caller's regions (all of them for the cantonal Bureau), longest waiting first, each with the days since it started
 * and what it waits for and on whom. One query, scoped by the regions in SQL (issue 10). No person is named: the
 * situation's number only.
 */
export async function getCareBoard(ctx: AuthedContext, query: { kind?: CareKind; regionId?: string }): Promise<Board> {
  await ensureAllowed(ctx, 'read', { type: 'care_board' }, { action: 'care_board.read' });
  const regions = bureauRegions(ctx.actor);
  const kinds = query.kind ? BOARD_KINDS.filter((k) => k === query.kind) : BOARD_KINDS;
  const scope =
    regions === 'all'
      ? sql`TRUE`
      : regions?.length
        ? sql`s.region_id IN (${sql.join(
            regions.map((r) => sql`${r}::uuid`),
            sql`, `,
          )})`
        : sql`FALSE`;
  const rows = kinds.length
    ? await queryRows<BoardRow>(
        ctx.db,
        sql`SELECT p.id, p.situation_id, s.number, s.region_id, p.kind, p.status, p.outcome, p.started_at,
            p.meeting_start, p.review_on, u.given_name, u.family_name
          FROM care_passages p
          JOIN situations s ON s.id = p.situation_id
          LEFT JOIN users u ON u.id = COALESCE(p.responsible_user_id, p.started_by_user_id)
          WHERE p.ended_at IS NULL
            AND p.kind IN (${sql.join(
              kinds.map((k) => sql`${k}::care_kind`),
              sql`, `,
            )})
            AND ${scope}
            ${query.regionId ? sql`AND s.region_id = ${query.regionId}::uuid` : sql``}
          ORDER BY p.started_at, p.id
          LIMIT ${LIMIT}`,
      )
    : [];
  const now = ctx.now();
  await recordAudit(ctx.db, ctx, {
    action: 'care_board.read',
    recordType: 'care_board',
    allowed: true,
    details: { kind: query.kind ?? null, regionId: query.regionId ?? null, count: rows.length },
  });
  return {
    // The assessments' finer waits (whose acceptance of the contract, the conformity check) belong to the MAMAC
    // tables; until they are here, an assessment shows the state of its passage.
    assessmentDetail: false,
    items: rows.map((r) => {
      const startedAt = new Date(r.started_at);
      const meetingStart = asDate(r.meeting_start);
      const wait = waitOf(
        { kind: r.kind, status: r.status, outcome: r.outcome, meetingStart, reviewOn: r.review_on, endedAt: null },
        now,
      );
      return {
        passageId: r.id,
        situationId: r.situation_id,
        situationNumber: r.number,
        regionId: r.region_id,
        kind: r.kind,
        status: r.status,
        outcome: r.outcome,
        startedAt: startedAt.toISOString(),
        daysWaiting: daysBetween(startedAt, now),
        meetingStart: meetingStart?.toISOString() ?? null,
        reviewOn: r.review_on,
        responsibleName: r.given_name ? `${r.given_name} ${r.family_name ?? ''}`.trim() : '',
        waitWhat: wait.what,
        waitWho: wait.who,
        waitingOn: [],
      };
    }),
  };
}
