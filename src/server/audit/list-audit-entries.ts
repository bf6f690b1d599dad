import { type SQL, and, count, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { AuditEntry, AuditQuery } from '../../contracts/audit.ts';
import { auditChain, auditLog, institutions, situations, users } from '../../db/schema.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { recordAudit } from './audit-log.ts';
import { escapeLike } from '../../db/like-pattern.ts';

/** The audit log page: filters by actor, subject (record or person), action and dates. */
export async function listAuditEntries(ctx: AuthedContext, query: AuditQuery) {
  await ensureAllowed(ctx, 'read', { type: 'audit_log' }, { action: 'audit.list' });
  const conditions: (SQL | undefined)[] = [];
  if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.subject) {
    // A situation number (CII-2026-0042) stands for its person: every row about them, through any file,
    // answers "everything read about this person" without the administrator ever seeing who it is.
    const [situation] = /^CII-\d{4}-\d+$/i.test(query.subject)
      ? await ctx.db
          .select({ id: situations.id, personId: situations.personId })
          .from(situations)
          .where(eq(situations.number, query.subject.toUpperCase()))
      : [];
    conditions.push(
      situation
        ? or(
            eq(auditLog.recordId, situation.id),
            situation.personId ? eq(auditLog.subjectPersonId, situation.personId) : sql`false`,
          )
        : or(eq(auditLog.recordId, query.subject), sql`${auditLog.subjectPersonId}::text = ${query.subject}`),
    );
  }
  if (query.action) conditions.push(sql`${auditLog.action} LIKE ${`${escapeLike(query.action)}%`}`);
  // Dates are calendar days in Switzerland.
  if (query.from) conditions.push(gte(auditLog.at, sql`(${query.from}::date)::timestamp AT TIME ZONE 'Europe/Zurich'`));
  if (query.to) {
    conditions.push(lt(auditLog.at, sql`((${query.to}::date) + 1)::timestamp AT TIME ZONE 'Europe/Zurich'`));
  }
  if (query.allowed !== undefined) conditions.push(eq(auditLog.allowed, query.allowed));
  const where = conditions.length ? and(...conditions) : undefined;

  const rows = await ctx.db
    .select({
      entry: auditLog,
      seq: auditChain.seq,
      givenName: users.givenName,
      familyName: users.familyName,
      institutionNameFr: institutions.nameFr,
      institutionNameDe: institutions.nameDe,
    })
    .from(auditLog)
    .leftJoin(auditChain, eq(auditChain.auditId, auditLog.id))
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(institutions, eq(institutions.id, auditLog.actorInstitutionId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);

  await recordAudit(ctx.db, ctx, {
    action: 'audit.list',
    recordType: 'audit_log',
    allowed: true,
    details: { filters: { ...query } },
  });

  const items: AuditEntry[] = rows.map(({ entry, seq, ...r }) => ({
    id: String(entry.id),
    seq, // the position in the chain (audit_chain), null until sealed
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorName: r.familyName ? `${r.givenName} ${r.familyName}` : null,
    actorInstitutionName: (ctx.lang === 'de' ? r.institutionNameDe : r.institutionNameFr) ?? null,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    subjectPersonId: entry.subjectPersonId,
    ip: entry.ip,
    allowed: entry.allowed,
    details: (entry.details ?? {}) as Record<string, unknown>,
  }));
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
