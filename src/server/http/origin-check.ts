import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a browser sent from another site
 * (cross-site request forgery). The session cookie is SameSite=Strict already;
 * this also covers sign-in, which needs no cookie, and sibling sites that
 * count as "same site". A request without Origin (a script, a server, an
 * older browser on a same-origin form) passes: browsers always send Origin on
 * cross-origin POST, PUT, PATCH and DELETE.
 */
export function registerOriginCheck(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    // request.host and request.protocol honour X-Forwarded-Host/-Proto only from a trusted proxy (TRUST_PROXY).
    if (!isSameOrigin(origin, request.host, request.protocol)) throw new DomainError('forbidden', 'error.crossOrigin');
  });
}

/**
 * Whether the Origin header names the origin the request was addressed to:
 * the same host and port (default ports normalised), and not plain http when
 * the request came over https. An https origin on a request seen as http is
 * accepted: that is a TLS-terminating proxy that TRUST_PROXY does not name.
 */
export function isSameOrigin(origin: string, host: string, protocol: string): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false; // includes the opaque "null"
    to = new URL(`${from.protocol}//${host}`);
  } catch {
    return false;
  }
  if (protocol === 'https' && from.protocol !== 'https:') return false;
  // The Host header must be a bare host[:port] to compare with; anything else is no match.
  return to.host === from.host && to.username === '' && to.password === '' && to.pathname === '/' && to.search === '';
}
