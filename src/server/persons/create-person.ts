import { eq } from 'drizzle-orm';
import type { PersonInput } from '../../contracts/situations.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { type FieldError, invalid } from '../../domain/errors.ts';
import { checkBirthDate } from '../../domain/person/birth-date.ts';
import { ensureAllowed } from '../http/access.ts';
import { communes, persons } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuthedContext } from '../http/context.ts';
import { findDuplicates, normaliseNavs13, personValues } from './person-repository.ts';
import { oneRow } from '../../db/one-row.ts';
import type { Tx } from '../../db/open-db.ts';

/**
 * Creates a person record. If duplicates exist, the caller must have seen
 * them and name each one as someone else (`confirmDistinctFrom`); a person
 * with the same NAVS13 is never created twice.
 */
export async function createPerson(ctx: AuthedContext, input: { person: PersonInput; confirmDistinctFrom: string[] }) {
  await ensureAllowed(ctx, 'create', { type: 'person' }, { action: 'person.create' });
  return ctx.db.transaction((tx) => insertPerson(tx, ctx, input));
}

/**
 * The creation itself, in the caller's transaction, for a use case that checked its own right first (an anonymous
 * situation linked to its person once a consent arrived: issue 12).
 */
export async function insertPerson(
  tx: Tx,
  ctx: AuthedContext,
  input: { person: PersonInput; confirmDistinctFrom: string[] },
): Promise<string> {
  const now = ctx.now();
  // Every problem of the form at once: the NAVS13, the birth date and the commune together.
  const problems: FieldError[] = [
    ...normaliseNavs13(input.person.navs13).errors,
    ...checkBirthDate(input.person.birthDate, swissDay(now)),
  ];
  // Checked here rather than left to the foreign key, so that the answer names the field.
  if (input.person.communeId) {
    const [commune] = await tx
      .select({ id: communes.id })
      .from(communes)
      .where(eq(communes.id, input.person.communeId))
      .limit(1);
    if (!commune) problems.push({ path: 'person.communeId', messageKey: 'person.unknownCommune' });
  }
  if (problems.length) throw invalid(problems);
  const values = personValues(input.person);
  const candidates = await findDuplicates(tx, input.person);
  if (candidates.some((c) => c.matchedOn === 'navs13')) {
    throw invalid([{ path: 'person.navs13', messageKey: 'person.navs13Exists' }]);
  }
  const unseen = candidates.filter((c) => !input.confirmDistinctFrom.includes(c.id));
  if (unseen.length) throw invalid([{ path: 'person', messageKey: 'person.possibleDuplicate' }]);
  const row = oneRow(
    await tx
      .insert(persons)
      .values({
        ...values,
        createdByUserId: ctx.actor.userId,
        createdByInstitutionId: ctx.actor.institutionId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: persons.id }),
  );
  await recordAudit(tx, ctx, {
    action: 'person.create',
    recordType: 'person',
    recordId: row.id,
    subjectPersonId: row.id,
    allowed: true,
    details: { confirmedDistinctFrom: input.confirmDistinctFrom },
  });
  return row.id;
}
