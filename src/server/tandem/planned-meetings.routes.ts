import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdSchema, LanguageSchema } from '../../contracts/common.ts';
import { VersionBodySchema } from '../../contracts/situations.ts';
import { MovePlannedMeetingBodySchema, PlannedMeetingBodySchema, TandemFileSchema } from '../../contracts/tandem.ts';
import { authed } from '../http/auth-hook.ts';
import { cancelPlannedMeeting } from './cancel-planned-meeting.ts';
import { exportMeetingInvitation } from './export-meeting-invitation.ts';
import { getTandemFile } from './get-tandem-file.ts';
import { holdPlannedMeeting } from './hold-planned-meeting.ts';
import { movePlannedMeeting } from './move-planned-meeting.ts';
import { planMeeting } from './plan-meeting.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Params = z.object({ id: IdSchema, plannedMeetingId: IdSchema });

/** Meetings planned ahead on a tandem file (issue 11): plan, move, cancel, hold, and the .ics invitation. */
export async function plannedMeetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tandem'];
  const file = { 200: TandemFileSchema, ...errors };

  r.post(
    '/api/situations/:id/planned-meetings',
    { schema: { tags, params: z.object({ id: IdSchema }), body: PlannedMeetingBodySchema, response: file } },
    async (req) => {
      await planMeeting(authed(req), req.params.id, req.body);
      return getTandemFile(authed(req), req.params.id);
    },
  );
  r.put(
    '/api/situations/:id/planned-meetings/:plannedMeetingId',
    { schema: { tags, params: Params, body: MovePlannedMeetingBodySchema, response: file } },
    async (req) => {
      await movePlannedMeeting(authed(req), req.params.id, req.params.plannedMeetingId, req.body);
      return getTandemFile(authed(req), req.params.id);
    },
  );
  r.post(
    '/api/situations/:id/planned-meetings/:plannedMeetingId/cancel',
    { schema: { tags, params: Params, body: VersionBodySchema, response: file } },
    async (req) => {
      await cancelPlannedMeeting(authed(req), req.params.id, req.params.plannedMeetingId, req.body.version);
      return getTandemFile(authed(req), req.params.id);
    },
  );
  r.post(
    '/api/situations/:id/planned-meetings/:plannedMeetingId/hold',
    { schema: { tags, params: Params, body: VersionBodySchema, response: file } },
    async (req) => {
      await holdPlannedMeeting(authed(req), req.params.id, req.params.plannedMeetingId, req.body.version);
      return getTandemFile(authed(req), req.params.id);
    },
  );
  r.get(
    '/api/situations/:id/planned-meetings/:plannedMeetingId/invitation.ics',
    { schema: { tags, params: Params, querystring: z.object({ lang: LanguageSchema }) } },
    async (req, reply) => {
      const { ics, filename, method } = await exportMeetingInvitation(
        authed(req),
        req.params.id,
        req.params.plannedMeetingId,
        req.query.lang,
      );
      return reply
        .type(`text/calendar; charset=utf-8; method=${method}`)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(ics);
    },
  );
}
