import type { FastifyInstance } from 'fastify';
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
  StatementCommunesSchema,
  StatementQuerySchema,
  StatementSchema,
  UpdateMeasureKindBodySchema,
} from '../../contracts/measures.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { statementCsv } from '../../domain/measures/statement.ts';
import { authed } from '../http/auth-hook.ts';
import { decideMeasure } from './decide-measure.ts';
import { escalateMeasure } from './escalate-measure.ts';
import { getMeasuresFile } from './get-measures-file.ts';
import { listInbox } from './list-inbox.ts';
import { previewMeasure, proposeMeasure } from './propose-measure.ts';
import { getStatement, listStatementCommunes } from './quarterly-statement.ts';
import { runMeasure } from './run-measure.ts';
import { createMeasureKind, listMeasureKinds, updateMeasureKind } from './save-measure-kind.ts';
import { statementPdf } from './statement-pdf.ts';

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

  r.get('/api/statements/communes', { schema: { tags, response: { 200: StatementCommunesSchema } } }, async (req) => ({
    communes: await listStatementCommunes(authed(req)),
  }));
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
    const filename = `${lang === 'de' ? 'quartalsabrechnung' : 'decompte'}-${s.quarter.key}.pdf`;
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
  r.get('/api/statements/csv', { schema: { tags, querystring: StatementQuerySchema } }, async (req, reply) => {
    const s = await getStatement(authed(req), req.query.communeId, req.query.quarter);
    const lang = req.query.lang ?? s.commune.language;
    const filename = `${lang === 'de' ? 'quartalsabrechnung' : 'decompte'}-${s.quarter.key}.csv`;
    // A byte-order mark so that spreadsheets read the accents as UTF-8.
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(`\uFEFF${statementCsv(s, lang, s.commune.name)}`);
  });
}
