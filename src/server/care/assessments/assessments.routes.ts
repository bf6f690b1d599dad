import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptBodySchema,
  AssessmentCandidateSchema,
  AssessmentInvitationSchema,
  AssessmentRowSchema,
  AssessmentSchema,
  CloseAssessmentBodySchema,
  ConformityBodySchema,
  ContractBodySchema,
  HoldBodySchema,
  NoteBodySchema,
  ObjectiveStatusBodySchema,
  OrganiseBodySchema,
  ScheduleBodySchema,
} from '../../../contracts/assessments.ts';
import { ErrorBodySchema, IdParamsSchema, IdSchema } from '../../../contracts/common.ts';
import { VersionBodySchema } from '../../../contracts/situations.ts';
import { authed } from '../../http/auth-hook.ts';
import { acceptContract } from './accept-contract.ts';
import { addAssessmentNote } from './add-assessment-note.ts';
import { cancelAssessmentMeeting } from './cancel-assessment-meeting.ts';
import { checkContractConformity } from './check-contract-conformity.ts';
import { closeAssessment } from './close-assessment.ts';
import { editContractVersion } from './edit-contract-version.ts';
import { getAssessment } from './get-assessment.ts';
import { holdAssessment } from './hold-assessment.ts';
import { listAssessmentCandidates } from './list-assessment-candidates.ts';
import { listAssessments } from './list-assessments.ts';
import { listMyAssessmentInvitations } from './list-my-assessment-invitations.ts';
import { moveAssessmentMeeting } from './move-assessment-meeting.ts';
import { organiseAssessment } from './organise-assessment.ts';
import { printContract } from './print-contract.ts';
import { scheduleAssessment } from './schedule-assessment.ts';
import { setObjectiveStatus } from './set-objective-status.ts';
import { updateAssessmentSections } from './update-assessment-sections.ts';
import { writeContractVersion } from './write-contract-version.ts';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const VersionNo = z.coerce.number().int().min(1).max(1000);
const VersionParams = z.object({ id: IdSchema, versionNo: VersionNo });

/** The MAMAC assessment of a situation (issue 12): organising, the meeting, the sections, the contract, execution. */
export async function assessmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessments'];
  const one = { 200: AssessmentSchema, ...errors };
  const base = '/api/situations/:id/assessment';

  r.get(base, { schema: { tags, params: IdParamsSchema, response: one } }, (req) =>
    getAssessment(authed(req), req.params.id),
  );
  r.get(
    `${base}/candidates`,
    {
      schema: {
        tags,
        params: IdParamsSchema,
        response: { 200: z.object({ items: z.array(AssessmentCandidateSchema) }), ...errors },
      },
    },
    (req) => listAssessmentCandidates(authed(req), req.params.id),
  );
  r.post(
    `${base}/organise`,
    { schema: { tags, params: IdParamsSchema, body: OrganiseBodySchema, response: one } },
    (req) => organiseAssessment(authed(req), req.params.id, req.body),
  );
  r.post(
    `${base}/schedule`,
    { schema: { tags, params: IdParamsSchema, body: ScheduleBodySchema, response: one } },
    (req) => scheduleAssessment(authed(req), req.params.id, req.body),
  );
  r.post(`${base}/move`, { schema: { tags, params: IdParamsSchema, body: ScheduleBodySchema, response: one } }, (req) =>
    moveAssessmentMeeting(authed(req), req.params.id, req.body),
  );
  r.post(
    `${base}/cancel`,
    { schema: { tags, params: IdParamsSchema, body: VersionBodySchema, response: one } },
    (req) => cancelAssessmentMeeting(authed(req), req.params.id, req.body.version),
  );
  r.post(`${base}/hold`, { schema: { tags, params: IdParamsSchema, body: HoldBodySchema, response: one } }, (req) =>
    holdAssessment(authed(req), req.params.id, req.body),
  );
  r.put(`${base}/sections`, { schema: { tags, params: IdParamsSchema, body: HoldBodySchema, response: one } }, (req) =>
    updateAssessmentSections(authed(req), req.params.id, req.body),
  );
  r.post(
    `${base}/contract`,
    { schema: { tags, params: IdParamsSchema, body: ContractBodySchema, response: one } },
    (req) => writeContractVersion(authed(req), req.params.id, req.body),
  );
  r.put(
    `${base}/contract/:versionNo`,
    { schema: { tags, params: VersionParams, body: ContractBodySchema, response: one } },
    (req) => editContractVersion(authed(req), req.params.id, req.params.versionNo, req.body),
  );
  r.post(
    `${base}/contract/:versionNo/accept`,
    { schema: { tags, params: VersionParams, body: AcceptBodySchema, response: one } },
    (req) => acceptContract(authed(req), req.params.id, req.params.versionNo, req.body),
  );
  r.post(
    `${base}/contract/:versionNo/conformity`,
    { schema: { tags, params: VersionParams, body: ConformityBodySchema, response: one } },
    (req) => checkContractConformity(authed(req), req.params.id, req.params.versionNo, req.body),
  );
  r.put(
    `${base}/contract/:versionNo/objectives/:objectiveId`,
    {
      schema: {
        tags,
        params: VersionParams.extend({ objectiveId: IdSchema }),
        body: ObjectiveStatusBodySchema,
        response: one,
      },
    },
    (req) => setObjectiveStatus(authed(req), req.params.id, req.params.versionNo, req.params.objectiveId, req.body),
  );
  r.get(`${base}/contract/:versionNo/pdf`, { schema: { tags, params: VersionParams } }, async (req, reply) => {
    const { pdf, filename } = await printContract(authed(req), req.params.id, req.params.versionNo);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
  r.post(`${base}/notes`, { schema: { tags, params: IdParamsSchema, body: NoteBodySchema, response: one } }, (req) =>
    addAssessmentNote(authed(req), req.params.id, req.body),
  );
  r.post(
    `${base}/close`,
    { schema: { tags, params: IdParamsSchema, body: CloseAssessmentBodySchema, response: one } },
    (req) => closeAssessment(authed(req), req.params.id, req.body),
  );
  r.get(
    '/api/assessments',
    { schema: { tags, response: { 200: z.object({ items: z.array(AssessmentRowSchema) }), ...errors } } },
    (req) => listAssessments(authed(req)),
  );
  r.get(
    '/api/me/assessment-invitations',
    { schema: { tags, response: { 200: z.object({ items: z.array(AssessmentInvitationSchema) }), ...errors } } },
    (req) => listMyAssessmentInvitations(authed(req)),
  );
}
