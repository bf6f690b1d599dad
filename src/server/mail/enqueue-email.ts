import { randomUUID } from 'node:crypto';
import type { Language } from '../../domain/access/roles.ts';
import type { Queryable } from '../../db/open-db.ts';
import { outboxMessages } from '../../db/schema.ts';

/**
 * Writes an e-mail to the outbox, in the caller's transaction: it leaves only
 * if the decision that sends it commits. The same idempotency key twice is one
 * message (a retried request does not double a report).
 */
export async function enqueueEmail(
  q: Queryable,
  m: {
    idempotencyKey: string;
    to: string[];
    subject: string;
    text: string;
    language: Language;
    situationId?: string | null;
    now: Date;
    /** An iCalendar invitation (issue 12): sent as a text/calendar part with its method, and as an attachment. */
    ics?: { method: 'REQUEST' | 'CANCEL'; content: string };
  },
): Promise<{ id: string; messageId: string } | null> {
  const [row] = await q
    .insert(outboxMessages)
    .values({
      idempotencyKey: m.idempotencyKey,
      messageId: `<${randomUUID()}@tandem.cii>`,
      toAddresses: m.to,
      subject: m.subject,
      textBody: m.text,
      language: m.language,
      situationId: m.situationId ?? null,
      icsMethod: m.ics?.method ?? null,
      icsContent: m.ics?.content ?? null,
      createdAt: m.now,
      nextAttemptAt: m.now,
    })
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .returning({ id: outboxMessages.id, messageId: outboxMessages.messageId });
  return row ?? null;
}
