import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/open-db.ts';
import { resolveSession } from '../auth/resolve-session.ts';
import type { Config } from '../config.ts';
import { languageFromHeader } from '../i18n/messages.ts';
import type { AuthedContext, Context } from './context.ts';
import { isApiPath, requestPath } from './request-path.ts';

export const SESSION_COOKIE = 'tandem_session';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Context;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in). */
    public?: boolean;
    /** Reachable while the user still has to replace a temporary password. */
    allowWithTemporaryPassword?: boolean;
  }
}

/**
 * Builds the request context from the session cookie. Every /api route needs
 * a live session unless it says `public`; a user holding a temporary password
 * may only change it.
 */
export function registerAuthHook(app: FastifyInstance, deps: { db: Db; config: Config; now: () => Date }) {
  app.decorateRequest('ctx', null as unknown as Context);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.ctx = {
      db: deps.db,
      config: deps.config,
      now: deps.now,
      ip: request.ip,
      lang: languageFromHeader(request.headers['accept-language']),
      actor: null,
    };
    if (!isApiPath(request) || requestPath(request).startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(deps.db, deps.config, token, deps.now()) : null;
    if (session) {
      request.ctx.actor = session.actor;
      request.ctx.lang = session.language;
      request.sessionId = session.sessionId;
    } else if (token) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    const config = request.routeOptions.config;
    if (config?.public) return;
    if (!session) throw new DomainError('unauthenticated', 'error.unauthenticated');
    if (session.mustChangePassword && !config?.allowWithTemporaryPassword) {
      throw new DomainError('forbidden', 'auth.mustChangePassword');
    }
  });
}

/** The session of a route that required one (the hook sets it with the actor). */
export function sessionIdOf(request: FastifyRequest): string {
  if (!request.sessionId) throw new DomainError('unauthenticated', 'error.unauthenticated');
  return request.sessionId;
}

/** The context of a route that required a session (the hook guarantees the actor). */
export function authed(request: FastifyRequest): AuthedContext {
  if (!request.ctx.actor) throw new DomainError('unauthenticated', 'error.unauthenticated');
  return request.ctx as AuthedContext;
}
