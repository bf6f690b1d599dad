import { z } from 'zod';
import { REPORT_TEXT_MAX } from '../domain/statistics/annual-report.ts';
import { LanguageSchema, VersionSchema } from './common.ts';

/**
 * The annual report of the CII (issue 13, seed 004 §2–§7): the texts the cantonal CII officer writes per year and
 * language, and the PDF made from them with the published figures of that year.
 */
const Year = z.coerce.number().int().min(2000).max(2100).describe('A calendar year.');
export const AnnualReportQuerySchema = z.object({ year: Year, lang: LanguageSchema });

const text = z.string().max(REPORT_TEXT_MAX);
const texts = {
  achievements: text.describe('§2 Key achievements of the year (the figures of the year follow).'),
  copil: text.describe('§3 Activity of the steering committee (COPIL).'),
  cdc: text.describe('§4 Activity of the development and coordination committee (CDC).'),
  commission: text.describe('§5 Activity of the Commission droit.'),
  bureau: text.describe('§6 Activity of the Bureau CII (the figures by kind of care follow).'),
  conclusions: text.describe('§7 Conclusions and recommendations.'),
};

export const AnnualReportTextsSchema = z
  .object({
    year: z.number().int(),
    language: LanguageSchema,
    ...texts,
    version: z.number().int().nullable().describe('null: nothing saved yet for this year and language.'),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable().describe('Who saved last (name).'),
  })
  .describe('The texts of the annual report of a year in one language.');
export type AnnualReportTexts = z.infer<typeof AnnualReportTextsSchema>;

export const AnnualReportBodySchema = z.object({
  ...texts,
  version: VersionSchema.nullable().describe('The version read; null for the first save of the year and language.'),
});
export type AnnualReportBody = z.infer<typeof AnnualReportBodySchema>;
