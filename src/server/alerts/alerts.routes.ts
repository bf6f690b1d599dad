import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertActionBodySchema,
  AlertDraftResultSchema,
  AlertListSchema,
  AlertRuleListSchema,
  CaseloadSummarySchema,
  CaseloadUploadQuerySchema,
  CaseloadUploadResultSchema,
  CoFollowUpCountsSchema,
  CoFollowUpQuerySchema,
  CreateMachineTokenBodySchema,
  CreatedMachineTokenSchema,
  MachineTokenListSchema,
  MachineTokenSchema,
  RevokeMachineTokenBodySchema,
} from '../../contracts/alerts.ts';
import { ErrorBodySchema, IdSchema, LanguageSchema, VersionSchema } from '../../contracts/common.ts';
import { authed } from '../http/auth-hook.ts';
import { ensureAllowed } from '../http/access.ts';
import { XLSX_TYPE } from '../history/read-table.ts';
import { actOnAlert } from './act-on-alert.ts';
import { authenticateMachineToken } from './authenticate-machine-token.ts';
import type { CaseloadKeys } from './caseload-key.ts';
import { caseloadTemplateCsv, caseloadTemplateXlsx } from './caseload-template.ts';
import { countCoFollowUps } from './count-co-follow-ups.ts';
import { createMachineToken } from './create-machine-token.ts';
import { draftFromAlert } from './draft-from-alert.ts';
import { getCaseload } from './get-caseload.ts';
import { listAlertRules } from './list-alert-rules.ts';
import { listAlerts } from './list-alerts.ts';
import { listMachineTokens } from './list-machine-tokens.ts';
import { revokeMachineToken } from './revoke-machine-token.ts';
import { uploadCaseload } from './upload-caseload.ts';

/** 100 000 rows of the template fit in about 8 MB of CSV. */
const MAX_BYTES = 16 * 1024 * 1024;
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const fileOf = (req: FastifyRequest) => ({
  content: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  type: String(req.headers['content-type'] ?? '').split(';')[0] ?? '',
});

/**
 * Caseloads and alerts (issue 14): a correspondent's upload (session) or an institution's system's (machine token,
 * `Authorization: Bearer`), the template, the alerts and their actions, the rules, the administrators' tokens.
 */
export async function alertsRoutes(app: FastifyInstance, options: { caseloadKeys: CaseloadKeys }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const keys = options.caseloadKeys;
  for (const type of ['text/csv', XLSX_TYPE, 'application/vnd.ms-excel', 'application/octet-stream'])
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) => done(null, body));

  r.get('/api/caseload', { schema: { tags: ['alerts'], response: { 200: CaseloadSummarySchema, ...errors } } }, (req) =>
    getCaseload(authed(req)),
  );
  r.post(
    '/api/caseload/upload',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        tags: ['alerts'],
        description:
          "Replaces the caller's institution's caseload with a CSV (text/csv) or XLSX file in the template, sent as " +
          'the raw body. dryRun=true (the default) checks and changes nothing. The NAVS13 are never stored.',
        querystring: CaseloadUploadQuerySchema,
        response: { 200: CaseloadUploadResultSchema, ...errors },
      },
    },
    async (req) => {
      const ctx = authed(req);
      const institutionId = ctx.actor.institutionId;
      await ensureAllowed(ctx, 'upload', { type: 'caseload', institutionId }, { action: 'caseload.upload' });
      return uploadCaseload(ctx, { institutionId, file: fileOf(req), dryRun: req.query.dryRun, keys });
    },
  );
  r.post(
    '/api/machine/caseload',
    {
      bodyLimit: MAX_BYTES,
      config: { public: true },
      schema: {
        tags: ['alerts'],
        description:
          "An institution's system replaces its caseload (same file and dry run as /api/caseload/upload) with the " +
          'machine token an administrator created for it: `Authorization: Bearer tdm_…`. A missing, unknown, expired ' +
          'or revoked token gets 401. Every use is audited.',
        querystring: CaseloadUploadQuerySchema,
        response: { 200: CaseloadUploadResultSchema, ...errors },
      },
    },
    async (req) => {
      // The token acts for its institution alone: a session cookie sent along gives it no user (nor audits one).
      const machine = { ...req.ctx, actor: null };
      const token = await authenticateMachineToken(machine, req.headers.authorization);
      return uploadCaseload(machine, {
        institutionId: token.institutionId,
        file: fileOf(req),
        dryRun: req.query.dryRun,
        keys,
        machineTokenId: token.tokenId,
      });
    },
  );
  r.get(
    '/api/caseload/template',
    {
      schema: {
        tags: ['alerts'],
        description: 'The caseload template: CSV or XLSX (with a sheet explaining each column), with example rows.',
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: LanguageSchema.optional() }),
      },
    },
    async (req, reply) => {
      const ctx = authed(req);
      await ensureAllowed(
        ctx,
        'upload',
        { type: 'caseload', institutionId: ctx.actor.institutionId },
        { action: 'caseload.upload' },
      );
      const lang = req.query.lang ?? ctx.lang;
      const stem = lang === 'de' ? 'vorlage-fallliste' : 'modele-suivis';
      const csv = req.query.format === 'csv';
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${stem}.${csv ? 'csv' : 'xlsx'}"`)
        .header('cache-control', 'no-store')
        .send(csv ? caseloadTemplateCsv() : await caseloadTemplateXlsx(lang));
    },
  );
  r.get(
    '/api/alerts',
    {
      schema: {
        tags: ['alerts'],
        querystring: z.object({ closed: z.enum(['true', 'false']).default('false') }),
        response: { 200: AlertListSchema, ...errors },
      },
    },
    (req) => listAlerts(authed(req), { closed: req.query.closed === 'true' }),
  );
  r.post(
    '/api/alerts/:id/action',
    {
      schema: {
        tags: ['alerts'],
        params: z.object({ id: IdSchema }),
        body: AlertActionBodySchema,
        response: { 204: z.null(), 409: ErrorBodySchema, ...errors },
      },
    },
    async (req, reply) => {
      await actOnAlert(authed(req), req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/alerts/:id/draft',
    {
      schema: {
        tags: ['alerts'],
        description: 'Starts an announcement draft for the person of an open alert, with the caller’s own data.',
        params: z.object({ id: IdSchema }),
        body: z.object({
          version: VersionSchema,
          personId: IdSchema.nullable().optional().describe('The person entered or chosen first (else matched).'),
          regionId: IdSchema.nullable().optional(),
        }),
        response: { 200: AlertDraftResultSchema, 409: ErrorBodySchema, ...errors },
      },
    },
    (req) => draftFromAlert(authed(req), req.params.id, req.body),
  );
  r.get(
    '/api/figures/co-follow-ups',
    {
      schema: {
        tags: ['figures'],
        description:
          'Co-follow-ups found per institution pair and month within a year or period (statistics readers); ' +
          'internal: exact counts; public: small counts hidden.',
        querystring: CoFollowUpQuerySchema,
        response: { 200: CoFollowUpCountsSchema, ...errors },
      },
    },
    (req) => countCoFollowUps(authed(req), req.query),
  );
  r.get(
    '/api/alert-rules',
    { schema: { tags: ['alerts'], response: { 200: AlertRuleListSchema, ...errors } } },
    (req) => listAlertRules(authed(req)),
  );
  r.get(
    '/api/machine-tokens',
    { schema: { tags: ['alerts'], response: { 200: MachineTokenListSchema, ...errors } } },
    (req) => listMachineTokens(authed(req)),
  );
  r.post(
    '/api/machine-tokens',
    {
      schema: {
        tags: ['alerts'],
        description: 'Creates a machine token for one institution; the secret is in this answer only.',
        body: CreateMachineTokenBodySchema,
        response: { 200: CreatedMachineTokenSchema, ...errors },
      },
    },
    (req) => createMachineToken(authed(req), req.body),
  );
  r.post(
    '/api/machine-tokens/:id/revoke',
    {
      schema: {
        tags: ['alerts'],
        params: z.object({ id: IdSchema }),
        body: RevokeMachineTokenBodySchema,
        response: { 200: MachineTokenSchema, 409: ErrorBodySchema, ...errors },
      },
    },
    async (req) => {
      const token = await revokeMachineToken(authed(req), req.params.id, req.body.version);
      if (!token) throw new Error('machine token vanished');
      return token;
    },
  );
}
