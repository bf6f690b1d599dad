import type { z } from 'zod';
import type { ExtendBodySchema } from '../../contracts/tandem.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import { checkExtension } from '../../domain/tandem/mandate.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordSituationEvent } from '../situations/record-event.ts';
import { loadMandateFor } from './load-mandate.ts';
import { updateMandateIf } from './tandem-repository.ts';

/** A justified extension to a later end, never beyond nine months from the start (seeds 000/004). */
export async function extendMandate(ctx: AuthedContext, situationId: string, body: z.infer<typeof ExtendBodySchema>) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', 'mandate.extend');
  const verdict = checkExtension({ start: mandate.startOn, currentEnd: mandate.endOn }, body.endOn, body.justification);
  if (!verdict.ok) {
    throw invalid([
      {
        path: verdict.reason === 'justification_missing' ? 'justification' : 'endOn',
        messageKey: `mandate.${verdict.reason}`,
        params: { latestEnd: verdict.latestEnd.split('-').reverse().join('.') },
      },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await updateMandateIf(tx, mandate.id, body.version, { endOn: body.endOn, updatedAt: ctx.now() })))
      throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId: row.personId,
      type: 'extend_mandate',
      reason: body.justification,
      details: { fromEndOn: mandate.endOn, toEndOn: body.endOn },
    });
  });
}
