import { eq } from 'drizzle-orm';
import type { ConcludeRoundTableBody } from '../../../contracts/round-tables.ts';
import { checkConclude, conclusionEffect } from '../../../domain/care/round-table.ts';
import { conflict, invalid } from '../../../domain/errors.ts';
import { institutions } from '../../../db/schema.ts';
import type { AuthedContext } from '../../http/context.ts';
import { decideSituation } from '../../situations/decide-situation.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { updateSituationIf } from '../../situations/situation-repository.ts';
import { endPassage } from '../passage-repository.ts';
import { roundTableStatus } from './present-round-table.ts';
import { ensureVersion, loadPassageFor, markPending } from './round-table-repository.ts';
import { ensureRoundTableAllows } from './round-table-problems.ts';

/**
 * Concludes a held round table with its outcome (DOMAIN.md §4.2, 004 §6), who, when and why:
 * - found work, followed by one institution (which): the round table ends and the situation is closed;
 * - network follow-up, assessment, tandem: the situation is oriented on through the triage's own decision (it ends
 *   this passage with `oriented_<kind>` and opens the next; a tandem needs the six criteria, checked there);
 * - pending: it stays held, the reason recorded, to be concluded later.
 */
export async function concludeRoundTable(ctx: AuthedContext, situationId: string, body: ConcludeRoundTableBody) {
  const { row, passage } = await loadPassageFor(ctx, situationId, 'round_table', 'pilot_care', 'round_table.conclude', {
    open: true,
  });
  if (!passage) return;
  ensureVersion(passage, body.version);
  ensureRoundTableAllows(
    checkConclude(
      { status: roundTableStatus(passage), outcome: null, meetingStart: passage.meetingStart },
      { outcome: body.outcome, reason: body.reason, institutionId: body.institutionId },
    ),
  );
  if (body.outcome === 'followed_by_institution' && body.institutionId) {
    const [known] = await ctx.db
      .select({ id: institutions.id })
      .from(institutions)
      .where(eq(institutions.id, body.institutionId));
    if (!known) throw invalid([{ path: 'institutionId', messageKey: 'error.unknownReference' }]);
  }
  const effect = conclusionEffect(body.outcome);
  if (effect.kind === 'orient') {
    // The lifecycle's orient, as in triage: it ends this passage and opens the next one in the same transaction.
    await decideSituation(ctx, situationId, {
      decision: 'orient',
      version: row.version,
      careKind: effect.to,
      reason: body.reason,
      eligibility: effect.to === 'tandem' ? body.eligibility : [],
    });
    return;
  }
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (effect.kind === 'stay') {
      await markPending(tx, passage, body.version, body.reason, now);
      await recordSituationEvent(tx, ctx, {
        situationId,
        personId: row.personId,
        type: 'round_table_pending',
        reason: body.reason,
      });
      return;
    }
    await endPassage(
      tx,
      ctx,
      { id: passage.id, version: body.version },
      {
        outcome: body.outcome === 'found_work' ? 'inserted' : 'followed_by_institution',
        reason: body.reason,
        institutionId: body.outcome === 'followed_by_institution' ? body.institutionId : null,
      },
    );
    const closed = await updateSituationIf(
      tx,
      situationId,
      { version: row.version, status: 'round_table' },
      { status: 'closed', updatedAt: now },
    );
    if (!closed) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'close',
      from: 'round_table',
      to: 'closed',
      reason: body.reason,
      details: { careKind: 'round_table', outcome: body.outcome, institutionId: body.institutionId },
    });
  });
}
