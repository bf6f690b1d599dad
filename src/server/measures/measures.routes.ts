import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema, IdSchema } from '../../contracts/common.ts';
import {
  DecisionBodySchema,
  EscalateBodySchema,
  InboxSchema,
  MeasureKindBodySchema,
  MeasureKindSchema,
  MeasureSchema,
  MeasuresFileSchema,
  PreviewMeasureBodySchema,
  ProposeMeasureBodySchema,
  RoutePreviewSchema,
  RunMeasureBodySchema,
  CantonStatementQuerySchema,
  CantonStatementSchema,
  StatementCommunesSchema,
  StatementQuerySchema,
  StatementSchema,
  UpdateMeasureKindBodySchema,
} from '../../contracts/measures.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { cantonSheet, sheetCsv, statementCsv, statementSheet } from '../../domain/measures/statement.ts';
import { authed } from '../http/auth-hook.ts';
import { decideMeasure } from './decide-measure.ts';
import { escalateMeasure } from './escalate-measure.ts';
import { getMeasuresFile } from './get-measures-file.ts';
import { listInbox } from './list-inbox.ts';
import { previewMeasure, proposeMeasure } from './propose-measure.ts';
import { getCantonStatement } from './get-canton-statement.ts';
import { listStatementChoices } from './list-statement-choices.ts';
import { getStatement } from './quarterly-statement.ts';
import { runMeasure } from './run-measure.ts';
import { createMeasureKind, listMeasureKinds, updateMeasureKind } from './save-measure-kind.ts';
import { statementPdf } from './statement-pdf.ts';
import { sheetXlsx } from './statement-xlsx.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const MeasureParams = z.object({ id: IdSchema, measureId: IdSchema });

/** Measures on a situation, the deciders' inbox, the catalogue and the communes' quarterly statements. */
export async function measuresRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['measures'];
  const file = { 200: MeasuresFileSchema, ...errors };

  r.get(
    '/api/measure-kinds',
    { schema: { tags, response: { 200: z.array(MeasureKindSchema), 403: ErrorBodySchema } } },
    (req) => listMeasureKinds(authed(req)),
  );
  r.post(
    '/api/measure-kinds',
    { schema: { tags, body: MeasureKindBodySchema, response: { 201: MeasureKindSchema, ...errors } } },
    async (req, reply) => reply.code(201).send(await createMeasureKind(authed(req), req.body)),
  );
  r.put(
    '/api/measure-kinds/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateMeasureKindBodySchema,
        response: { 200: MeasureKindSchema, ...errors },
      },
    },
    (req) => updateMeasureKind(authed(req), req.params.id, req.body),
  );

  r.get('/api/situations/:id/measures', { schema: { tags, params: IdParamsSchema, response: file } }, (req) =>
    getMeasuresFile(authed(req), req.params.id),
  );
  r.post(
    '/api/situations/:id/measures/preview',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: PreviewMeasureBodySchema,
        response: { 200: RoutePreviewSchema, ...errors },
      },
    },
    (req) => previewMeasure(authed(req), req.params.id, req.body),
  );
  r.post(
    '/api/situations/:id/measures',
    { schema: { tags, params: IdParamsSchema, body: ProposeMeasureBodySchema, response: file } },
    (req) => proposeMeasure(authed(req), req.params.id, req.body),
  );
  r.post(
    '/api/situations/:id/measures/:measureId/run',
    { schema: { tags, params: MeasureParams, body: RunMeasureBodySchema, response: file } },
    (req) => runMeasure(authed(req), req.params.id, req.params.measureId, req.body),
  );
  r.post(
    '/api/situations/:id/measures/:measureId/escalate',
    { schema: { tags, params: MeasureParams, body: EscalateBodySchema, response: file } },
    (req) => escalateMeasure(authed(req), req.params.id, req.params.measureId, req.body),
  );

  r.get('/api/inbox/measures', { schema: { tags, response: { 200: InboxSchema } } }, async (req) => ({
    items: await listInbox(authed(req)),
  }));
  r.post(
    '/api/measures/:id/decision',
    { schema: { tags, params: IdParamsSchema, body: DecisionBodySchema, response: { 200: MeasureSchema, ...errors } } },
    (req) => decideMeasure(authed(req), req.params.id, req.body),
  );

  r.get('/api/statements/communes', { schema: { tags, response: { 200: StatementCommunesSchema } } }, (req) =>
    listStatementChoices(authed(req)),
  );
  r.get(
    '/api/statements',
    { schema: { tags, querystring: StatementQuerySchema, response: { 200: StatementSchema, ...errors } } },
    (req) => getStatement(authed(req), req.query.communeId, req.query.quarter),
  );
  r.get('/api/statements/pdf', { schema: { tags, querystring: StatementQuerySchema } }, async (req, reply) => {
    const ctx = authed(req);
    const s = await getStatement(ctx, req.query.communeId, req.query.quarter);
    const lang = req.query.lang ?? s.commune.language;
    const pdf = await statementPdf(s, lang, swissDay(ctx.now()));
    return download(reply, 'application/pdf', `${statementName(lang)}-${s.quarter.key}.pdf`, pdf, 'inline');
  });
  r.get('/api/statements/csv', { schema: { tags, querystring: StatementQuerySchema } }, async (req, reply) => {
    const s = await getStatement(authed(req), req.query.communeId, req.query.quarter);
    const lang = req.query.lang ?? s.commune.language;
    // A byte-order mark so that spreadsheets read the accents as UTF-8.
    const csv = `\uFEFF${statementCsv(s, lang, s.commune.name)}`;
    return download(reply, CSV, `${statementName(lang)}-${s.quarter.key}.csv`, csv);
  });
  r.get('/api/statements/xlsx', { schema: { tags, querystring: StatementQuerySchema } }, async (req, reply) => {
    const s = await getStatement(authed(req), req.query.communeId, req.query.quarter);
    const lang = req.query.lang ?? s.commune.language;
    const xlsx = await sheetXlsx(statementSheet(s, lang, s.commune.name), `${s.commune.name} ${s.quarter.key}`);
    return download(reply, XLSX, `${statementName(lang)}-${s.quarter.key}.xlsx`, xlsx);
  });

  // The SAS's canton view: every commune of a quarter, in the reader's language.
  r.get(
    '/api/statements/canton',
    { schema: { tags, querystring: CantonStatementQuerySchema, response: { 200: CantonStatementSchema, ...errors } } },
    (req) => getCantonStatement(authed(req), req.query.quarter),
  );
  r.get(
    '/api/statements/canton/csv',
    { schema: { tags, querystring: CantonStatementQuerySchema } },
    async (req, reply) => {
      const ctx = authed(req);
      const c = await getCantonStatement(ctx, req.query.quarter);
      const lang = req.query.lang ?? ctx.lang;
      const csv = `\uFEFF${sheetCsv(cantonSheet(c, lang))}`;
      return download(reply, CSV, `${cantonName(lang)}-${c.quarter.key}.csv`, csv);
    },
  );
  r.get(
    '/api/statements/canton/xlsx',
    { schema: { tags, querystring: CantonStatementQuerySchema } },
    async (req, reply) => {
      const ctx = authed(req);
      const c = await getCantonStatement(ctx, req.query.quarter);
      const lang = req.query.lang ?? ctx.lang;
      const xlsx = await sheetXlsx(cantonSheet(c, lang), `${cantonName(lang)} ${c.quarter.key}`);
      return download(reply, XLSX, `${cantonName(lang)}-${c.quarter.key}.xlsx`, xlsx);
    },
  );
}

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const statementName = (lang: 'fr' | 'de') => (lang === 'de' ? 'quartalsabrechnung' : 'decompte');
const cantonName = (lang: 'fr' | 'de') => (lang === 'de' ? 'abrechnungen-kanton' : 'decomptes-canton');

function download(
  reply: FastifyReply,
  type: string,
  filename: string,
  body: string | Buffer,
  disposition: 'inline' | 'attachment' = 'attachment',
) {
  return reply
    .type(type)
    .header('content-disposition', `${disposition}; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
