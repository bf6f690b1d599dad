import type { LinkPersonBody } from '../../../contracts/round-tables.ts';
import { DomainError, conflict, invalid } from '../../../domain/errors.ts';
import type { AuthedContext } from '../../http/context.ts';
import { insertPerson } from '../../persons/create-person.ts';
import { usablePersonIds } from '../../persons/person-repository.ts';
import { loadSituationFor } from '../../situations/load-situation.ts';
import { recordSituationEvent } from '../../situations/record-event.ts';
import { accessClock, updateSituationIf } from '../../situations/situation-repository.ts';

/**
 * A consent arrived after the situation was discussed anonymously (004 §6, DOMAIN.md §3): its announcer or the
 * Bureau of its region links it to the person — one the caller already sees, or a new one entered as in the
 * announcement's first step (duplicates shown and named distinct). The situation becomes identified; who sees the
 * person then follows the consent as for any file. Audited with the person as subject, on the timeline without the
 * name; the round table's minutes stay as they were written.
 */
export async function linkAnonymousSituation(ctx: AuthedContext, situationId: string, body: LinkPersonBody) {
  const { row } = await loadSituationFor(ctx, situationId, 'link_person', 'situation.link_person');
  if (!row.anonymous || row.personId) throw new DomainError('conflict', 'roundTable.notAnonymous');
  if ('personId' in body) {
    // Only a person the caller may already use: a link must not reveal nor attach a stranger's record.
    const usable = await usablePersonIds(ctx.db, ctx.actor, [body.personId], accessClock(ctx));
    if (!usable.has(body.personId)) throw invalid([{ path: 'personId', messageKey: 'error.unknownReference' }]);
  }
  await ctx.db.transaction(async (tx) => {
    const personId =
      'personId' in body
        ? body.personId
        : await insertPerson(tx, ctx, { person: body.person, confirmDistinctFrom: body.confirmDistinctFrom });
    const ok = await updateSituationIf(
      tx,
      situationId,
      { version: body.version, status: row.status },
      { personId, anonymous: false, updatedAt: ctx.now() },
    );
    if (!ok) throw conflict();
    await recordSituationEvent(tx, ctx, {
      situationId,
      personId,
      type: 'link_person',
      details: { personCreated: !('personId' in body) },
    });
  });
}
