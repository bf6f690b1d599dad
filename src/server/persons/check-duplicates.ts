import type { PersonInput } from '../../contracts/situations.ts';
import { invalid } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { findDuplicates, normaliseNavs13, presentCandidate, usablePersonIds } from './person-repository.ts';

/**
 * Shown before a person is created. It tells that a record exists and who
 * entered it; the record itself (its NAVS13, its names) only to whoever may
 * attach an announcement to it (their institution entered it, or a valid
 * procuration names their institution).
 */
export async function checkDuplicates(ctx: AuthedContext, person: PersonInput) {
  await ensureAllowed(ctx, 'create', { type: 'person' }, { action: 'person.duplicate_check' });
  const navs = normaliseNavs13(person.navs13);
  if (navs.errors.length) throw invalid(navs.errors);
  const found = await findDuplicates(ctx.db, person);
  const usable = await usablePersonIds(ctx.db, ctx.actor, found.map((c) => c.id), swissDay(ctx.now()));
  const candidates = found.map((c) => presentCandidate(c, person, usable.has(c.id)));
  await recordAudit(ctx.db, ctx, {
    action: 'person.duplicate_check',
    recordType: 'person',
    allowed: true,
    details: { candidates: candidates.map((c) => c.id) },
  });
  return candidates;
}
