import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Language } from '../../domain/access/roles.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import type { Db } from '../../db/open-db.ts';
import { alerts, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { translate } from '../i18n/messages.ts';
import { listAlertRules } from './alert-rule-repository.ts';
import { ruleInForce } from '../../domain/alerts/alert-rules.ts';
import type { CaseloadKeys } from './caseload-key.ts';
import { caseloadHmac } from './caseload-key.ts';
import { closeStaleAlerts, raiseCoFollowUps, refreshPersonPseudonyms } from './caseload-repository.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';

/**
 * The daily run of the alerts (issue 14), with the clock as an argument: persons entered in Tandem since the last
 * run get their pseudonym and join the matching (a situation's co-follow-ups raised, ended ones closed), then each
 * institution's CII correspondents get one e-mail a day at most, in their language, through the outbox, counting the
 * alerts not told yet — no reference, no name, nothing of a person (they read the alerts in Tandem). Run by a timer
 * in main.ts like the outbox delivery; a second run the same day sends nothing more (idempotency key per day).
 */
export async function sendAlertDigest(options: { db: Db; now: Date; keys: CaseloadKeys }) {
  const { db, now } = options;
  const day = swissDay(now);
  await refreshPersonPseudonyms(db, options.keys.keys, caseloadHmac);
  const rules = await listAlertRules(db);
  await db.transaction(async (tx) => {
    await closeStaleAlerts(tx, null, now);
    if (ruleInForce(rules, 'co_follow_up', day)) await raiseCoFollowUps(tx, null, now);
  });
  const pending = await db
    .select({ institutionId: alerts.institutionId, n: sql<number>`count(*)::int` })
    .from(alerts)
    .where(and(eq(alerts.state, 'open'), isNull(alerts.notifiedAt)))
    .groupBy(alerts.institutionId);
  if (pending.length === 0) return { emails: 0 };
  const recipients = await db
    .select({ id: users.id, institutionId: users.institutionId, email: users.email, language: users.language })
    .from(users)
    .where(
      and(
        inArray(
          users.institutionId,
          pending.map((p) => p.institutionId),
        ),
        isNull(users.disabledAt),
        sql`'cii_correspondent' = ANY(${users.roles})`,
      ),
    );
  let emails = 0;
  for (const p of pending) {
    await db.transaction(async (tx) => {
      for (const r of recipients.filter((u) => u.institutionId === p.institutionId && u.email)) {
        const lang = r.language as Language;
        const sent = await enqueueEmail(tx, {
          idempotencyKey: `alert-digest:${r.id}:${day}`,
          to: [r.email],
          subject: translate(lang, 'alertDigest.subject', { n: p.n }),
          text: translate(lang, 'alertDigest.body', { n: p.n }),
          language: lang,
          now,
        });
        if (sent) emails++;
      }
      await tx
        .update(alerts)
        .set({ notifiedAt: now })
        .where(and(eq(alerts.institutionId, p.institutionId), eq(alerts.state, 'open'), isNull(alerts.notifiedAt)));
      await recordAudit(
        tx,
        { actor: null, ip: 'system', now: () => now },
        {
          action: 'alert.digest',
          recordType: 'alert',
          recordId: p.institutionId,
          allowed: true,
          details: { alerts: p.n },
        },
      );
    });
  }
  return { emails };
}
