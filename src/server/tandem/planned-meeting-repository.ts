import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { plannedMeetings } from '../../db/schema.ts';
import { conflict } from '../../domain/errors.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';
import { notFoundAudited } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';

export type PlannedMeetingRow = typeof plannedMeetings.$inferSelect;

/**
 * A planned meeting of this situation, or 404 (an id from another file is not found here), the refusal audited:
 * the situation's access passed, the sub-record's did not (issue 11).
 */
export async function findPlannedMeeting(
  ctx: AuthedContext,
  situation: { id: string; personId: string | null },
  id: string,
  action: AuditAction,
): Promise<PlannedMeetingRow> {
  const [row] = await ctx.db
    .select()
    .from(plannedMeetings)
    .where(and(eq(plannedMeetings.id, id), eq(plannedMeetings.situationId, situation.id)));
  if (!row)
    throw await notFoundAudited(ctx, {
      action,
      recordType: 'planned_meeting',
      recordId: id,
      subjectPersonId: situation.personId ?? undefined,
    });
  return row;
}

/**
 * Compare-and-set on the version and on the status still "planned": a meeting moved, held or cancelled meanwhile
 * gives 409. `bumpSequence` for what the invited must see again (moved, cancelled: RFC 5545 SEQUENCE).
 */
export async function updatePlannedMeetingIf(
  q: Queryable,
  id: string,
  version: number,
  values: Partial<Omit<PlannedMeetingRow, 'id' | 'version' | 'sequence'>>,
  bumpSequence: boolean,
): Promise<void> {
  const updated = await q
    .update(plannedMeetings)
    .set({
      ...values,
      version: sql`${plannedMeetings.version} + 1`,
      ...(bumpSequence ? { sequence: sql`${plannedMeetings.sequence} + 1` } : {}),
    })
    .where(and(eq(plannedMeetings.id, id), eq(plannedMeetings.version, version), eq(plannedMeetings.status, 'planned')))
    .returning({ id: plannedMeetings.id });
  if (updated.length !== 1) throw conflict();
}
