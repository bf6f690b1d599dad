import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Alert } from '../../contracts/alerts.ts';
import type { AlertRuleCode } from '../../domain/alerts/alert-rules.ts';
import { monthOf } from '../../domain/alerts/alert-rules.ts';
import { alerts, institutions, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';

/**
 * The alerts of the caller's institution (issue 14), newest first: the standing ones, and (with `closed`) those
 * that closed. A co-follow-up shows only what may cross — the caller's own reference, the other institution, the
 * month it follows since, its CII correspondents' name, phone and e-mail; an early-risk alert its rule and the
 * caller's own facts. Never the pseudonym. Who of the caller's institution acted on an alert, and when. Audited.
 */
export async function listAlerts(ctx: AuthedContext, options: { closed: boolean }): Promise<{ alerts: Alert[] }> {
  const institutionId = ctx.actor.institutionId;
  await ensureAllowed(ctx, 'read', { type: 'alert', institutionId }, { action: 'alert.list' });
  const changer = alias(users, 'changer');
  const rows = await ctx.db
    .select({
      id: alerts.id,
      rule: alerts.rule,
      state: alerts.state,
      stateReason: alerts.stateReason,
      stateChangedAt: alerts.stateChangedAt,
      changerGiven: changer.givenName,
      changerFamily: changer.familyName,
      reference: alerts.reference,
      otherInstitutionId: alerts.otherInstitutionId,
      otherNameFr: institutions.nameFr,
      otherNameDe: institutions.nameDe,
      otherSince: alerts.otherSince,
      why: alerts.why,
      situationId: alerts.situationId,
      createdAt: alerts.createdAt,
      version: alerts.version,
    })
    .from(alerts)
    .leftJoin(institutions, eq(institutions.id, alerts.otherInstitutionId))
    .leftJoin(changer, and(eq(changer.id, alerts.stateByUserId), eq(changer.institutionId, institutionId)))
    .where(and(eq(alerts.institutionId, institutionId), options.closed ? undefined : ne(alerts.state, 'closed')))
    .orderBy(sql`${alerts.state} <> 'open'`, sql`${alerts.createdAt} DESC`, asc(alerts.id))
    .limit(500);
  const others = [...new Set(rows.flatMap((r) => (r.otherInstitutionId ? [r.otherInstitutionId] : [])))];
  const contacts = others.length
    ? await ctx.db
        .select({
          institutionId: users.institutionId,
          givenName: users.givenName,
          familyName: users.familyName,
          phone: users.phone,
          email: users.email,
        })
        .from(users)
        .where(
          and(
            inArray(users.institutionId, others),
            isNull(users.disabledAt),
            sql`'cii_correspondent' = ANY(${users.roles})`,
          ),
        )
        .orderBy(asc(users.familyName), asc(users.givenName))
    : [];
  await recordAudit(ctx.db, ctx, {
    action: 'alert.list',
    recordType: 'alert',
    allowed: true,
    details: { count: rows.length, closed: options.closed },
  });
  return {
    alerts: rows.map((r) => {
      const { rule: _rule, ...why } = (r.why ?? {}) as Record<string, string | number>;
      return {
        id: r.id,
        rule: r.rule as AlertRuleCode,
        state: r.state,
        stateReason: r.stateReason,
        stateChangedAt: r.state !== 'open' && r.stateChangedAt ? r.stateChangedAt.toISOString() : null,
        stateBy: r.changerGiven || r.changerFamily ? `${r.changerGiven ?? ''} ${r.changerFamily ?? ''}`.trim() : null,
        reference: r.reference,
        otherInstitution: r.otherInstitutionId ? { nameFr: r.otherNameFr ?? '', nameDe: r.otherNameDe ?? '' } : null,
        otherSince: r.otherSince ? monthOf(r.otherSince) : null,
        contacts: contacts
          .filter((c) => c.institutionId === r.otherInstitutionId)
          .map((c) => ({ name: `${c.givenName} ${c.familyName}`, phone: c.phone, email: c.email })),
        why,
        situationId: r.situationId,
        createdAt: r.createdAt.toISOString(),
        version: r.version,
      };
    }),
  };
}
