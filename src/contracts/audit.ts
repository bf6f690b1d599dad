import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf } from './common.ts';

export const AuditQuerySchema = PageQuerySchema.extend({
  actorUserId: IdSchema.optional(),
  // The record or person concerned: a user id today, a person id once persons exist.
  subject: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
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

export const ChainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  pending: z.number().int(),
  brokenAtSeq: z.number().int().nullable(),
  reason: z.enum(['hash_mismatch', 'missing_row']).nullable(),
});
export type ChainReport = z.infer<typeof ChainReportSchema>;
