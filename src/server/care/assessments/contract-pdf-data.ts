import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Language } from '../../../domain/access/roles.ts';
import { PERSON_PARTY, contractParties } from '../../../domain/care/objectives-contract.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import type { Queryable } from '../../../db/open-db.ts';
import { careParticipants, institutions, persons, users } from '../../../db/schema.ts';
import { fullName } from '../../situations/present-situation.ts';
import { type ContractView, contentOf } from './assessment-repository.ts';
import { contractPdf } from './contract-pdf.ts';

const TITLE = { fr: 'contrat-objectifs', de: 'zielvereinbarung' } as const;

/** The person's language: her invitation's, else her file's correspondence language, else French. */
async function personLanguage(q: Queryable, passageId: string, personId: string | null): Promise<Language> {
  const [invited] = await q
    .select({ language: careParticipants.language })
    .from(careParticipants)
    .where(
      and(
        eq(careParticipants.passageId, passageId),
        eq(careParticipants.role, 'person'),
        isNull(careParticipants.removedAt),
      ),
    );
  if (invited) return invited.language;
  if (!personId) return 'fr';
  const [p] = await q.select({ l: persons.correspondenceLanguage }).from(persons).where(eq(persons.id, personId));
  return p?.l === 'de' ? 'de' : 'fr';
}

/**
 * One version of the contract as a PDF in the person's language (issue 12: "a PDF in the person's language for
 * signature"). Her name only when `withIdentity` (a reader who may see who she is, or the copy kept on the file,
 * which only such readers open); otherwise the situation's number stands for her.
 */
export async function contractPdfBuffer(
  q: Queryable,
  c: { situationId: string; number: string; personId: string | null; view: ContractView; withIdentity: boolean },
) {
  const { view } = c;
  const lang = await personLanguage(q, view.row.passageId, c.personId);
  const content = contentOf(view);
  const parties = contractParties(content);
  const instIds = parties.filter((p) => p !== PERSON_PARTY);
  const insts = await q
    .select({ id: institutions.id, fr: institutions.nameFr, de: institutions.nameDe })
    .from(institutions)
    .where(inArray(institutions.id, instIds));
  const instName = (id: string) => {
    const i = insts.find((x) => x.id === id);
    return i ? i[lang] : '';
  };
  const userIds = [
    ...view.acceptances.map((a) => a.acceptedByUserId),
    ...(view.row.conformityCheckedByUserId ? [view.row.conformityCheckedByUserId] : []),
  ];
  const us = userIds.length
    ? await q
        .select({ id: users.id, givenName: users.givenName, familyName: users.familyName })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  const userName = (id: string | null) => fullName(us.find((u) => u.id === id));
  const [person] =
    c.withIdentity && c.personId
      ? await q
          .select({ officialName: persons.officialName, firstNames: persons.firstNames })
          .from(persons)
          .where(eq(persons.id, c.personId))
      : [];
  const personWord = lang === 'de' ? 'Die Person' : 'La personne';
  const pdf = await contractPdf({
    lang,
    number: c.number,
    personName: person ? `${person.firstNames} ${person.officialName}` : null,
    versionNo: view.row.versionNo,
    createdOn: swissDay(view.row.createdAt),
    status: view.row.status as Parameters<typeof contractPdf>[0]['status'],
    caseManager: instName(view.row.caseManagerInstitutionId),
    objectives: view.objectives.map((o) => ({
      text: o.text,
      measuresPlanned: o.measuresPlanned,
      responsible: instName(o.responsibleInstitutionId),
      deadline: o.deadline,
      status: o.status as 'open' | 'achieved' | 'abandoned',
    })),
    parties: parties.map((p) => {
      const a = view.acceptances.find((x) => x.party === p);
      return {
        name: p === PERSON_PARTY ? (person ? `${person.firstNames} ${person.officialName}` : personWord) : instName(p),
        acceptedBy: a ? userName(a.acceptedByUserId) : null,
        acceptedOn: a ? swissDay(a.acceptedAt) : null,
        signedOn: a?.signedOn ?? null,
      };
    }),
    conformity:
      view.row.conformityResult === 'conforming' && view.row.conformityCheckedAt
        ? { by: userName(view.row.conformityCheckedByUserId), on: swissDay(view.row.conformityCheckedAt) }
        : null,
  });
  return { pdf, filename: `${TITLE[lang]}-${c.number}-v${view.row.versionNo}.pdf`, lang };
}
