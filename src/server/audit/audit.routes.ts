import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditFilterSchema, AuditPageSchema, AuditQuerySchema, ChainReportSchema } from '../../contracts/audit.ts';
import { ErrorBodySchema } from '../../contracts/common.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { authed } from '../http/auth-hook.ts';
import type { AuditSettings } from './audit-settings.ts';
import { exportAuditEntries } from './export-audit-entries.ts';
import { listAuditEntries } from './list-audit-entries.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

/** The key and checkpoint file come from the process (configuration), not from the request context. */
export async function auditRoutes(app: FastifyInstance, options: { audit: AuditSettings }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get(
    '/api/audit',
    { schema: { tags, querystring: AuditQuerySchema, response: { 200: AuditPageSchema, 403: ErrorBodySchema } } },
    (req) => listAuditEntries(authed(req), req.query),
  );
  r.get('/api/audit/export', { schema: { tags, querystring: AuditFilterSchema } }, async (req, reply) => {
    const ctx = authed(req);
    const { csv } = await exportAuditEntries(ctx, req.query);
    const name = `${ctx.lang === 'de' ? 'audit-protokoll' : 'journal-audit'}-${swissDay(ctx.now())}.csv`;
    // A byte-order mark so that spreadsheets read the accents as UTF-8.
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(`\uFEFF${csv}`);
  });
  r.post('/api/audit/verify', { schema: { tags, response: { 200: ChainReportSchema, 403: ErrorBodySchema } } }, (req) =>
    verifyAuditChain(authed(req), options.audit),
  );
}
