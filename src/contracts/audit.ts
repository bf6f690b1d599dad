import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from './common.ts';

export const AuditQuerySchema = PageQuerySchema.extend({
  actorUserId: IdSchema.optional(),
  // The record or person concerned: a user id today, a person id once persons exist.
  subject: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  allowed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().nullable(),
  at: z.string(),
  actorUserId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  actorInstitutionName: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  subjectPersonId: IdSchema.nullable(),
  ip: z.string().nullable(),
  allowed: z.boolean(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = pageOf(AuditEntrySchema);

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
