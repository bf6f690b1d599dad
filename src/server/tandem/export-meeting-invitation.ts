import { eq, inArray } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import { buildIcs } from '../../domain/calendar/ics.ts';
import { PART_CATEGORY } from '../../domain/consent/data-categories.ts';
import { notFound } from '../../domain/errors.ts';
import { invitationState, invitationUid } from '../../domain/tandem/planned-meeting.ts';
import { oneRow } from '../../db/one-row.ts';
import { tandems, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { translate } from '../i18n/messages.ts';
import { categoryFilter, fullName } from '../situations/present-situation.ts';
import { loadMandateFor } from './load-mandate.ts';
import { findPlannedMeeting } from './planned-meeting-repository.ts';

/**
 * The planned meeting's invitation as an iCalendar file (RFC 5545): REQUEST while planned, CANCEL once cancelled or
 * once the mandate is closed, with its stable UID and its SEQUENCE. It is meant for outside calendars and forwarding:
 * the situation's number and "the person", never the person's name (decision 018); no notes. Read
 * through the access policy (the coaching's category of the procuration) and audited.
 */
export async function exportMeetingInvitation(
  ctx: AuthedContext,
  situationId: string,
  plannedMeetingId: string,
  lang: Language,
): Promise<{ ics: string; filename: string; method: 'REQUEST' | 'CANCEL' }> {
  const { row, facts, mandate } = await loadMandateFor(ctx, situationId, 'read', 'planned_meeting.export');
  // The journal and what is planned belong to the coaching's category (decision 005): without it, not found.
  if (!categoryFilter(ctx.actor, facts).shows(PART_CATEGORY.coaching)) {
    await recordAudit(ctx.db, ctx, {
      action: 'planned_meeting.export',
      recordType: 'planned_meeting',
      recordId: plannedMeetingId,
      subjectPersonId: row.personId ?? undefined,
      allowed: false,
    });
    throw notFound();
  }
  const planned = await findPlannedMeeting(
    ctx,
    { id: situationId, personId: row.personId },
    plannedMeetingId,
    'planned_meeting.export',
  );
  if (planned.status === 'held') throw notFound(); // a held meeting is in the journal, no longer an invitation
  const tandem = oneRow(await ctx.db.select().from(tandems).where(eq(tandems.id, mandate.tandemId)));
  const people = await ctx.db
    .select({ id: users.id, givenName: users.givenName, familyName: users.familyName, email: users.email })
    .from(users)
    .where(inArray(users.id, [planned.createdByUserId, tandem.orpUserId, tandem.cmsUserId]));
  const asAttendee = (id: string) => {
    const u = people.find((p) => p.id === id);
    return u ? { name: fullName(u), email: u.email } : null;
  };
  const organizer = asAttendee(planned.createdByUserId);
  if (!organizer) throw notFound(); // not so: the creator is a user (foreign key)
  const attendees = [tandem.orpUserId, tandem.cmsUserId]
    .filter((id) => id !== planned.createdByUserId)
    .map(asAttendee)
    .filter((a) => a !== null);
  // An .ics is meant for outside calendars and forwarding: never the person's name (decision 018), the situation's
  // number and "the person" suffice; the tandem reads the name in Tandem.
  const who = translate(lang, 'invitation.thePerson');
  const kind = translate(lang, `invitation.kind.${planned.kind}`);
  const description = [
    translate(lang, 'invitation.situation', { number: row.number }),
    planned.personInvited ? translate(lang, 'invitation.personInvited', { name: who }) : '',
    planned.others ? translate(lang, 'invitation.others', { others: planned.others }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const { method, sequence } = invitationState(planned, mandate.closedAt !== null);
  const ics = buildIcs({
    uid: invitationUid(planned.id),
    sequence,
    method,
    stamp: ctx.now(),
    start: { date: planned.plannedOn, time: planned.startTime },
    durationMinutes: planned.durationMinutes,
    summary: translate(lang, 'invitation.summary', { kind, number: row.number }),
    description,
    location: planned.location,
    organizer,
    attendees,
  });
  await recordAudit(ctx.db, ctx, {
    action: 'planned_meeting.export',
    recordType: 'planned_meeting',
    recordId: planned.id,
    subjectPersonId: row.personId ?? undefined,
    allowed: true,
    details: { situationId, method, sequence },
  });
  return { ics, filename: `tandem-${planned.plannedOn}.ics`, method };
}
