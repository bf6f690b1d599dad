import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PDF_CONTENT_SECURITY_POLICY, registerSecurityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it('let a PDF opened in a tab embed itself (Chromium’s viewer) and nothing else change', async () => {
    const app = Fastify();
    registerSecurityHeaders(app);
    app.get('/api/report.pdf', async (_request, reply) => reply.type('application/pdf').send(Buffer.from('%PDF-1.4')));
    app.get('/api/data', async () => ({ ok: true }));
    const pdf = await app.inject({ method: 'GET', url: '/api/report.pdf' });
    expect(pdf.headers['content-security-policy']).toBe(PDF_CONTENT_SECURITY_POLICY);
    expect(PDF_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("object-src 'none'", "object-src 'self'"));
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/api/data' })).headers['content-security-policy']).toBe(
      CONTENT_SECURITY_POLICY,
    );
    await app.close();
  });
});
