import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema, IdSchema } from '../../contracts/common.ts';
import {
  AddCaseTeamMemberBodySchema,
  AttachmentSchema,
  CaseTeamCandidateSchema,
  ConsentBodySchema,
  DecisionBodySchema,
  DraftBodySchema,
  IsoDateSchema,
  QueueQuerySchema,
  ReviewConsentBodySchema,
  RevokeConsentBodySchema,
  SituationListQuerySchema,
  SituationPageSchema,
  SituationSchema,
  SituationSummarySchema,
  UpdateDraftBodySchema,
  VersionBodySchema,
} from '../../contracts/situations.ts';
import { DATA_CATEGORIES } from '../../domain/consent/consent.ts';
import { DomainError } from '../../domain/errors.ts';
import { authed } from '../http/auth-hook.ts';
import { addCaseTeamMember } from './add-case-team-member.ts';
import { announceSituation } from './announce-situation.ts';
import { listCaseTeamCandidates } from './case-team-candidates.ts';
import { decideSituation } from './decide-situation.ts';
import { downloadAttachment } from './download-attachment.ts';
import { getSituation } from './get-situation.ts';
import { listSituations } from './list-situations.ts';
import { listTriageQueue } from './list-triage-queue.ts';
import { printProcuration } from './print-procuration.ts';
import { recordConsent } from './record-consent.ts';
import { removeCaseTeamMember } from './remove-case-team-member.ts';
import { reviewConsent } from './review-consent.ts';
import { revokeConsent } from './revoke-consent.ts';
import { saveDraft } from './save-draft.ts';
import { takeUpSituation } from './take-up-situation.ts';
import { ATTACHMENT_MAX_BYTES, uploadAttachment } from './upload-attachment.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Saved = z.object({ id: IdSchema });
const Ok = z.object({ ok: z.literal(true) });
const csv = (item: z.ZodType) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

export async function situationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['situations'];
  // Scans and documents arrive as the raw body, typed by their content type.
  for (const type of ['application/pdf', 'image/png', 'image/jpeg']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES + 1024 }, (_req, body, done) =>
      done(null, body),
    );
  }

  r.get(
    '/api/situations',
    { schema: { tags, querystring: SituationListQuerySchema, response: { 200: SituationPageSchema } } },
    (req) => listSituations(authed(req), req.query),
  );
  r.get(
    '/api/triage/queue',
    {
      schema: {
        tags,
        querystring: QueueQuerySchema,
        response: {
          200: z.object({ announced: z.array(SituationSummarySchema), underReview: z.array(SituationSummarySchema) }),
          403: ErrorBodySchema,
        },
      },
    },
    (req) => listTriageQueue(authed(req), req.query.regionId),
  );
  r.get(
    '/api/situations/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: SituationSchema, ...errors } } },
    (req) => getSituation(authed(req), req.params.id),
  );
  r.post(
    '/api/situations',
    { schema: { tags, body: DraftBodySchema, response: { 201: Saved, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await saveDraft(authed(req), null, req.body) }),
  );
  r.put(
    '/api/situations/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateDraftBodySchema,
        response: { 200: SituationSchema, ...errors },
      },
    },
    async (req) => {
      await saveDraft(authed(req), req.params.id, req.body);
      return getSituation(authed(req), req.params.id);
    },
  );
  r.post(
    '/api/situations/:id/announce',
    {
      schema: { tags, params: IdParamsSchema, body: VersionBodySchema, response: { 200: SituationSchema, ...errors } },
    },
    async (req) => {
      await announceSituation(authed(req), req.params.id, req.body.version);
      return getSituation(authed(req), req.params.id);
    },
  );
  r.post(
    '/api/situations/:id/take-up',
    {
      schema: { tags, params: IdParamsSchema, body: VersionBodySchema, response: { 200: SituationSchema, ...errors } },
    },
    async (req) => {
      await takeUpSituation(authed(req), req.params.id, req.body.version);
      return getSituation(authed(req), req.params.id);
    },
  );
  // After a move to another region the decider may no longer see the situation: `situation` is then null.
  r.post(
    '/api/situations/:id/decision',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: DecisionBodySchema,
        response: { 200: z.object({ situation: SituationSchema.nullable() }), ...errors },
      },
    },
    async (req) => {
      await decideSituation(authed(req), req.params.id, req.body);
      const situation = await getSituation(authed(req), req.params.id).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      });
      return { situation };
    },
  );

  r.post(
    '/api/situations/:id/attachments',
    {
      bodyLimit: ATTACHMENT_MAX_BYTES + 1024,
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: z.object({ filename: z.string().trim().min(1).max(200) }),
        response: { 201: AttachmentSchema, ...errors },
      },
    },
    async (req, reply) => {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const saved = await uploadAttachment(authed(req), req.params.id, {
        filename: req.query.filename,
        mimeType: String(req.headers['content-type'] ?? '').split(';')[0] ?? '',
        content,
      });
      return reply.code(201).send(saved);
    },
  );
  r.get(
    '/api/situations/:id/attachments/:attachmentId',
    { schema: { tags, params: z.object({ id: IdSchema, attachmentId: IdSchema }) } },
    async (req, reply) => {
      const file = await downloadAttachment(authed(req), req.params.id, req.params.attachmentId);
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );

  r.get(
    '/api/situations/:id/procuration.pdf',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: z.object({
          institutionIds: csv(IdSchema),
          categories: csv(z.enum(DATA_CATEGORIES)),
          validUntil: IsoDateSchema,
        }),
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await printProcuration(authed(req), req.params.id, {
        institutionIds: req.query.institutionIds as string[],
        categories: req.query.categories as (typeof DATA_CATEGORIES)[number][],
        validUntil: req.query.validUntil,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  r.post(
    '/api/situations/:id/consents',
    { schema: { tags, params: IdParamsSchema, body: ConsentBodySchema, response: { 201: Saved, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await recordConsent(authed(req), req.params.id, req.body) }),
  );
  r.post(
    '/api/situations/:id/consents/:consentId/revoke',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, consentId: IdSchema }),
        body: RevokeConsentBodySchema,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      await revokeConsent(authed(req), req.params.id, req.params.consentId, req.body);
      return { ok: true as const };
    },
  );
  r.post(
    '/api/situations/:id/consents/:consentId/review',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, consentId: IdSchema }),
        body: ReviewConsentBodySchema,
        response: { 200: SituationSchema, ...errors },
      },
    },
    async (req) => {
      await reviewConsent(authed(req), req.params.id, req.params.consentId, req.body);
      return getSituation(authed(req), req.params.id);
    },
  );

  // The case team: who follows the person (issue 9, need to know).
  r.get(
    '/api/situations/:id/case-team/candidates',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: { 200: z.array(CaseTeamCandidateSchema), ...errors },
      },
    },
    (req) => listCaseTeamCandidates(authed(req), req.params.id, req.query.q),
  );
  r.post(
    '/api/situations/:id/case-team',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: AddCaseTeamMemberBodySchema,
        response: { 200: SituationSchema, ...errors },
      },
    },
    async (req) => {
      await addCaseTeamMember(authed(req), req.params.id, req.body.userId);
      return getSituation(authed(req), req.params.id);
    },
  );
  r.post(
    '/api/situations/:id/case-team/:userId/remove',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, userId: IdSchema }),
        body: VersionBodySchema,
        response: { 200: SituationSchema, ...errors },
      },
    },
    async (req) => {
      await removeCaseTeamMember(authed(req), req.params.id, req.params.userId, req.body.version);
      return getSituation(authed(req), req.params.id);
    },
  );
}
