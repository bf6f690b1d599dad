import { z } from 'zod';
import { CARE_KINDS } from '../domain/care/passage.ts';
import { IdSchema, IsoDateSchema } from './common.ts';

/**
 * The figures of the CII (issue 13, DOMAIN.md §7) as JSON. Every number comes with what it is called and how it is
 * counted, in French and German, and the seed or source of its definition, so that a statistics office can read the
 * answer without the source code. Counts are whole numbers of situations; shares are in [0, 1]; durations in days;
 * amounts in centimes (CHF × 100). `null` means hidden (published figures: too small a count, or one that would let a
 * hidden count be recovered) or not computable (nothing to divide by).
 */
/** The figures' years: the CII's records start in 2011; a period compared with the one before stays a real date. */
const InRange = IsoDateSchema.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', {
  params: { messageKey: 'figures.periodRange' },
});

export const FiguresQuerySchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional().describe('A calendar year: 1 January to 31 December.'),
    from: InRange.optional().describe('First day of a period (with `to`), yyyy-mm-dd, 2000 to 2100.'),
    to: InRange.optional().describe('Last day of a period (with `from`), yyyy-mm-dd, included, 2000 to 2100.'),
    region: IdSchema.optional().describe('Only the situations of this region; absent: the whole canton.'),
    publication: z
      .enum(['internal', 'public'])
      .default('internal')
      .describe('internal: exact counts, for the CII only; public: small counts hidden, for publication.'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    path: ['to'],
    params: { messageKey: 'figures.periodBoth' },
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: { messageKey: 'figures.periodOrder' } })
  .refine((q) => !(q.year && q.from), { path: ['year'], params: { messageKey: 'figures.yearOrPeriod' } });
export type FiguresQuery = z.infer<typeof FiguresQuerySchema>;

const TextSchema = z.object({ fr: z.string(), de: z.string() }).describe('The same text in French and in German.');
const LineSchema = z.object({ key: z.string(), label: TextSchema });
const CountSchema = z.number().int().nullable();

export const FigureTableSchema = z
  .object({
    key: z.string().describe('Stable name of the table, e.g. tandem_by_region.'),
    label: TextSchema,
    counted: TextSchema.describe('How the table is counted.'),
    source: TextSchema.describe('The documents the definition follows, e.g. the CII annual report 2012, §6.'),
    rowHeading: TextSchema,
    rows: z.array(LineSchema).describe('Row keys are region ids, institution kinds or follow-up months.'),
    columns: z
      .array(
        LineSchema.extend({
          group: z
            .enum(['situation', 'open', 'ended', 'follow_up'])
            .describe('open: a state of a passage still in progress; ended: the outcome of a passage that ended.'),
        }),
      )
      .describe('Column keys: open:<state> or ended:<outcome> for the kinds of care.'),
    cells: z.array(z.array(CountSchema)).describe('cells[row][column]; null = hidden.'),
    rowTotals: z.array(CountSchema),
    columnTotals: z.array(CountSchema),
    total: CountSchema,
    totalsRow: z
      .boolean()
      .describe('false when the rows are not parts of a whole (the follow-ups): no column totals, total null.'),
    hidden: z.number().int().describe('How many cells of this table are hidden (public figures).'),
  })
  .describe('A table of counts with its totals.');

export const KeyFigureSchema = z.object({
  key: z.string().describe('Stable name, e.g. insertion_rate_of_closed.'),
  unit: z.enum(['count', 'share', 'days', 'chf']).describe('count: situations; share: in [0, 1].'),
  value: z.number().nullable(),
  previous: z.number().nullable().describe('The same figure for the period before (the previous year).'),
  label: TextSchema,
  counted: TextSchema.describe('How it is counted.'),
  source: TextSchema.describe('The documents the definition follows.'),
});

export const FiguresSchema = z
  .object({
    period: z.object({
      from: IsoDateSchema,
      to: IsoDateSchema,
      previousFrom: IsoDateSchema.describe('The period compared with (as long, just before).'),
      previousTo: IsoDateSchema,
      year: z.number().int().nullable(),
    }),
    region: z.object({ id: IdSchema, code: z.string(), name: TextSchema }).nullable().describe('null: the canton.'),
    publication: z.enum(['internal', 'public']),
    threshold: z.number().int().nullable().describe('Public figures: counts below this are hidden.'),
    computedAt: z.string().describe('When the figures were computed (ISO 8601).'),
    keyFigures: z.array(KeyFigureSchema),
    tables: z.array(FigureTableSchema),
    durations: z
      .array(
        z.object({
          key: z.string().describe('announcement_to_decision, decision_to_start:<kind>, length:<kind>.'),
          careKind: z.enum(CARE_KINDS).nullable(),
          label: TextSchema,
          n: z.number().int().describe('How many situations the duration is measured on.'),
          median: z.number().nullable().describe('Median, days.'),
          mean: z.number().nullable().describe('Mean, days.'),
        }),
      )
      .describe('Durations in days.'),
    intensity: z
      .object({
        mandates: z.number().int(),
        meetingRule: z.number().int().describe('Mandates at two meetings with the person a month or more.'),
        shareMeetingRule: z.number().nullable(),
        rule: z.number().int().describe('The rule: meetings a month (seed 000: two).'),
        hidden: z.boolean(),
      })
      .describe('Tandem intensity against the two-meetings rule.'),
    timeToInsertion: z
      .object({
        situations: z.number().int(),
        hidden: z.boolean(),
        points: z.array(
          z.object({
            months: z.number().int(),
            inserted: z.number().describe('Estimated share inserted by the end of that month (Kaplan–Meier).'),
            atRisk: z.number().int().describe('Still followed at the start of the month (public: rounded to 5).'),
            events: z.number().int().nullable().describe('Insertions that month (public: not given).'),
            censored: z
              .number()
              .int()
              .nullable()
              .describe('Situations still open, censored that month (public: not given).'),
          }),
        ),
      })
      .describe('Time to insertion: open situations censored, not dropped.'),
    costs: z
      .object({
        laciCents: z.number().int().nullable(),
        lemcCents: z.number().int().nullable(),
        liasCantonCents: z.number().int().nullable(),
        liasCommuneCents: z.number().int().nullable(),
        mipCantonCents: z.number().int().nullable(),
        mipCommuneCents: z.number().int().nullable(),
        tandemOrpCents: z
          .number()
          .int()
          .nullable()
          .describe('The tandems’ time of the ORP counsellors, valued (decision 027; definition tandem_time).'),
        tandemCmsCents: z.number().int().nullable().describe('The tandems’ time of the CMS social workers, valued.'),
        totalCents: z.number().int().nullable(),
        perInsertionCents: z.number().int().nullable(),
        hidden: z.boolean().describe('Public figures: the costs of fewer situations than the threshold are not given.'),
      })
      .describe(
        'Measure costs incurred in the period by payer and the tandems’ time, in centimes; cost per tandem insertion.',
      ),
    definitions: z.record(z.string(), z.object({ label: TextSchema, counted: TextSchema, source: TextSchema })),
  })
  .describe('The figures of the CII for a period, the canton or a region.');
export type FiguresAnswer = z.infer<typeof FiguresSchema>;
