import { eq, inArray } from 'drizzle-orm';
import type { DataCategory } from '../../domain/consent/consent.ts';
import { PART_CATEGORY } from '../../domain/consent/data-categories.ts';
import { invalid } from '../../domain/errors.ts';
import { institutions, tandems, users } from '../../db/schema.ts';
import type { AuthedContext } from '../http/context.ts';
import { notifyUsers } from '../notifications/notify.ts';

/**
 * A tandem works on the file under the person's procuration: a valid one must
 * name both its institutions (the ORP and the CMS of its two members), or the
 * tandem would coach someone it may not know (issue 9). Otherwise the Bureau
 * is told which institutions are missing, and the announcer is asked — by a
 * notification that stays even though the assignment is refused — to have the
 * procuration extended.
 */
export async function ensureConsentCoversTandem(
  ctx: AuthedContext,
  o: {
    situationId: string;
    basis: ReadonlyMap<string, ReadonlySet<DataCategory>>;
    announcingUserId: string;
    tandemId: string;
  },
) {
  const [tandem] = await ctx.db.select().from(tandems).where(eq(tandems.id, o.tandemId));
  if (!tandem) return; // the assignment itself answers "unknown tandem"
  const members = await ctx.db
    .select({ institutionId: users.institutionId, nameFr: institutions.nameFr, nameDe: institutions.nameDe })
    .from(users)
    .innerJoin(institutions, eq(institutions.id, users.institutionId))
    .where(inArray(users.id, [tandem.orpUserId, tandem.cmsUserId]));
  // Named, and for the coaching's category (the journal, objectives and reports are the tandem's work).
  const missing = members.filter((m) => !o.basis.get(m.institutionId)?.has(PART_CATEGORY.coaching));
  if (!missing.length) return;
  const names = [...new Set(missing.map((m) => (ctx.lang === 'de' ? m.nameDe : m.nameFr)))].join(', ');
  await ctx.db.transaction(async (tx) => {
    await notifyUsers(tx, [o.announcingUserId], {
      kind: 'consent_extension_needed',
      situationId: o.situationId,
      at: ctx.now(),
      details: {
        institutionIds: [...new Set(missing.map((m) => m.institutionId))],
        institutionNamesFr: missing.map((m) => m.nameFr),
        institutionNamesDe: missing.map((m) => m.nameDe),
      },
    });
  });
  throw invalid([{ path: 'tandemId', messageKey: 'tandem.consentMissing', params: { institutions: names } }]);
}
