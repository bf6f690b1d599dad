import { desc, eq } from 'drizzle-orm';
import { can } from '../../domain/access/policy.ts';
import { notFound } from '../../domain/errors.ts';
import { outboxMessages, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { buildEml } from './mail-transport.ts';

/** The outbox for administrators: what waits, what was sent, to whom, when, with its Message-ID. */
export async function listOutbox(ctx: AuthedContext) {
  await ensureAllowed(ctx, 'read', { type: 'outbox', aboutSituation: false }, { action: 'outbox.list' });
  const rows = await ctx.db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt)).limit(200);
  // An address that is no account's, on a message about a situation, is the person's (an invitation to her
  // assessment): next to the file's number it would tell an administrator who is in that file. Its domain stays, for
  // diagnosing delivery.
  const accounts = new Set(
    (await ctx.db.select({ email: users.email }).from(users)).map((u) => u.email.trim().toLowerCase()),
  );
  const shown = (r: (typeof rows)[number]) =>
    r.situationId === null
      ? r.toAddresses
      : r.toAddresses.map((a) => (accounts.has(a.trim().toLowerCase()) ? a : maskAddress(a)));
  await recordAudit(ctx.db, ctx, {
    action: 'outbox.list',
    recordType: 'outbox',
    allowed: true,
    details: { ids: rows.map((r) => r.id) },
  });
  return rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    to: shown(r),
    subject: r.subject,
    language: r.language,
    status: r.status as 'pending' | 'sent',
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    lastError: r.lastError,
    readable: can(ctx.actor, 'read', { type: 'outbox', aboutSituation: r.situationId !== null }),
  }));
}

/**
 * One message as an .eml file; reading it is audited like any read of personal
 * data. A message about a situation (a monthly report) carries the file's
 * content: an administrator manages accounts, not files (issue 9), so it stays
 * closed to them — it leaves through SMTP once configured.
 */
export async function downloadEml(ctx: AuthedContext, id: string) {
  const [row] = await ctx.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  await ensureAllowed(
    ctx,
    'read',
    { type: 'outbox', aboutSituation: row?.situationId != null },
    { action: 'outbox.read', recordId: id },
  );
  if (!row) throw notFound();
  await recordAudit(ctx.db, ctx, { action: 'outbox.read', recordType: 'outbox', recordId: id, allowed: true });
  return {
    eml: await buildEml(row, ctx.config.MAIL_FROM),
    filename: `tandem-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.eml`,
  };
}

/** "n…@example.ch": enough to see where a message went wrong, not whose it is. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '…';
  return `${address.slice(0, 1)}…${address.slice(at)}`;
}
