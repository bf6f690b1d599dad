import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/open-db.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import type { AuditSettings } from './audit/audit-settings.ts';
import { authRoutes } from './auth/auth.routes.ts';
import type { Config, TrustProxy } from './config.ts';
import { registerAuthHook } from './http/auth-hook.ts';
import { BUSY_RETRY_SECONDS, handleError } from './http/error-handler.ts';
import { registerLoadGuard } from './http/load-guard.ts';
import { registerOriginCheck } from './http/origin-check.ts';
import { applySecurityHeaders, registerSecurityHeaders } from './http/security-headers.ts';
import { registerTextGuard } from './http/text-guard.ts';
import { translate } from './i18n/messages.ts';
import { organisationsRoutes } from './organisations/organisations.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { personsRoutes } from './persons/persons.routes.ts';
import { situationsRoutes } from './situations/situations.routes.ts';
import { tandemRoutes } from './tandem/tandem.routes.ts';
import { plannedMeetingRoutes } from './tandem/planned-meetings.routes.ts';
import { assessmentRoutes } from './care/assessments/assessments.routes.ts';
import { measuresRoutes } from './measures/measures.routes.ts';
import { outboxRoutes } from './mail/outbox.routes.ts';
import { figuresRoutes } from './figures/figures.routes.ts';
import { historyRoutes } from './history/history.routes.ts';
import { careBoardRoutes } from './care/board/board.routes.ts';
import { networkRoutes } from './care/network/network.routes.ts';
import { roundTableRoutes } from './care/round-tables/round-tables.routes.ts';
import { alertsRoutes } from './alerts/alerts.routes.ts';
import { type CaseloadKeys, derivedCaseloadKey } from './alerts/caseload-key.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  /** The audit chain's key and checkpoint file, resolved at start (outside the database). */
  audit: AuditSettings;
  /** The caseload pseudonyms' key chain (issue 14), resolved at start; tests: derived from the audit key. */
  caseloadKeys?: CaseloadKeys;
  /** The clock; tests move it to check timeouts. */
  now?: () => Date;
  /** PostgreSQL: the pool's state, for the load guard and the health check. */
  poolLoad?: () => { waiting: number; total: number; max: number };
  /** false in tests: no log lines; a stream to read them (tests of what is logged). */
  logger?: boolean | { stream: { write(line: string): void } };
}

/**
 * TRUST_PROXY as Fastify's `trustProxy`. A list of addresses goes as is. A hop
 * count goes as a function: Fastify 5.12 ignores a bare number (it trusts no
 * one then), because a hop count believes whoever connects directly; the
 * README says to use it only where clients cannot bypass the proxies.
 */
export function fastifyTrustProxy(trust: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (trust === false) return false;
  if ('addresses' in trust) return trust.addresses;
  return (_address: string, hop: number) => hop < trust.hops;
}

/**
 * The HTTP application: API under /api, OpenAPI at /api/docs, and the built
 * web app (when present) on the same port. Keeps no state of its own, so
 * several instances can serve one PostgreSQL.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const logger: FastifyServerOptions['logger'] =
    deps.logger === false
      ? false
      : {
          level: deps.config.LOG_LEVEL,
          // Only the route pattern is logged, never URLs, bodies or headers: they may name a person.
          serializers: { req: () => ({}), res: () => ({}) },
          ...(typeof deps.logger === 'object' ? { stream: deps.logger.stream } : {}),
        };
  const app = Fastify({
    logger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: fastifyTrustProxy(deps.config.TRUST_PROXY),
    // A stop closes idle keep-alive connections at once and lets requests in flight finish.
    forceCloseConnections: 'idle',
    keepAliveTimeout: 5_000,
    bodyLimit: 1_000_000,
    // A request must arrive whole within two minutes (a 10 MB scan on a slow line): no socket held for ever.
    requestTimeout: 120_000,
    // A path the router cannot decode (a broken %-escape) or a parameter beyond its length: Fastify answers these
    // itself, before any hook, quoting the URL (which may name a person). Give them the one error body and the headers.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply);
      return handleError(error, request, reply);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Registered on the root before any route, so that every route and plugin inherits them.
  registerSecurityHeaders(app);
  const loadGuard = registerLoadGuard(app, {
    maxInFlight: deps.config.MAX_CONCURRENT_REQUESTS,
    retryAfterSeconds: BUSY_RETRY_SECONDS,
    poolLoad: deps.poolLoad,
  });
  registerOriginCheck(app);
  registerTextGuard(app);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Tandem API', description: 'Case platform of the CII Valais', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAuthHook(app, { db: deps.db, config: deps.config, now });

  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(organisationsRoutes);
  await app.register(auditRoutes, { audit: deps.audit });
  await app.register(personsRoutes);
  await app.register(situationsRoutes);
  await app.register(tandemRoutes);
  await app.register(plannedMeetingRoutes);
  await app.register(assessmentRoutes);
  await app.register(measuresRoutes);
  await app.register(outboxRoutes);
  await app.register(figuresRoutes);
  await app.register(historyRoutes);
  await app.register(roundTableRoutes);
  await app.register(networkRoutes);
  await app.register(careBoardRoutes);
  await app.register(alertsRoutes, {
    caseloadKeys: deps.caseloadKeys ?? { keys: [derivedCaseloadKey(deps.audit.key)], file: null, source: 'derived' },
  });
  // "degraded" while requests are refused (503) or wait for a database connection: a load balancer can steer away.
  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async () => ({
    ok: true,
    status: loadGuard.health().status,
  }));

  const webRoot = resolve(deps.config.WEB_DIST_DIR);
  const hasWeb = existsSync(resolve(webRoot, 'index.html'));
  if (hasWeb) await registerWebApp(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    // A hashed file that is not there (an older version's chunk) is a 404, not the page: the app reloads on it.
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/assets/') && request.method === 'GET' && hasWeb) {
      // Client-side routes of the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .code(404)
      .send({ error: { code: 'not_found', message: translate(request.ctx?.lang ?? 'fr', 'error.notFound') } });
  });
  return app;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built web app (dist/web). Files under /assets carry a hash of their content in their name: browsers keep
 * them a year without asking again. index.html (also the answer to every client-side route) names them, so it is
 * revalidated on every load. The brotli and gzip versions written at build time (scripts/web/vite-plugins.ts) go to
 * the browsers that accept them. Decision 015.
 */
async function registerWebApp(app: FastifyInstance, webRoot: string) {
  const assets = `${resolve(webRoot, 'assets')}/`;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    preCompressed: true,
    // Compressed variants are found beside their file; they need no route of their own. Nor does .vite (manifest).
    globIgnore: ['**/*.br', '**/*.gz'],
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
    },
  });
}
