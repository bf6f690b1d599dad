import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath } from './request-path.ts';

/**
 * Headers on every answer: the web app and the API hold personal data, so the
 * browser is told to run only the app's own code, never to frame it, cache
 * API answers, leak the URL as a referrer or grant device access.
 */
const CSP_DIRECTIVES = {
  'default-src': "'self'",
  'script-src': "'self'",
  // Mantine sets inline style attributes (and the Swagger UI too): styles cannot be 'self' only.
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'object-src': "'none'",
};
const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

export const CONTENT_SECURITY_POLICY = policy(CSP_DIRECTIVES);
/**
 * Chromium shows a PDF opened in a tab (final report, statements) through an
 * internal <embed> of the document itself, which `object-src 'none'` blocks
 * (crbug.com/271452): a PDF answer allows its own origin there.
 */
export const PDF_CONTENT_SECURITY_POLICY = policy({ ...CSP_DIRECTIVES, 'object-src': "'self'" });

export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

// One year. Not `includeSubDomains`: the canton's other services on sibling names are not ours to decide for.
const HSTS = 'max-age=31536000';

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => applySecurityHeaders(request, reply));
}

/** Also called directly where Fastify answers without running the hooks (framework errors, see app.ts). */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply) {
  const type = String(reply.getHeader('content-type') ?? '');
  reply.header(
    'content-security-policy',
    type.startsWith('application/pdf') ? PDF_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
  );
  reply.header('permissions-policy', PERMISSIONS_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  // Only over TLS (as seen through a trusted proxy, see TRUST_PROXY): over plain http the header is ignored anyway,
  // and sending it from a development server on localhost would pin the name to https in the browser.
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  // API answers hold personal data: neither the browser nor a shared proxy may keep them.
  if (isApiPath(request)) reply.header('cache-control', 'no-store');
}
