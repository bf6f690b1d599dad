import type { FastifyRequest } from 'fastify';

/**
 * The path of a request, also when the request line carries an absolute URL
 * (`GET http://host/api/me HTTP/1.1`, which Node accepts and Fastify routes):
 * every "is this the API?" check must look at the path, or such a request
 * would slip past it.
 */
export function requestPath(request: FastifyRequest): string {
  const url = request.url;
  if (url.startsWith('/')) return url;
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export const isApiPath = (request: FastifyRequest) => {
  const path = requestPath(request);
  return path === '/api' || path.startsWith('/api/');
};
