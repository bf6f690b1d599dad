import { z } from 'zod';
import { AUDIT_ACTIONS } from '../domain/audit/actions.ts';
import { IdSchema, IsoDateSchema } from './common.ts';

/** The filters of the audit page and of its CSV export (the same rows, the same visibility). */
export const AuditFilterSchema = z.object({
  actorUserId: IdSchema.optional(),
  // A situation number (CII-2026-0042: every row on the situation and on its person) or a record's id.
  subject: z.string().trim().max(100).optional(),
  // A person by name or NAVS13: only persons whose identity the reader may see in some situation.
  person: z.string().trim().max(100).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  allowed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditQuerySchema = AuditFilterSchema.extend({
  /** Where the previous page ended (its `nextCursor`): newest first, one page after another. */
  cursor: z.string().max(200).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** At most this many rows in one export, the newest first; the file says so on its last line when it stopped. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

export const AuditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().nullable(),
  at: z.string(),
  actorUserId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  actorInstitutionName: z.string().nullable(),
  action: z.string(),
  /** The action in the reader's language. */
  actionLabel: z.string(),
  recordType: z.string().nullable(),
  recordTypeLabel: z.string().nullable(),
  recordId: z.string().nullable(),
  /** The record's name where the reader reads it anyway: a user, an institution, a region. */
  recordName: z.string().nullable(),
  /** The situation the row is about (its number), when there is one. */
  situationId: IdSchema.nullable(),
  situationNumber: z.string().nullable(),
  subjectPersonId: IdSchema.nullable(),
  /** The person's name, only where the reader may see this situation's (or person's) identity. */
  personName: z.string().nullable(),
  ip: z.string().nullable(),
  allowed: z.boolean(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  pageSize: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/**
 * Why verification failed: a link that does not verify under the key
 * (`hash_mismatch`), a position missing inside the chain (`missing_row`), the
 * chain ending before a checkpointed position (`missing_tail`), a link that
 * differs from the one a checkpoint recorded (`checkpoint_mismatch`), or a
 * line of the checkpoint file whose signature does not verify (`checkpoint_invalid`).
 */
export const CHAIN_BREAKS = [
  'hash_mismatch',
  'missing_row',
  'missing_tail',
  'checkpoint_mismatch',
  'checkpoint_invalid',
] as const;
export type ChainBreakReason = (typeof CHAIN_BREAKS)[number];

export const ChainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  pending: z.number().int(),
  brokenAtSeq: z.number().int().nullable(),
  reason: z.enum(CHAIN_BREAKS).nullable(),
  /** The latest signed checkpoint the chain was compared with; null when there is none. */
  checkpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
  /** Lines of the checkpoint file that do not verify (1-based). */
  invalidCheckpointLines: z.array(z.number().int()),
});
export type ChainReport = z.infer<typeof ChainReportSchema>;
