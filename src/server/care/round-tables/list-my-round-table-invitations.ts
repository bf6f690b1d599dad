import { sql } from 'drizzle-orm';
import type { RoundTableInvitation } from '../../../contracts/round-tables.ts';
import type { RoundTableStatus } from '../../../domain/care/round-table.ts';
import { queryRows } from '../../../db/open-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';

interface Row {
  passage_id: string;
  situation_id: string;
  number: string;
  status: RoundTableStatus;
  meeting_start: string | Date | null;
  meeting_place: string;
  given_name: string | null;
  family_name: string | null;
}

/**
 * The round tables the caller takes part in that have not been held yet (issue 12, the home page): the situation's
 * number, when and where, who pilots it. Nothing about the person. One query.
 */
export async function listMyRoundTableInvitations(ctx: AuthedContext): Promise<RoundTableInvitation[]> {
  const rows = await queryRows<Row>(
    ctx.db,
    sql`SELECT p.id AS passage_id, p.situation_id, s.number, p.status, p.meeting_start, p.meeting_place,
        u.given_name, u.family_name
      FROM care_participants cp
      JOIN care_passages p ON p.id = cp.passage_id
      JOIN situations s ON s.id = p.situation_id
      LEFT JOIN users u ON u.id = p.responsible_user_id
      WHERE cp.user_id = ${ctx.actor.userId}::uuid AND cp.removed_at IS NULL
        AND p.kind = 'round_table' AND p.ended_at IS NULL AND p.status IN ('in_preparation', 'scheduled')
        AND p.responsible_user_id IS DISTINCT FROM ${ctx.actor.userId}::uuid
      ORDER BY p.meeting_start NULLS LAST, p.started_at
      LIMIT 50`,
  );
  if (rows.length)
    await recordAudit(ctx.db, ctx, {
      action: 'round_table.invitations',
      recordType: 'care_passage',
      allowed: true,
      details: { passages: rows.map((r) => r.passage_id) },
    });
  return rows.map((r) => ({
    passageId: r.passage_id,
    situationId: r.situation_id,
    situationNumber: r.number,
    status: r.status,
    meetingStart: r.meeting_start === null ? null : new Date(r.meeting_start).toISOString(),
    place: r.meeting_place,
    coordinatorName: r.given_name ? `${r.given_name} ${r.family_name ?? ''}`.trim() : '',
  }));
}
