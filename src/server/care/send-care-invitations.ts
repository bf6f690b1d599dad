import { eq } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import { buildIcs } from '../../domain/calendar/ics.ts';
import { zurichLocal } from '../../domain/calendar/zurich-time.ts';
import { formatDate } from '../../domain/format/swiss-format.ts';
import type { Tx } from '../../db/open-db.ts';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { translate } from '../i18n/messages.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { fullName } from '../situations/present-situation.ts';
import type { PassageRow } from './passage-repository.ts';
import { participantsOf } from './participants.ts';

/** The stable UID of a passage's meeting: every update and the cancellation name the same event. */
export const careInvitationUid = (passageId: string) => `care-${passageId}@tandem.cii-valais`;

/**
 * Invites every participant with an address to an assessment's or a round
 * table's meeting (issue 12): one e-mail each, through the outbox (it leaves
 * only if the change commits), in the recipient's language, carrying an
 * iCalendar REQUEST (or CANCEL) with the passage's UID and its current
 * SEQUENCE, so that calendar programs update or remove the same event.
 *
 * Nothing in it identifies the person (decision 018; a round table without
 * consent is anonymous, 004 §6): the situation's number, the kind of care, the
 * day, time and place — no name, no notes. The caller bumps the passage's
 * `invitationSequence` on every change of date or place and on cancellation,
 * in the same transaction, before calling this.
 */
export async function sendCareInvitations(
  tx: Tx,
  ctx: AuthedContext,
  p: {
    passage: PassageRow;
    situationNumber: string;
    personId: string | null;
    method: 'REQUEST' | 'CANCEL';
    /** Only these participants (ids): a CANCEL to those about to be removed from a scheduled meeting (issue 12). */
    only?: readonly string[];
  },
): Promise<number> {
  const { passage } = p;
  if (!passage.meetingStart) return 0;
  const start = zurichLocal(passage.meetingStart);
  const organizerId = passage.responsibleUserId ?? ctx.actor.userId;
  const [organizer] = await tx
    .select({ givenName: users.givenName, familyName: users.familyName, email: users.email })
    .from(users)
    .where(eq(users.id, organizerId));
  const organizerName = fullName(organizer);
  const participants = await participantsOf(tx, passage.id);
  const recipients = participants
    .map((x) => ({
      id: x.id,
      name: x.userId ? fullName({ givenName: x.givenName ?? '', familyName: x.familyName ?? '' }) : '',
      email: (x.userId ? x.userEmail : x.email) ?? '',
      language: ((x.userId ? x.userLanguage : x.language) ?? 'fr') as Language,
      isPerson: x.role === 'person',
    }))
    .filter((r) => r.email !== '' && (!p.only || p.only.includes(r.id)));
  // The professionals are named by their accounts. The person is neither named nor listed in anyone else's copy: her
  // address would reach participants whose institution no procuration names; her own copy lists her.
  const professionals = recipients.filter((r) => !r.isPerson).map((r) => ({ name: r.name, email: r.email }));
  let sent = 0;
  for (const r of recipients) {
    const lang = r.language;
    const kind = translate(lang, `care.kind.${passage.kind}`);
    const params = {
      kind,
      number: p.situationNumber,
      date: formatDate(start.date, lang),
      time: start.time,
      minutes: passage.meetingDurationMinutes,
      place: passage.meetingPlace,
      organizer: organizerName,
    };
    const ics = buildIcs({
      uid: careInvitationUid(passage.id),
      sequence: passage.invitationSequence,
      method: p.method,
      stamp: ctx.now(),
      start,
      durationMinutes: passage.meetingDurationMinutes,
      summary: `${kind} ${p.situationNumber}`,
      description: `${kind} — ${p.situationNumber}`,
      location: passage.meetingPlace,
      organizer: { name: organizerName, email: organizer?.email ?? '' },
      attendees: r.isPerson ? [...professionals, { name: r.email, email: r.email }] : professionals,
    });
    const queued = await enqueueEmail(tx, {
      idempotencyKey: `care-invitation:${passage.id}:${passage.invitationSequence}:${p.method}:${r.id}`,
      to: [r.email],
      subject: translate(lang, `care.invitation.subject.${p.method}`, params),
      text: translate(lang, `care.invitation.body.${p.method}`, params),
      language: lang,
      situationId: passage.situationId,
      now: ctx.now(),
      ics: { method: p.method, content: ics },
    });
    if (queued) sent++;
  }
  await recordAudit(tx, ctx, {
    action: 'care.invitation_send',
    recordType: 'care_passage',
    recordId: passage.id,
    subjectPersonId: p.personId ?? undefined,
    allowed: true,
    details: { method: p.method, sequence: passage.invitationSequence, recipients: recipients.map((r) => r.id) },
  });
  return sent;
}
