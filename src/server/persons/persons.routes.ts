import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema, IdSchema } from '../../contracts/common.ts';
import {
  CreatePersonBodySchema,
  DuplicateMatchSchema,
  MergeRequestBodySchema,
  MergeRequestSchema,
  MergeReviewBodySchema,
  NotificationSchema,
  PersonInputSchema,
} from '../../contracts/situations.ts';
import { authed } from '../http/auth-hook.ts';
import { listNotifications, markNotificationRead } from '../notifications/notifications.ts';
import { checkDuplicates } from './check-duplicates.ts';
import { createPerson } from './create-person.ts';
import { listMergeRequests } from './list-merge-requests.ts';
import { requestPersonMerge } from './request-person-merge.ts';
import { reviewPersonMerge } from './review-person-merge.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Saved = z.object({ id: IdSchema });
const Ok = z.object({ ok: z.literal(true) });

export async function personsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['persons'];
  r.post(
    '/api/persons/duplicates',
    {
      schema: {
        tags,
        body: PersonInputSchema,
        response: { 200: z.object({ candidates: z.array(DuplicateMatchSchema) }), ...errors },
      },
    },
    async (req) => ({
      candidates: await checkDuplicates(authed(req), req.body),
    }),
  );
  r.post(
    '/api/persons',
    { schema: { tags, body: CreatePersonBodySchema, response: { 201: Saved, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await createPerson(authed(req), req.body) }),
  );
  r.get(
    '/api/person-merges',
    { schema: { tags, response: { 200: z.object({ items: z.array(MergeRequestSchema) }), ...errors } } },
    async (req) => ({
      items: await listMergeRequests(authed(req)),
    }),
  );
  r.post(
    '/api/person-merges',
    { schema: { tags, body: MergeRequestBodySchema, response: { 201: Saved, ...errors } } },
    async (req, reply) => reply.code(201).send({ id: await requestPersonMerge(authed(req), req.body) }),
  );
  r.post(
    '/api/person-merges/:id/review',
    { schema: { tags, params: IdParamsSchema, body: MergeReviewBodySchema, response: { 200: Ok, ...errors } } },
    async (req) => {
      await reviewPersonMerge(authed(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/notifications',
    { schema: { tags: ['notifications'], response: { 200: z.object({ items: z.array(NotificationSchema) }) } } },
    async (req) => ({
      items: await listNotifications(authed(req)),
    }),
  );
  r.post(
    '/api/notifications/:id/read',
    { schema: { tags: ['notifications'], params: IdParamsSchema, response: { 200: Ok } } },
    async (req) => {
      await markNotificationRead(authed(req), req.params.id);
      return { ok: true as const };
    },
  );
}
