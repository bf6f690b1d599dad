import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema, ChainReportSchema } from '../../contracts/audit.ts';
import { ErrorBodySchema } from '../../contracts/common.ts';
import { authed } from '../http/auth-hook.ts';
import type { AuditSettings } from './audit-settings.ts';
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
  r.post('/api/audit/verify', { schema: { tags, response: { 200: ChainReportSchema, 403: ErrorBodySchema } } }, (req) =>
    verifyAuditChain(authed(req), options.audit),
  );
}
