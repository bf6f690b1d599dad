import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '../../contracts/common.ts';
import { authed } from '../http/auth-hook.ts';
import { downloadEml, listOutbox } from './list-outbox.ts';

const OutboxItemSchema = z.object({
  id: z.uuid(),
  messageId: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  language: z.enum(['fr', 'de']),
  status: z.enum(['pending', 'sent']),
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  // A message about a situation (a monthly report) is the file's content: listed, not readable by an administrator.
  readable: z.boolean(),
});

export async function outboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outbox'];
  r.get(
    '/api/outbox',
    { schema: { tags, response: { 200: z.object({ items: z.array(OutboxItemSchema) }), 403: ErrorBodySchema } } },
    async (req) => ({
      items: await listOutbox(authed(req)),
    }),
  );
  r.get('/api/outbox/:id/eml', { schema: { tags, params: IdParamsSchema } }, async (req, reply) => {
    const { eml, filename } = await downloadEml(authed(req), req.params.id);
    return reply
      .type('message/rfc822')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(eml);
  });
}
