import { PgTransaction } from 'drizzle-orm/pg-core';
import type { AuditAction } from '../../domain/audit/actions.ts';
import type { Queryable } from '../../db/open-db.ts';
import { auditLog } from '../../db/schema.ts';
import type { Context } from '../http/context.ts';

/**
 * The audit choke point. Every read and write of personal data and every
 * admin action calls `recordAudit`: for a write with the same transaction as
 * the change (both commit or neither), for a read before the answer leaves.
 * Details name fields and ids, never personal values.
 */
export interface AuditEntryInput {
  action: AuditAction; // noun.verb, from the one vocabulary of src/domain/audit/actions.ts
  recordType?: string;
  recordId?: string;
  subjectPersonId?: string;
  allowed: boolean;
  details?: Record<string, unknown>;
}

type AuditContext = Pick<Context, 'actor' | 'ip' | 'now'>;

const rowOf = (ctx: AuditContext, entry: AuditEntryInput) => ({
  at: ctx.now(),
  actorUserId: ctx.actor?.userId ?? null,
  actorInstitutionId: ctx.actor?.institutionId ?? null,
  action: entry.action,
  recordType: entry.recordType ?? null,
  recordId: entry.recordId ?? null,
  subjectPersonId: entry.subjectPersonId ?? null,
  ip: ctx.ip,
  allowed: entry.allowed,
  details: entry.details ?? {},
});

export async function recordAudit(q: Queryable, ctx: AuditContext, entry: AuditEntryInput) {
  await write(q, [rowOf(ctx, entry)]);
}

/** Several rows in one statement: a list writes one row per person it shows. */
export async function recordAuditMany(q: Queryable, ctx: AuditContext, entries: readonly AuditEntryInput[]) {
  if (entries.length)
    await write(
      q,
      entries.map((e) => rowOf(ctx, e)),
    );
}

type AuditRow = ReturnType<typeof rowOf>;

/**
 * In a transaction (a write), the rows go in with it: both commit or neither. Outside one (a read), the rows of
 * the requests that read at the same moment go in together (group commit, per database handle): the first
 * request's rows are written at once, those that arrive meanwhile wait for that insert and go in the next one.
 * Each request still waits for its own rows before it answers; under load, one statement carries many rows
 * instead of one round trip, parse and plan each (the audit row's cost, issue 10).
 */
function write(q: Queryable, rows: AuditRow[]): Promise<void> {
  if (q instanceof PgTransaction)
    return q
      .insert(auditLog)
      .values(rows)
      .then(() => undefined);
  let batch = batches.get(q);
  if (!batch) {
    batch = new ReadAuditBatch(q);
    batches.set(q, batch);
  }
  return batch.add(rows);
}

const batches = new WeakMap<object, ReadAuditBatch>();
/** At most this many rows per statement (PostgreSQL takes 65,535 parameters; an audit row has 10). */
const MAX_BATCH_ROWS = 2000;

interface Waiting {
  rows: AuditRow[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

class ReadAuditBatch {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly q: Queryable) {}

  add(rows: AuditRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    try {
      while (this.waiting.length) {
        const group: Waiting[] = [];
        let count = 0;
        for (let next = this.waiting[0]; next; next = this.waiting[0]) {
          if (group.length > 0 && count + next.rows.length > MAX_BATCH_ROWS) break;
          this.waiting.shift();
          group.push(next);
          count += next.rows.length;
        }
        await this.insert(group);
      }
    } finally {
      this.writing = false;
    }
  }

  private async insert(group: Waiting[]) {
    try {
      await this.q.insert(auditLog).values(group.flatMap((w) => w.rows));
      for (const w of group) w.resolve();
    } catch (error) {
      const [only] = group;
      if (only && group.length === 1) {
        only.reject(error);
        return;
      }
      // Each request's rows alone: whatever failed fails only the request it belongs to.
      for (const w of group) {
        try {
          await this.q.insert(auditLog).values(w.rows);
          w.resolve();
        } catch (own) {
          w.reject(own);
        }
      }
    }
  }
}
