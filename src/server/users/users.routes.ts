import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamsSchema } from '../../contracts/common.ts';
import {
  CreateUserBodySchema,
  TemporaryPasswordSchema,
  UpdateUserBodySchema,
  UserListQuerySchema,
  UserPageSchema,
  UserSchema,
} from '../../contracts/users.ts';
import { authed } from '../http/auth-hook.ts';
import { createUser } from './create-user.ts';
import { getUser } from './get-user.ts';
import { listUsers } from './list-users.ts';
import { resetUserPassword } from './reset-user-password.ts';
import { updateUser } from './update-user.ts';

const errors = { 400: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export async function usersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get(
    '/api/users',
    { schema: { tags, querystring: UserListQuerySchema, response: { 200: UserPageSchema } } },
    (req) => listUsers(authed(req), req.query),
  );
  r.get(
    '/api/users/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: UserSchema, ...errors } } },
    (req) => getUser(authed(req), req.params.id),
  );
  r.post(
    '/api/users',
    {
      schema: {
        tags,
        body: CreateUserBodySchema,
        response: { 201: TemporaryPasswordSchema, ...errors, 403: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createUser(authed(req), req.body)),
  );
  r.put(
    '/api/users/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateUserBodySchema, response: { 200: UserSchema, ...errors } } },
    (req) => updateUser(authed(req), req.params.id, req.body),
  );
  r.post(
    '/api/users/:id/reset-password',
    { schema: { tags, params: IdParamsSchema, response: { 200: TemporaryPasswordSchema, ...errors } } },
    (req) => resetUserPassword(authed(req), req.params.id),
  );
}
