import type { PersonInput } from '../../contracts/situations.ts';
import { invalid } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { findDuplicates, normaliseNavs13 } from './person-repository.ts';

/**
 * Shown before a person is created. It tells that a record exists and who
 * created it — the name and birth date the user typed, nothing more.
 */
export async function checkDuplicates(ctx: AuthedContext, person: PersonInput) {
  await ensureAllowed(ctx, 'create', { type: 'person' }, { action: 'person.duplicate_check' });
  const navs = normaliseNavs13(person.navs13);
  if (navs.errors.length) throw invalid(navs.errors);
  const candidates = await findDuplicates(ctx.db, person);
  await recordAudit(ctx.db, ctx, {
    action: 'person.duplicate_check',
    recordType: 'person',
    allowed: true,
    details: { candidates: candidates.map((c) => c.id) },
  });
  return candidates;
}
