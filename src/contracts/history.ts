import { z } from 'zod';

/**
 * The history import (issue 13): an administrator sends a CSV or XLSX file in the template (the raw file as the body,
 * typed by its content type); a dry run says what would happen and changes nothing.
 */
export const HistoryImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (default): check the file and say what would be imported, change nothing.'),
  correct: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe(
      'true: a row whose external key was imported before and whose values now differ replaces it (a correction of ' +
        'the history, audited per situation); false (default): such rows are left as they are.',
    ),
});

export const HistoryImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().describe('Rows read (empty lines skipped).'),
    imported: z.number().int().describe('Situations created (a dry run: that would be created).'),
    unchanged: z.number().int().describe('Rows whose external key was imported before: left as they are.'),
    corrected: z
      .array(
        z.object({
          externalKey: z.string(),
          columns: z.array(z.string()).describe('The template columns whose value changed (care: the passages).'),
        }),
      )
      .describe('With correct=true: rows imported before that replace what was imported (a dry run: would).'),
    differing: z
      .array(
        z.object({
          externalKey: z.string(),
          columns: z.array(z.string()).describe('The template columns whose value differs (care: the passages).'),
        }),
      )
      .describe(
        'With correct=false: rows imported before whose values now differ, left as they are (counted in unchanged); ' +
          'correct=true would apply them.',
      ),
    rejected: z
      .array(
        z.object({
          line: z.number().int().describe('The line in the file (the header is line 1).'),
          externalKey: z.string(),
          reasons: z.array(z.string()).describe('Why, in the caller’s language.'),
        }),
      )
      .describe('Every refused row: nothing of it is imported.'),
    fileProblems: z.array(z.string()).describe('Problems of the file itself: nothing is imported.'),
  })
  .describe('What the import did (or would do).');
export type HistoryImportResult = z.infer<typeof HistoryImportResultSchema>;
