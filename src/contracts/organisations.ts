import { z } from 'zod';
import { IdSchema, InstitutionKindSchema, LanguageSchema, VersionSchema, trimmed } from './common.ts';

const withVersion = { version: z.number().int() };

export const RegionSchema = z.object({
  id: IdSchema,
  code: z.string(),
  nameFr: z.string(),
  nameDe: z.string(),
  active: z.boolean(),
  ...withVersion,
});
export const RegionBodySchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/),
  nameFr: trimmed(100),
  nameDe: trimmed(100),
  active: z.boolean().default(true),
  version: VersionSchema.optional(),
});
export type Region = z.infer<typeof RegionSchema>;
export type RegionBody = z.infer<typeof RegionBodySchema>;

export const InstitutionSchema = z.object({
  id: IdSchema,
  kind: InstitutionKindSchema,
  nameFr: z.string(),
  nameDe: z.string(),
  regionId: IdSchema.nullable(),
  communeId: IdSchema.nullable(),
  active: z.boolean(),
  ...withVersion,
});
export const InstitutionBodySchema = z.object({
  kind: InstitutionKindSchema,
  nameFr: trimmed(200),
  nameDe: trimmed(200),
  regionId: IdSchema.nullable(),
  communeId: IdSchema.nullable(),
  active: z.boolean().default(true),
  version: VersionSchema.optional(),
});
export type Institution = z.infer<typeof InstitutionSchema>;
export type InstitutionBody = z.infer<typeof InstitutionBodySchema>;

export const OfficeSchema = z.object({
  id: IdSchema,
  institutionId: IdSchema,
  name: z.string(),
  regionId: IdSchema.nullable(),
  address: z.string(),
  active: z.boolean(),
  ...withVersion,
});
export const OfficeBodySchema = z.object({
  institutionId: IdSchema,
  name: trimmed(200),
  regionId: IdSchema.nullable(),
  address: z.string().trim().max(300).default(''),
  active: z.boolean().default(true),
  version: VersionSchema.optional(),
});
export type Office = z.infer<typeof OfficeSchema>;
export type OfficeBody = z.infer<typeof OfficeBodySchema>;

export const CommuneSchema = z.object({
  id: IdSchema,
  bfsNumber: z.number().int(),
  name: z.string(),
  canton: z.string(),
  district: z.string(),
  language: LanguageSchema,
  regionId: IdSchema.nullable(),
  ...withVersion,
});
export const CommuneBodySchema = z.object({
  bfsNumber: z.number().int().min(1).max(9999),
  name: trimmed(100),
  canton: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase()),
  district: trimmed(100),
  language: LanguageSchema,
  regionId: IdSchema.nullable(),
  version: VersionSchema.optional(),
});
export type Commune = z.infer<typeof CommuneSchema>;
export type CommuneBody = z.infer<typeof CommuneBodySchema>;

export const DirectorySchema = z.object({
  regions: z.array(RegionSchema),
  institutions: z.array(InstitutionSchema),
  offices: z.array(OfficeSchema),
  communes: z.array(CommuneSchema),
});
export type Directory = z.infer<typeof DirectorySchema>;

export const CommuneImportBodySchema = z.object({ csv: z.string().min(1).max(2_000_000) });
export const CommuneImportReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reasons: z.array(z.string()) })),
});
export type CommuneImportReport = z.infer<typeof CommuneImportReportSchema>;
