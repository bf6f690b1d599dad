import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema, IdSchema, LanguageSchema } from '../../contracts/common.ts';
import {
  AssignBodySchema,
  CloseBodySchema,
  ClosurePreviewSchema,
  DraftReportBodySchema,
  ExtendBodySchema,
  FinalReportBodySchema,
  FinaliseBodySchema,
  FollowUpBodySchema,
  HandBackBodySchema,
  MeetingBodySchema,
  ObjectiveBodySchema,
  SendReportBodySchema,
  TandemBodySchema,
  TandemCandidateSchema,
  TandemFileSchema,
  TandemSchema,
  UpdateMeetingBodySchema,
  UpdateObjectiveBodySchema,
  UpdateReportBodySchema,
  UpdateTandemBodySchema,
} from '../../contracts/tandem.ts';
import { IsoDateSchema } from '../../contracts/situations.ts';
import { authed } from '../http/auth-hook.ts';
import { assignTandem } from './assign-tandem.ts';
import { closeMandate } from './close-mandate.ts';
import { draftMonthlyReport, updateMonthlyReport } from './draft-monthly-report.ts';
import { extendMandate } from './extend-mandate.ts';
import { finaliseFinalReport } from './finalise-final-report.ts';
import { printFinalReport } from './print-final-report.ts';
import { getTandemFile } from './get-tandem-file.ts';
import { handBackFile } from './hand-back-file.ts';
import { listReportRecipientCandidates, listTandemCandidates, listTandems } from './list-tandems.ts';
import { recordFollowUp } from './record-follow-up.ts';
import { saveFinalReport } from './save-final-report.ts';
import { editMeeting, recordMeeting } from './save-meeting.ts';
import { saveObjective } from './save-objective.ts';
import { createTandem, updateTandem } from './save-tandem.ts';
import { sendMonthlyReport } from './send-monthly-report.ts';
import { previewClosure } from './preview-closure.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Saved = z.object({ id: IdSchema });

/**
 * Tandems, their mandates and everything the tandem writes on a situation. Every write answers with the whole tandem
 * file.
 */
export async function tandemRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tandem'];
  const file = { 200: TandemFileSchema, ...errors };

  r.get(
    '/api/tandems',
    {
      schema: {
        tags,
        querystring: z.object({ regionId: IdSchema.optional() }),
        response: { 200: z.array(TandemSchema), 403: ErrorBodySchema },
      },
    },
    (req) => listTandems(authed(req), req.query.regionId),
  );
  r.get(
    '/api/tandems/candidates',
    { schema: { tags, response: { 200: z.array(TandemCandidateSchema), 403: ErrorBodySchema } } },
    (req) => listTandemCandidates(authed(req)),
  );
  r.post(
    '/api/tandems',
    { schema: { tags, body: TandemBodySchema, response: { 201: Saved, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await createTandem(authed(req), req.body) }),
  );
  r.put(
    '/api/tandems/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateTandemBodySchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await updateTandem(authed(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/situations/:id/report-recipient-candidates',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: z.array(z.object({ id: IdSchema, name: z.string() })), ...errors },
      },
    },
    (req) => listReportRecipientCandidates(authed(req), req.params.id),
  );
  r.get('/api/situations/:id/tandem', { schema: { tags, params: IdParamsSchema, response: file } }, (req) =>
    getTandemFile(authed(req), req.params.id),
  );
  const then = async (req: FastifyRequest, run: () => Promise<unknown>) => {
    await run();
    return getTandemFile(authed(req), (req.params as { id: string }).id);
  };
  r.post(
    '/api/situations/:id/mandate',
    { schema: { tags, params: IdParamsSchema, body: AssignBodySchema, response: file } },
    (req) => then(req, () => assignTandem(authed(req), req.params.id, req.body)),
  );
  r.post(
    '/api/situations/:id/mandate/extend',
    { schema: { tags, params: IdParamsSchema, body: ExtendBodySchema, response: file } },
    (req) => then(req, () => extendMandate(authed(req), req.params.id, req.body)),
  );
  r.post(
    '/api/situations/:id/mandate/close',
    { schema: { tags, params: IdParamsSchema, body: CloseBodySchema, response: file } },
    (req) => then(req, () => closeMandate(authed(req), req.params.id, req.body)),
  );
  r.get(
    '/api/situations/:id/mandate/closure-preview',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: z.object({ outcomeOn: IsoDateSchema.optional() }),
        response: { 200: ClosurePreviewSchema, ...errors },
      },
    },
    (req) => previewClosure(authed(req), req.params.id, req.query.outcomeOn),
  );
  r.post(
    '/api/situations/:id/mandate/hand-back',
    { schema: { tags, params: IdParamsSchema, body: HandBackBodySchema, response: file } },
    (req) => then(req, () => handBackFile(authed(req), req.params.id, req.body)),
  );
  r.post(
    '/api/situations/:id/meetings',
    { schema: { tags, params: IdParamsSchema, body: MeetingBodySchema, response: file } },
    (req) => then(req, () => recordMeeting(authed(req), req.params.id, req.body)),
  );
  r.put(
    '/api/situations/:id/meetings/:meetingId',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, meetingId: IdSchema }),
        body: UpdateMeetingBodySchema,
        response: file,
      },
    },
    (req) => then(req, () => editMeeting(authed(req), req.params.id, req.params.meetingId, req.body)),
  );
  r.post(
    '/api/situations/:id/objectives',
    { schema: { tags, params: IdParamsSchema, body: ObjectiveBodySchema, response: file } },
    (req) => then(req, () => saveObjective(authed(req), req.params.id, null, req.body)),
  );
  r.put(
    '/api/situations/:id/objectives/:objectiveId',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, objectiveId: IdSchema }),
        body: UpdateObjectiveBodySchema,
        response: file,
      },
    },
    (req) => then(req, () => saveObjective(authed(req), req.params.id, req.params.objectiveId, req.body)),
  );
  r.post(
    '/api/situations/:id/monthly-reports',
    { schema: { tags, params: IdParamsSchema, body: DraftReportBodySchema, response: file } },
    (req) => then(req, () => draftMonthlyReport(authed(req), req.params.id, req.body.month)),
  );
  r.put(
    '/api/situations/:id/monthly-reports/:reportId',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, reportId: IdSchema }),
        body: UpdateReportBodySchema,
        response: file,
      },
    },
    (req) => then(req, () => updateMonthlyReport(authed(req), req.params.id, req.params.reportId, req.body)),
  );
  r.post(
    '/api/situations/:id/monthly-reports/:reportId/send',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, reportId: IdSchema }),
        body: SendReportBodySchema,
        response: file,
      },
    },
    (req) => then(req, () => sendMonthlyReport(authed(req), req.params.id, req.params.reportId, req.body)),
  );
  r.put(
    '/api/situations/:id/final-report',
    { schema: { tags, params: IdParamsSchema, body: FinalReportBodySchema, response: file } },
    (req) => then(req, () => saveFinalReport(authed(req), req.params.id, req.body)),
  );
  r.post(
    '/api/situations/:id/final-report/finalise',
    { schema: { tags, params: IdParamsSchema, body: FinaliseBodySchema, response: file } },
    (req) => then(req, () => finaliseFinalReport(authed(req), req.params.id, req.body)),
  );
  r.get(
    '/api/situations/:id/final-report.pdf',
    { schema: { tags, params: IdParamsSchema, querystring: z.object({ lang: LanguageSchema }) } },
    async (req, reply) => {
      const { pdf, filename } = await printFinalReport(authed(req), req.params.id, req.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  r.post(
    '/api/situations/:id/follow-ups/:followUpId',
    {
      schema: {
        tags,
        params: z.object({ id: IdSchema, followUpId: IdSchema }),
        body: FollowUpBodySchema,
        response: file,
      },
    },
    (req) => then(req, () => recordFollowUp(authed(req), req.params.id, req.params.followUpId, req.body)),
  );
}
