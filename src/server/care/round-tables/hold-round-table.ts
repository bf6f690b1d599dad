import { zurichLocal } from '../../../domain/calendar/zurich-time.ts';
import { checkHold } from '../../../domain/care/round-table.ts';
import { formatDate } from '../../../domain/format/swiss-format.ts';
import { roundTableMinutes } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updatePassageIf } from '../passage-repository.ts';
import { roundTableStatus } from './present-round-table.ts';
import { anonymousProfile, ensureVersion, loadPassageFor, personWords } from './round-table-repository.ts';
import { ensureRoundTableAllows } from './round-table-problems.ts';

/**
 * Records the round table held, with its minutes (decision 023): written once, with the anonymous profile discussed
 * (age band, region, risk factors) as it was that day, and never changed afterwards — a later link to the person
 * leaves them as written. Minutes that name the person (their names or AVS number, when the file knows them) are
 * refused: every participant reads them.
 */
export async function holdRoundTable(
  ctx: AuthedContext,
  situationId: string,
  body: { minutes: string; version: number },
) {
  const { row, passage } = await loadPassageFor(ctx, situationId, 'round_table', 'pilot_care', 'round_table.hold', {
    open: true,
  });
  if (!passage) return;
  ensureVersion(passage, body.version);
  const now = ctx.now();
  const planned = passage.meetingStart ? zurichLocal(passage.meetingStart) : null;
  ensureRoundTableAllows(
    checkHold(
      { status: roundTableStatus(passage), outcome: null, meetingStart: passage.meetingStart },
      body.minutes,
      now,
      await personWords(ctx.db, row),
    ),
    { date: planned ? `${formatDate(planned.date, ctx.lang)} ${planned.time}` : '' },
  );
  const profile = await anonymousProfile(ctx.db, row, now);
  await ctx.db.transaction(async (tx) => {
    await updatePassageIf(tx, passage.id, body.version, { status: 'held', updatedAt: now });
    await tx.insert(roundTableMinutes).values({
      passageId: passage.id,
      situationId,
      text: body.minutes,
      writtenByUserId: ctx.actor.userId,
      writtenAt: now,
      profile,
    });
    // The timeline says that it was held; the minutes themselves stay on the round table.
    await recordSituationEvent(tx, ctx, { situationId, personId: row.personId, type: 'round_table_hold' });
  });
}
