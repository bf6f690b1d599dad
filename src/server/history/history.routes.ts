import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, LanguageSchema } from '../../contracts/common.ts';
import { HistoryImportQuerySchema, HistoryImportResultSchema } from '../../contracts/history.ts';
import { authed } from '../http/auth-hook.ts';
import { ensureAllowed } from '../http/access.ts';
import { historyTemplateCsv, historyTemplateXlsx } from './history-template.ts';
import { importHistory } from './import-history.ts';
import { XLSX_TYPE } from './read-table.ts';

/** A history file: 20 000 rows of the template fit in a few megabytes. */
const MAX_BYTES = 8 * 1024 * 1024;
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };

/** The history import (issue 13): the template to fill, then the file, dry run first. Administrators only. */
export async function historyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['history'];
  // Browsers type a .csv as text/csv, or (Windows) as Excel's, or not at all.
  for (const type of ['text/csv', XLSX_TYPE, 'application/vnd.ms-excel', 'application/octet-stream'])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) => done(null, body));
  r.post(
    '/api/history/import',
    {
      schema: {
        tags,
        description:
          'Imports past situations from a CSV (text/csv) or XLSX file in the template, sent as the raw body. ' +
          'dryRun=true (the default) checks and changes nothing; dryRun=false imports the accepted rows whose ' +
          'external key is new (idempotent). correct=true also replaces the rows imported before whose values ' +
          'differ (correcting the history). Every refused row is listed with its reasons.',
        querystring: HistoryImportQuerySchema,
        response: { 200: HistoryImportResultSchema, ...errors },
      },
    },
    (req) =>
      importHistory(
        authed(req),
        {
          content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          type: String(req.headers['content-type'] ?? '').split(';')[0] ?? '',
        },
        req.query.dryRun,
        req.query.correct,
      ),
  );
  r.get(
    '/api/history/template',
    {
      schema: {
        tags,
        description: 'The import template: CSV or XLSX (with a sheet explaining each column), with example rows.',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: LanguageSchema.optional() }),
      },
    },
    async (req, reply) => {
      const ctx = authed(req);
      await ensureAllowed(ctx, 'import_history', { type: 'figures', regionId: null }, { action: 'history.import' });
      const lang = req.query.lang ?? ctx.lang;
      const stem = lang === 'de' ? 'vorlage-historie' : 'modele-historique';
      const csv = req.query.format === 'csv';
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${stem}.${csv ? 'csv' : 'xlsx'}"`)
        .header('cache-control', 'no-store')
        .send(csv ? historyTemplateCsv() : await historyTemplateXlsx(lang));
    },
  );
}
