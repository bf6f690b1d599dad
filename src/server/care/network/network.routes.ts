import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '../../../contracts/common.ts';
import {
  CloseNetworkBodySchema,
  NetworkBodySchema,
  NetworkFollowUpSchema,
  NetworkReviewBodySchema,
} from '../../../contracts/round-tables.ts';
import { authed } from '../../http/auth-hook.ts';
import { closeNetworkFollowUp } from './close-network-follow-up.ts';
import { getNetworkFollowUp } from './get-network-follow-up.ts';
import { recordNetworkReview } from './record-network-review.ts';
import { saveNetwork } from './save-network.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const Answer = z.object({ networkFollowUp: NetworkFollowUpSchema.nullable() });

/** Network follow-ups (issue 12): every write answers with the follow-up as it now is. */
export async function networkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['network follow-ups'];
  const base = '/api/situations/:id/network-follow-up';
  const response = { 200: Answer, ...errors };
  r.get(base, { schema: { tags, params: IdParamsSchema, response } }, (req) =>
    getNetworkFollowUp(authed(req), req.params.id),
  );
  r.put(base, { schema: { tags, params: IdParamsSchema, body: NetworkBodySchema, response } }, async (req) => {
    await saveNetwork(authed(req), req.params.id, req.body);
    return getNetworkFollowUp(authed(req), req.params.id);
  });
  r.post(
    `${base}/reviews`,
    { schema: { tags, params: IdParamsSchema, body: NetworkReviewBodySchema, response } },
    async (req) => {
      await recordNetworkReview(authed(req), req.params.id, req.body);
      return getNetworkFollowUp(authed(req), req.params.id);
    },
  );
  r.post(
    `${base}/close`,
    { schema: { tags, params: IdParamsSchema, body: CloseNetworkBodySchema, response } },
    async (req) => {
      await closeNetworkFollowUp(authed(req), req.params.id, req.body);
      return getNetworkFollowUp(authed(req), req.params.id);
    },
  );
}
