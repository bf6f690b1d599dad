import { and, eq, sql } from 'drizzle-orm';
import { retryDelaySeconds } from '../../domain/mail/retry-backoff.ts';
import { type Db, queryRows } from '../../db/open-db.ts';
import { outboxMessages } from '../../db/schema.ts';
import type { MailTransport, OutboxRow } from './mail-transport.ts';

const LEASE_SECONDS = 120;

/**
 * Delivers due messages. Each one is first leased (attempts + 1, locked for two
 * minutes, SKIP LOCKED so several instances never take the same row), then
 * sent, then marked sent; a failure sets the next attempt by the backoff. A
 * message is never dropped: a server that is down only delays it.
 */
export async function deliverOutbox(o: {
  db: Db;
  transport: MailTransport;
  from: string;
  now: () => Date;
  batchSize?: number;
}) {
  const now = o.now();
  const leased = await queryRows<{ id: string }>(
    o.db,
    sql`UPDATE outbox_messages
        SET attempts = attempts + 1,
          locked_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString()}::timestamptz
        WHERE id IN (
          SELECT id FROM outbox_messages
          WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
            AND (locked_until IS NULL OR locked_until < ${now.toISOString()}::timestamptz)
          ORDER BY created_at LIMIT ${o.batchSize ?? 20}
          FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  let sent = 0;
  let failed = 0;
  for (const { id } of leased) {
    const [message] = await o.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    if (!message) continue;
    try {
      await o.transport.send(message as OutboxRow, o.from);
      await o.db
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: o.now(), lockedUntil: null, lastError: null })
        .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'pending')));
      sent++;
    } catch (error) {
      const retryAt = new Date(o.now().getTime() + retryDelaySeconds(message.attempts) * 1000);
      await o.db
        .update(outboxMessages)
        .set({ nextAttemptAt: retryAt, lockedUntil: null, lastError: String((error as Error).message).slice(0, 500) })
        .where(eq(outboxMessages.id, id));
      failed++;
    }
  }
  return { sent, failed };
}
