import { eq, inArray } from 'drizzle-orm';
import type { DataCategory } from '../../domain/consent/consent.ts';
import { invalid } from '../../domain/errors.ts';
import { institutions, persons, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ensureAllowed } from '../http/access.ts';
import type { AuthedContext } from '../http/context.ts';
import { loadSituationFor } from './load-situation.ts';
import { procurationPdf } from './procuration-pdf.ts';
import { oneRow } from '../../db/one-row.ts';

/** The pre-filled procuration, in the person's language (French when it is neither French nor German). */
export async function printProcuration(
  ctx: AuthedContext,
  situationId: string,
  q: { institutionIds: string[]; categories: DataCategory[]; validUntil: string },
) {
  const { row, facts } = await loadSituationFor(ctx, situationId, 'manage_consent', 'consent.print');
  await ensureAllowed(
    ctx,
    'read_identity',
    { type: 'situation', ...facts },
    { action: 'consent.print', recordId: situationId },
  );
  if (!row.personId) throw invalid([{ path: 'consent', messageKey: 'consent.needsPerson' }]);
  const person = oneRow(await ctx.db.select().from(persons).where(eq(persons.id, row.personId)));
  const named = q.institutionIds.length
    ? await ctx.db.select().from(institutions).where(inArray(institutions.id, q.institutionIds))
    : [];
  const me = oneRow(await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId)));
  const lang = person.correspondenceLanguage === 'de' ? 'de' : 'fr';
  const pdf = await procurationPdf({
    lang,
    reference: row.number,
    person: {
      officialName: person.officialName,
      firstNames: person.firstNames,
      birthDate: person.birthDate,
      navs13: person.navs13 ?? '',
      address: [person.street, `${person.postalCode} ${person.locality}`.trim()].filter(Boolean).join(', '),
    },
    institutions: named.map((i) => (lang === 'de' ? i.nameDe : i.nameFr)),
    categories: q.categories,
    validUntil: q.validUntil,
    professional: `${me.givenName} ${me.familyName}`,
  });
  await recordAudit(ctx.db, ctx, {
    action: 'consent.print',
    recordType: 'situation',
    recordId: situationId,
    subjectPersonId: row.personId,
    allowed: true,
  });
  return { pdf, filename: `procuration-${row.number}-${lang}.pdf` };
}
