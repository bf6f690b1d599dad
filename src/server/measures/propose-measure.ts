import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  MeasuresFile,
  PreviewMeasureBodySchema,
  ProposeMeasureBodySchema,
  RoutePreview,
} from '../../contracts/measures.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { type FieldError, invalid } from '../../domain/errors.ts';
import { formatDate } from '../../domain/format/swiss-format.ts';
import { approvalRoute } from '../../domain/measures/approval-route.ts';
import { checkProposal } from '../../domain/measures/proposal.ts';
import { institutions, measureDecisions, measureKinds, measures, persons, tandems } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { translate } from '../i18n/messages.ts';
import { loadMandateFor } from '../tandem/load-mandate.ts';
import { getMeasuresFile } from './get-measures-file.ts';
import type { AuditAction } from '../../domain/audit/actions.ts';

type PreviewInput = z.infer<typeof PreviewMeasureBodySchema>;

/** Dates in messages as the reader writes them (dd.mm.yyyy). */
const readable = (ctx: AuthedContext, fields: FieldError[]) =>
  fields.map((f) => ({
    ...f,
    params:
      f.params && typeof f.params.latest === 'string'
        ? { ...f.params, latest: formatDate(f.params.latest, ctx.lang) }
        : f.params,
  }));

/** Everything the rules say about a proposal today: its route, its computed cost, what is wrong and what breaks a rule. */
async function assess(ctx: AuthedContext, situationId: string, input: PreviewInput, auditAction: AuditAction) {
  const { row, mandate } = await loadMandateFor(ctx, situationId, 'coach', auditAction);
  if (!row.personId) throw invalid([{ path: 'kindId', messageKey: 'measure.personRequired' }]);
  const [kind] = await ctx.db
    .select()
    .from(measureKinds)
    .where(and(eq(measureKinds.id, input.kindId), eq(measureKinds.active, true)));
  if (!kind) throw invalid([{ path: 'kindId', messageKey: 'measure.unknownKind' }]);
  const [person] = await ctx.db
    .select({ birthDate: persons.birthDate, communeId: persons.communeId })
    .from(persons)
    .where(eq(persons.id, row.personId));
  const [announcer] = await ctx.db
    .select({ kind: institutions.kind })
    .from(institutions)
    .where(eq(institutions.id, row.announcingInstitutionId));
  const existingMip = await ctx.db
    .select({ id: measures.id })
    .from(measures)
    .innerJoin(measureKinds, eq(measureKinds.id, measures.kindId))
    .where(and(eq(measures.mandateId, mandate.id), eq(measureKinds.checks, 'mip'), ne(measures.status, 'refused')));
  const today = swissDay(ctx.now());
  const verdict = checkProposal(kind, input, {
    today,
    birthDate: person!.birthDate,
    announcedBy: announcer?.kind ?? '',
    hasMip: existingMip.length > 0,
  });
  if (kind.checks === 'mip') {
    // Seed 002: the tandem's social worker sets up the MIP.
    const [tandem] = await ctx.db
      .select({ cmsUserId: tandems.cmsUserId })
      .from(tandems)
      .where(eq(tandems.id, mandate.tandemId));
    if (tandem?.cmsUserId !== ctx.actor.userId)
      verdict.invalid.push({ path: 'kindId', messageKey: 'measure.mipBySocialWorker' });
  }
  const { ruleSet, steps } = approvalRoute(kind, today);
  if (auditAction === 'measure.preview' && kind.checks === 'ait') {
    // The AIT's duration limit depends on the person's age: this preview read the birth date.
    await recordAudit(ctx.db, ctx, {
      action: 'measure.preview',
      recordType: 'situation',
      recordId: situationId,
      subjectPersonId: row.personId,
      allowed: true,
      details: { kind: kind.code },
    });
  }
  return {
    row,
    mandate,
    kind,
    person: person!,
    verdict: { ...verdict, invalid: readable(ctx, verdict.invalid), breaches: readable(ctx, verdict.breaches) },
    ruleSet,
    steps,
    today,
  };
}

/** What the screen shows before submission: the route and whether the rules allow it. Nothing is written. */
export async function previewMeasure(
  ctx: AuthedContext,
  situationId: string,
  input: PreviewInput,
): Promise<RoutePreview> {
  const a = await assess(ctx, situationId, input, 'measure.preview');
  const message = (f: FieldError) => ({ path: f.path, message: translate(ctx.lang, f.messageKey, f.params) });
  const { computed } = a.verdict;
  return {
    ruleSet: a.ruleSet.id,
    route: a.steps,
    computed: { ...computed, totalCents: computed.unitCostCents * computed.quantity },
    invalid: a.verdict.invalid.map(message),
    breaches: a.verdict.breaches.map(message),
  };
}

/**
 * A tandem member proposes a measure. Within the ORP's delegated competence the
 * tandem's proposal is its decision; otherwise it waits in the first decider's
 * inbox. A proposal outside the regular rules is refused with the rule it
 * breaks, unless the tandem sends it to the Commission droit with its reasons.
 */
export async function proposeMeasure(
  ctx: AuthedContext,
  situationId: string,
  input: z.infer<typeof ProposeMeasureBodySchema>,
): Promise<MeasuresFile> {
  const a = await assess(ctx, situationId, input, 'measure.propose');
  if (a.verdict.invalid.length) throw invalid(a.verdict.invalid);
  const { breaches, computed } = a.verdict;
  if (breaches.length && !input.escalate) throw invalid(breaches);
  if (input.escalate && !breaches.length)
    throw invalid([{ path: 'escalate', messageKey: 'measure.nothingToEscalate' }]);
  if (input.escalate && input.escalationReason.length < 10)
    throw invalid([{ path: 'escalationReason', messageKey: 'measure.escalationReasonRequired' }]);
  const now = ctx.now();
  const delegated = a.steps.length === 1 && a.steps[0] === 'tandem';
  const status = input.escalate ? 'escalated' : delegated ? 'approved' : 'proposed';
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(measures)
      .values({
        situationId,
        mandateId: a.mandate.id,
        kindId: a.kind.id,
        regime: a.kind.regime,
        provider: input.provider,
        goals: input.goals,
        startOn: input.startOn,
        endOn: computed.endOn,
        unitCostCents: computed.unitCostCents,
        quantity: computed.quantity,
        totalCents: computed.unitCostCents * computed.quantity,
        normalSalaryCents: a.kind.checks === 'ait' ? input.normalSalaryCents : null,
        allowancePercent: a.kind.checks === 'ait' ? input.allowancePercent : null,
        communeId: a.person.communeId,
        ruleSet: a.ruleSet.id,
        route: a.steps,
        stepIndex: delegated ? 1 : 0,
        status,
        escalatedAt: input.escalate ? now : null,
        escalationReason: input.escalate ? input.escalationReason : null,
        proposedByUserId: ctx.actor.userId,
        proposedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: measures.id });
    if (delegated && !input.escalate) {
      await tx.insert(measureDecisions).values({
        measureId: m!.id,
        step: 'tandem',
        decision: 'approve',
        reason: '',
        decidedByUserId: ctx.actor.userId,
        decidedAt: now,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'measure.propose',
      recordType: 'measure',
      recordId: m!.id,
      subjectPersonId: a.row.personId ?? undefined,
      allowed: true,
      details: {
        situationId,
        kind: a.kind.code,
        route: a.steps,
        ruleSet: a.ruleSet.id,
        status,
        totalCents: computed.unitCostCents * computed.quantity,
      },
    });
  });
  return getMeasuresFile(ctx, situationId);
}
