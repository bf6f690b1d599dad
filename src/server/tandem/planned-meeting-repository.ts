import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { plannedMeetings } from '../../db/schema.ts';
import { conflict, notFound } from '../../domain/errors.ts';

export type PlannedMeetingRow = typeof plannedMeetings.$inferSelect;

/** A planned meeting of this situation, or 404 (an id from another file is not found here). */
export async function findPlannedMeeting(q: Queryable, situationId: string, id: string): Promise<PlannedMeetingRow> {
  const [row] = await q
    .select()
    .from(plannedMeetings)
    .where(and(eq(plannedMeetings.id, id), eq(plannedMeetings.situationId, situationId)));
  if (!row) throw notFound();
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
