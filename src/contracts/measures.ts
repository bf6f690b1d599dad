import { z } from 'zod';
import { COST_UNITS, KIND_CHECKS, REGIMES } from '../domain/measures/catalogue.ts';
import { MEASURE_STATUSES } from '../domain/measures/lifecycle.ts';
import { APPROVAL_STEPS } from '../domain/measures/rule-sets.ts';
import { IdSchema, VersionSchema } from './common.ts';
import { IsoDateSchema } from './situations.ts';

const text = (max: number) => z.string().trim().max(max);
/** Francs as entered on screen become whole cents on the wire: no float rounding in money. */
const Cents = z.number().int().min(0).max(100_000_000);

export const RegimeSchema = z.enum(REGIMES);
export const DecisionStepSchema = z.enum(APPROVAL_STEPS);

export const MeasureKindSchema = z.object({
  id: IdSchema,
  code: z.string(),
  nameFr: z.string(),
  nameDe: z.string(),
  regime: RegimeSchema,
  delegated: z.boolean(),
  costUnit: z.enum(COST_UNITS),
  checks: z.enum(KIND_CHECKS).nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type MeasureKind = z.infer<typeof MeasureKindSchema>;

export const MeasureKindBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  nameFr: text(120).min(2),
  nameDe: text(120).min(2),
  regime: RegimeSchema,
  delegated: z.boolean(),
  costUnit: z.enum(COST_UNITS),
  active: z.boolean().default(true),
});
export const UpdateMeasureKindBodySchema = MeasureKindBodySchema.omit({ code: true }).extend({
  version: VersionSchema,
});

export const ProposeMeasureBodySchema = z.object({
  kindId: IdSchema,
  provider: text(200).default(''),
  goals: text(2000).default(''),
  startOn: IsoDateSchema,
  endOn: IsoDateSchema,
  unitCostCents: Cents.default(0),
  quantity: z.number().int().min(0).max(1000).default(1),
  normalSalaryCents: Cents.nullable().default(null),
  allowancePercent: z.number().int().min(0).max(100).nullable().default(null),
  // Outside the regular rules (an AIT beyond its limits): straight to the Commission droit, with the reasons.
  escalate: z.boolean().default(false),
  escalationReason: text(2000).default(''),
});
export const PreviewMeasureBodySchema = ProposeMeasureBodySchema.omit({ escalate: true, escalationReason: true });

export const DecisionBodySchema = z.object({
  decision: z.enum(['approve', 'refuse']),
  reason: text(2000).default(''),
  version: VersionSchema,
});
export const EscalateBodySchema = z.object({ reason: text(2000), version: VersionSchema });
export const RunMeasureBodySchema = z.object({
  action: z.enum(['start', 'interrupt', 'complete']),
  on: IsoDateSchema,
  reason: text(2000).default(''),
  version: VersionSchema,
});

export const MeasureDecisionSchema = z.object({
  step: DecisionStepSchema,
  decision: z.enum(['approve', 'refuse']),
  reason: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});

export const MeasureSchema = z.object({
  id: IdSchema,
  situationId: IdSchema,
  kind: MeasureKindSchema,
  regime: RegimeSchema,
  provider: z.string(),
  goals: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  unitCostCents: z.number().int(),
  quantity: z.number().int(),
  totalCents: z.number().int(),
  normalSalaryCents: z.number().int().nullable(),
  allowancePercent: z.number().int().nullable(),
  ruleSet: z.string(),
  route: z.array(DecisionStepSchema),
  pendingStep: DecisionStepSchema.nullable(),
  status: z.enum(MEASURE_STATUSES),
  exception: z.boolean(),
  escalationReason: z.string().nullable(),
  proposedByName: z.string(),
  proposedAt: z.string(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  decisions: z.array(MeasureDecisionSchema),
  version: z.number().int(),
});
export type Measure = z.infer<typeof MeasureSchema>;

export const MeasuresFileSchema = z.object({
  measures: z.array(MeasureSchema),
  // What the tandem may propose today: active kinds, the MIP only where the rules offer it.
  kinds: z.array(MeasureKindSchema),
  canPropose: z.boolean(),
  // Start, interrupt, complete: the tandem while the mandate is open, the file's holder after closure.
  canRun: z.boolean(),
  /** The procuration does not grant the caller's institution the measures category: the list is left out. */
  withheld: z.boolean(),
});
export type MeasuresFile = z.infer<typeof MeasuresFileSchema>;

export const RoutePreviewSchema = z.object({
  ruleSet: z.string(),
  route: z.array(DecisionStepSchema),
  computed: z.object({
    endOn: z.string(),
    unitCostCents: z.number().int(),
    quantity: z.number().int(),
    totalCents: z.number().int(),
  }),
  invalid: z.array(z.object({ path: z.string(), message: z.string() })),
  breaches: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type RoutePreview = z.infer<typeof RoutePreviewSchema>;

/** An inbox item: enough of the request to decide it, and no more (decision 009). */
export const InboxItemSchema = z.object({
  measure: MeasureSchema,
  step: DecisionStepSchema,
  situationNumber: z.string(),
  // What a decision needs (decision 012): the age and the commune; who the person is only when a valid
  // procuration names the decider's institution.
  person: z.object({
    age: z.number().int(),
    commune: z.string().nullable(),
    identity: z.object({ name: z.string(), birthDate: z.string() }).nullable(),
  }),
  tandem: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;
export const InboxSchema = z.object({ items: z.array(InboxItemSchema) });

// No year 0, as for dates (IsoDateSchema).
export const QuarterKeySchema = z.string().regex(/^(?!0000)\d{4}-Q[1-4]$/);
export const StatementQuerySchema = z.object({
  communeId: IdSchema,
  quarter: QuarterKeySchema,
  lang: z.enum(['fr', 'de']).optional(),
});
const Totals = z.object({ cents: z.number().int(), cantonCents: z.number().int(), communeCents: z.number().int() });
export const StatementSchema = z.object({
  commune: z.object({ id: IdSchema, name: z.string(), language: z.enum(['fr', 'de']) }),
  quarter: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  lines: z.array(
    z.object({
      measureId: IdSchema,
      situationNumber: z.string(),
      initials: z.string(),
      kindNameFr: z.string(),
      kindNameDe: z.string(),
      mip: z.boolean(),
      from: z.string(),
      to: z.string(),
      days: z.number().int(),
      // The months billed for a measure priced by month (the MIP: CHF 500 each); null when pro rata of the days.
      months: z.number().int().nullable(),
      cents: z.number().int(),
      cantonCents: z.number().int(),
      communeCents: z.number().int(),
    }),
  ),
  measures: Totals,
  mip: Totals,
  total: Totals,
});
export type Statement = z.infer<typeof StatementSchema>;
export const StatementCommunesSchema = z.object({
  communes: z.array(z.object({ id: IdSchema, name: z.string(), language: z.enum(['fr', 'de']) })),
  // Every quarter with data the caller may read, from the earliest measure with a cost to today's, newest first.
  quarters: z.array(z.string()),
  // The caller may read every commune's statements at once (the SAS's canton view).
  canton: z.boolean(),
});
export const CantonStatementQuerySchema = z.object({
  quarter: QuarterKeySchema,
  lang: z.enum(['fr', 'de']).optional(),
});
export const CantonStatementSchema = z.object({
  quarter: z.object({ key: z.string(), from: z.string(), to: z.string() }),
  rows: z.array(
    z.object({
      commune: z.object({ id: IdSchema, name: z.string() }),
      lines: z.number().int(),
      measures: Totals,
      mip: Totals,
      total: Totals,
    }),
  ),
  measures: Totals,
  mip: Totals,
  total: Totals,
});
export type CantonStatement = z.infer<typeof CantonStatementSchema>;
