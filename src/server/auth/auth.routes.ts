import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttentionListSchema,
  ChangePasswordBodySchema,
  MeSchema,
  SignInBodySchema,
  UpdatePreferencesBodySchema,
} from '../../contracts/auth.ts';
import { ErrorBodySchema } from '../../contracts/common.ts';
import { SESSION_COOKIE, authed, sessionIdOf } from '../http/auth-hook.ts';
import { getMe } from '../me/get-me.ts';
import { listAttentionItems } from '../me/list-attention-items.ts';
import { updateMyPreferences } from '../me/update-my-preferences.ts';
import { changePassword } from './change-password.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';

const Ok = z.object({ ok: z.literal(true) });

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/api/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags,
        body: SignInBodySchema,
        response: { 200: MeSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { token, actor, language } = await signIn(request.ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
      });
      return getMe({ ...request.ctx, actor, lang: language });
    },
  );

  r.post(
    '/api/auth/sign-out',
    { config: { allowWithTemporaryPassword: true }, schema: { tags, response: { 200: Ok } } },
    async (request, reply) => {
      await signOut(authed(request), sessionIdOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { allowWithTemporaryPassword: true },
      schema: { tags, body: ChangePasswordBodySchema, response: { 200: Ok, 400: ErrorBodySchema } },
    },
    async (request) => {
      await changePassword(authed(request), sessionIdOf(request), request.body);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/me',
    {
      config: { allowWithTemporaryPassword: true },
      schema: { tags, response: { 200: MeSchema, 401: ErrorBodySchema } },
    },
    async (request) => getMe(authed(request)),
  );

  r.patch(
    '/api/me/preferences',
    {
      config: { allowWithTemporaryPassword: true },
      schema: { tags, body: UpdatePreferencesBodySchema, response: { 200: MeSchema } },
    },
    async (request) => {
      const ctx = authed(request);
      await updateMyPreferences(ctx, request.body);
      return getMe({ ...ctx, lang: request.body.language });
    },
  );

  r.get(
    '/api/me/attention',
    { config: { allowWithTemporaryPassword: true }, schema: { tags, response: { 200: AttentionListSchema } } },
    async (request) => ({
      items: await listAttentionItems(authed(request)),
    }),
  );
}
