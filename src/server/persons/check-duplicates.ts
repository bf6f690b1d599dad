import type { PersonInput } from '../../contracts/situations.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { invalid } from '../../domain/errors.ts';
import { checkBirthDate } from '../../domain/person/birth-date.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { accessClock } from '../situations/situation-repository.ts';
import { findDuplicates, normaliseNavs13, presentCandidate, usablePersonIds } from './person-repository.ts';

/**
 * Shown before a person is created. It tells that a record exists; the record
 * itself (its NAVS13, its names, who entered it) only to whoever already sees
 * the person (usablePersonIds).
 */
export async function checkDuplicates(ctx: AuthedContext, person: PersonInput) {
  await ensureAllowed(ctx, 'create', { type: 'person' }, { action: 'person.duplicate_check' });
  // The checks that need no other record, all at once (the commune and duplicates come at creation).
  const problems = [...normaliseNavs13(person.navs13).errors, ...checkBirthDate(person.birthDate, swissDay(ctx.now()))];
  if (problems.length) throw invalid(problems);
  const found = await findDuplicates(ctx.db, person);
  const usable = await usablePersonIds(
    ctx.db,
    ctx.actor,
    found.map((c) => c.id),
    accessClock(ctx),
  );
  const candidates = found.map((c) => presentCandidate(c, person, usable.has(c.id)));
  await recordAudit(ctx.db, ctx, {
    action: 'person.duplicate_check',
    recordType: 'person',
    allowed: true,
    details: { candidates: candidates.map((c) => c.id) },
  });
  return candidates;
}
