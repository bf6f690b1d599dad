import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamsSchema } from '../../contracts/common.ts';
import {
  CommuneBodySchema,
  CommuneImportBodySchema,
  CommuneImportReportSchema,
  DirectorySchema,
  InstitutionBodySchema,
  OfficeBodySchema,
  RegionBodySchema,
} from '../../contracts/organisations.ts';
import { authed } from '../http/auth-hook.ts';
import { importCommunes } from './import-communes.ts';
import { readDirectory } from './read-directory.ts';
import { saveOrganisation } from './save-organisation.ts';

const Saved = z.object({ id: z.uuid() });
const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };

export async function organisationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  // The directory (regions, institutions, offices, communes) is configuration, readable by every user.
  r.get('/api/directory', { schema: { tags, response: { 200: DirectorySchema } } }, (req) =>
    readDirectory(authed(req)),
  );

  const resources = [
    ['regions', 'region', RegionBodySchema],
    ['institutions', 'institution', InstitutionBodySchema],
    ['offices', 'office', OfficeBodySchema],
    ['communes', 'commune', CommuneBodySchema],
  ] as const;
  for (const [path, kind, body] of resources) {
    r.post(`/api/${path}`, { schema: { tags, body, response: { 201: Saved, ...errors } } }, async (req, reply) =>
      reply.code(201).send({ id: await saveOrganisation(authed(req), kind, null, req.body as never) }),
    );
    r.put(
      `/api/${path}/:id`,
      { schema: { tags, params: IdParamsSchema, body, response: { 200: Saved, ...errors } } },
      async (req) => ({
        id: await saveOrganisation(authed(req), kind, req.params.id, req.body as never),
      }),
    );
  }

  r.post(
    '/api/communes/import',
    {
      bodyLimit: 2_500_000,
      schema: { tags, body: CommuneImportBodySchema, response: { 200: CommuneImportReportSchema, ...errors } },
    },
    (req) => importCommunes(authed(req), req.body.csv),
  );
}
