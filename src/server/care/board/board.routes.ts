import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema } from '../../../contracts/common.ts';
import { BoardQuerySchema, BoardSchema } from '../../../contracts/round-tables.ts';
import { authed } from '../../http/auth-hook.ts';
import { getCareBoard } from './get-care-board.ts';

/** The Bureau's region view of every kind of care (issue 12). */
export async function careBoardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/care/board',
    {
      schema: {
        tags: ['care'],
        querystring: BoardQuerySchema,
        response: { 200: BoardSchema, 403: ErrorBodySchema },
      },
    },
    (req) => getCareBoard(authed(req), req.query),
  );
}
