import type { z } from 'zod';
import type { HoldBodySchema } from '../../../contracts/assessments.ts';
import { isSmrReader } from '../../../domain/care/assessment-access.ts';
import { ASSESSMENT_SECTIONS, visibleSections } from '../../../domain/care/assessment.ts';
import { invalid } from '../../../domain/errors.ts';
import type { AuthedContext } from '../../http/context.ts';
import { categoryFilter } from '../../situations/present-situation.ts';
import type { LoadedAssessment } from './load-assessment.ts';

/**
 * The sections a request writes, each only where the caller sees it: writing a part the procuration hides from the
 * caller (health data without the health category) is refused on its field, nothing changed.
 */
export function sectionValues(ctx: AuthedContext, a: LoadedAssessment, body: z.infer<typeof HoldBodySchema>) {
  const visible = visibleSections(
    { smrDoctorOnly: isSmrReader(ctx.actor, a.facts) },
    categoryFilter(ctx.actor, a.facts.situation).shows,
  );
  const given = ASSESSMENT_SECTIONS.filter((s) => body[s] !== undefined);
  const hidden = given.filter((s) => !visible.includes(s));
  if (hidden.length) throw invalid(hidden.map((s) => ({ path: s, messageKey: 'assessment.sectionHidden' })));
  return Object.fromEntries(given.map((s) => [s, body[s] ?? ''])) as Partial<
    Record<(typeof ASSESSMENT_SECTIONS)[number], string>
  >;
}
