import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../contracts/common.ts';
import {
  CancelRoundTableBodySchema,
  ConcludeRoundTableBodySchema,
  HoldRoundTableBodySchema,
  LinkPersonBodySchema,
  RoundTableCandidateSchema,
  RoundTableInvitationSchema,
  RoundTableParticipantsBodySchema,
  RoundTableSchema,
  ScheduleRoundTableBodySchema,
} from '../../../contracts/round-tables.ts';
import { authed } from '../../http/auth-hook.ts';
import { cancelRoundTable } from './cancel-round-table.ts';
import { concludeRoundTable } from './conclude-round-table.ts';
import { getRoundTable } from './get-round-table.ts';
import { holdRoundTable } from './hold-round-table.ts';
import { linkAnonymousSituation } from './link-anonymous-situation.ts';
import { listMyRoundTableInvitations } from './list-my-round-table-invitations.ts';
import { listRoundTableCandidates } from './list-round-table-candidates.ts';
import { scheduleRoundTable } from './schedule-round-table.ts';
import { setRoundTableParticipants } from './set-round-table-participants.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Answer = z.object({ roundTable: RoundTableSchema.nullable() });

/** Round tables, TRO (issue 12, seed 004 §6): every write answers with the round table as it now is. */
export async function roundTableRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['round tables'];
  const base = '/api/situations/:id/round-table';
  const write = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (ctx: ReturnType<typeof authed>, id: string, body: z.infer<B>) => Promise<unknown>,
  ) =>
    r.post(
      `${base}/${path}`,
      { schema: { tags, params: IdParamsSchema, body, response: { 200: Answer, ...errors } } },
      async (req) => {
        await run(authed(req), req.params.id, req.body as z.infer<B>);
        return getRoundTable(authed(req), req.params.id);
      },
    );

  r.get(base, { schema: { tags, params: IdParamsSchema, response: { 200: Answer, ...errors } } }, (req) =>
    getRoundTable(authed(req), req.params.id),
  );
  r.get(
    `${base}/candidates`,
    {
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(RoundTableCandidateSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await listRoundTableCandidates(authed(req), req.params.id) }),
  );
  r.put(
    `${base}/participants`,
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: RoundTableParticipantsBodySchema,
        response: { 200: Answer, ...errors },
      },
    },
    async (req) => {
      await setRoundTableParticipants(authed(req), req.params.id, req.body);
      return getRoundTable(authed(req), req.params.id);
    },
  );
  write('schedule', ScheduleRoundTableBodySchema, scheduleRoundTable);
  write('cancel', CancelRoundTableBodySchema, cancelRoundTable);
  write('hold', HoldRoundTableBodySchema, holdRoundTable);
  write('conclude', ConcludeRoundTableBodySchema, concludeRoundTable);
  r.post(
    '/api/situations/:id/link-person',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: LinkPersonBodySchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await linkAnonymousSituation(authed(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/me/round-table-invitations',
    { schema: { tags, response: { 200: z.object({ items: z.array(RoundTableInvitationSchema) }) } } },
    async (req) => ({ items: await listMyRoundTableInvitations(authed(req)) }),
  );
}
