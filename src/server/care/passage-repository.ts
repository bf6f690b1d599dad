import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { type CareKind, FIRST_STATUS, ENDED_STATUS, type PassageOutcome } from '../../domain/care/passage.ts';
import { conflict } from '../../domain/errors.ts';
import type { Queryable, Tx } from '../../db/open-db.ts';
import { carePassages } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';

export type PassageRow = typeof carePassages.$inferSelect;

/**
 * Passages (issue 12, src/domain/care/passage.ts): a situation's stays in each
 * kind of care, one open at a time (a unique index), each ended with its outcome,
 * who and when. Written in the transaction of the decision that opens or ends
 * it; the access grants follow a passage's end (migration 0015's trigger).
 */
export async function openPassage(
  tx: Tx,
  ctx: AuthedContext,
  p: {
    situationId: string;
    kind: CareKind;
    status?: string;
    responsibleUserId?: string | null;
    mandateId?: string | null;
  },
): Promise<PassageRow> {
  const now = ctx.now();
  const [row] = await tx
    .insert(carePassages)
    .values({
      situationId: p.situationId,
      kind: p.kind,
      status: p.status ?? FIRST_STATUS[p.kind],
      startedAt: now,
      startedByUserId: ctx.actor.userId,
      responsibleUserId: p.responsibleUserId ?? null,
      mandateId: p.mandateId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    // Another passage still open on the situation: two decisions raced, the second loses.
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict();
  return row;
}

/**
 * Ends a passage with its outcome (who, when, why). Names the version it read
 * when the caller has one: two people ending it at once cannot both win.
 */
export async function endPassage(
  tx: Tx,
  ctx: AuthedContext,
  passage: Pick<PassageRow, 'id'> & { version?: number },
  end: { outcome: PassageOutcome; reason?: string; institutionId?: string | null },
): Promise<PassageRow> {
  const now = ctx.now();
  const [row] = await tx
    .update(carePassages)
    .set({
      status: ENDED_STATUS,
      endedAt: now,
      endedByUserId: ctx.actor.userId,
      outcome: end.outcome,
      outcomeReason: end.reason ?? '',
      outcomeInstitutionId: end.institutionId ?? null,
      updatedAt: now,
      version: sql`${carePassages.version} + 1`,
    })
    .where(
      and(
        eq(carePassages.id, passage.id),
        isNull(carePassages.endedAt),
        passage.version === undefined ? undefined : eq(carePassages.version, passage.version),
      ),
    )
    .returning();
  if (!row) throw conflict();
  return row;
}

/**
 * Changes an open passage's state or meeting fields if it still has the version the caller read (409 otherwise);
 * the version grows.
 */
export async function updatePassageIf(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<
    Pick<
      PassageRow,
      | 'status'
      | 'responsibleUserId'
      | 'meetingStart'
      | 'meetingDurationMinutes'
      | 'meetingPlace'
      | 'invitationSequence'
      | 'reviewOn'
      | 'mandateId'
      | 'updatedAt'
    >
  >,
): Promise<PassageRow> {
  const [row] = await tx
    .update(carePassages)
    .set({ ...values, version: sql`${carePassages.version} + 1` })
    .where(and(eq(carePassages.id, id), eq(carePassages.version, version), isNull(carePassages.endedAt)))
    .returning();
  if (!row) throw conflict();
  return row;
}

/** The situation's open passage (of a kind, if named), or null. */
export async function currentPassage(q: Queryable, situationId: string, kind?: CareKind): Promise<PassageRow | null> {
  const [row] = await q
    .select()
    .from(carePassages)
    .where(
      and(
        eq(carePassages.situationId, situationId),
        isNull(carePassages.endedAt),
        kind ? eq(carePassages.kind, kind) : undefined,
      ),
    );
  return row ?? null;
}

/** The situation's passage of a kind: the open one, else the latest ended (an assessment read after its closure). */
export async function latestPassage(q: Queryable, situationId: string, kind: CareKind): Promise<PassageRow | null> {
  const [row] = await q
    .select()
    .from(carePassages)
    .where(and(eq(carePassages.situationId, situationId), eq(carePassages.kind, kind)))
    .orderBy(sql`${carePassages.endedAt} IS NULL DESC`, desc(carePassages.startedAt))
    .limit(1);
  return row ?? null;
}

/** Every passage of the situation, oldest first (a situation may go through several kinds of care). */
export async function passagesOf(q: Queryable, situationId: string): Promise<PassageRow[]> {
  return q
    .select()
    .from(carePassages)
    .where(eq(carePassages.situationId, situationId))
    .orderBy(asc(carePassages.startedAt), asc(carePassages.createdAt));
}
