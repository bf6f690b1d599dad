import { type DraftBody, type PersonInput, emptyDraft } from '../../contracts/situations.ts';
import type { Actor } from '../../domain/access/roles.ts';
import { checklistFor } from '../../domain/care/conformity-checklists.ts';
import { PERSON_PARTY } from '../../domain/care/objectives-contract.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { zurichLocal } from '../../domain/calendar/zurich-time.ts';
import type { Db } from '../../db/open-db.ts';
import { found } from '../../db/seed/found.ts';
import { institutions, regions, users } from '../../db/schema.ts';
import type { Assessment } from '../../contracts/assessments.ts';
import { acceptContract } from '../care/assessments/accept-contract.ts';
import { addAssessmentNote } from '../care/assessments/add-assessment-note.ts';
import { checkContractConformity } from '../care/assessments/check-contract-conformity.ts';
import { closeAssessment } from '../care/assessments/close-assessment.ts';
import { getAssessment } from '../care/assessments/get-assessment.ts';
import { holdAssessment } from '../care/assessments/hold-assessment.ts';
import { organiseAssessment } from '../care/assessments/organise-assessment.ts';
import { scheduleAssessment } from '../care/assessments/schedule-assessment.ts';
import { setObjectiveStatus } from '../care/assessments/set-objective-status.ts';
import { writeContractVersion } from '../care/assessments/write-contract-version.ts';
import type { Config } from '../config.ts';
import type { AuthedContext } from '../http/context.ts';
import { createPerson } from '../persons/create-person.ts';
import { announceSituation } from '../situations/announce-situation.ts';
import { decideSituation } from '../situations/decide-situation.ts';
import { procurationPdf } from '../situations/procuration-pdf.ts';
import { recordConsent } from '../situations/record-consent.ts';
import { saveDraft } from '../situations/save-draft.ts';
import { situationVersion } from '../situations/situation-repository.ts';
import { takeUpSituation } from '../situations/take-up-situation.ts';
import { uploadAttachment } from '../situations/upload-attachment.ts';

/**
 * MAMAC assessments at every state (issue 12, seed 004 §6), in French (Sion, Monthey) and German (Oberwallis), made
 * through the same use cases as the screens: one still to organise (besides Martina Imhof's in Brig), one convened,
 * one held with its contract awaiting acceptances, one in execution under its contract's second version (the first
 * refused by the Bureau and superseded), one closed with an insertion. Dated back from `now`, so that the demo is
 * right whenever it is made.
 */
const DAY = 86_400_000;
const HEALTH_TOO = ['identity', 'social_situation', 'employment', 'measures', 'health'] as const;

interface Story {
  key: string;
  announcer: string;
  coordinator: string;
  region: 'SION' | 'MONTHEY' | 'BRIG';
  daysAgo: number;
  person: Partial<PersonInput> & Pick<PersonInput, 'officialName' | 'firstNames' | 'birthDate'>;
  draft: Partial<DraftBody>;
  /** Institutions the procuration names (French names) besides the announcer's and the Bureau. */
  consent: string[];
  reason: string;
}

const STORIES: Story[] = [
  {
    // Oriented a few days ago, still to organise (004 §6: "quatre sont en attente d'organisation").
    key: 'to_organise',
    announcer: 'orp.sion',
    coordinator: 'coord.sion',
    region: 'SION',
    daysAgo: 9,
    person: { officialName: 'Sierro', firstNames: 'Nathalie', birthDate: '1981-08-22', locality: 'Conthey' },
    draft: {
      riskFactors: ['health', 'employability', 'family'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Fin de droit dans deux mois ; migraines fréquentes, situation familiale difficile.',
      helpExpected: 'Un plan commun avec le CMS et l’AI.',
    },
    consent: ['CMS de Sion – aide sociale', 'Office AI du Valais'],
    reason: 'Santé et famille : un assessment MAMAC.',
  },
  {
    key: 'scheduled',
    announcer: 'cms.sion',
    coordinator: 'coord.sion',
    region: 'SION',
    daysAgo: 12,
    person: { officialName: 'Bétrisey', firstNames: 'Sandrine', birthDate: '1977-06-03', locality: 'Savièse' },
    draft: {
      riskFactors: ['health', 'psychological', 'financial_resources'],
      targetGroups: ['social_aid_work_capacity'],
      description: 'Aide sociale depuis deux ans ; épuisement, capacité de travail à éclaircir avec l’AI.',
      helpExpected: 'Un assessment avec le médecin SMR.',
    },
    consent: ['ORP Valais central', 'Office AI du Valais'],
    reason: 'Questions médicales et sociales mêlées : un assessment MAMAC.',
  },
  {
    key: 'held',
    announcer: 'orp.sion',
    coordinator: 'coord.sion',
    region: 'SION',
    daysAgo: 40,
    person: { officialName: 'Mayoraz', firstNames: 'Kevin', birthDate: '1990-01-27', sex: 'male', locality: 'Sion' },
    draft: {
      riskFactors: ['health', 'qualifications', 'debts'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Fin de droit dans trois mois ; hernie discale, sans CFC, dettes.',
      helpExpected: 'Un plan commun ORP, CMS et AI.',
    },
    consent: ['CMS de Sion – aide sociale', 'Office AI du Valais'],
    reason: 'Santé, formation et dettes : un assessment MAMAC.',
  },
  {
    key: 'execution',
    announcer: 'rav.brig',
    coordinator: 'coord.brig',
    region: 'BRIG',
    daysAgo: 75,
    person: {
      officialName: 'Zurbriggen',
      firstNames: 'Patrick',
      birthDate: '1974-11-08',
      sex: 'male',
      correspondenceLanguage: 'de',
      locality: 'Naters',
    },
    draft: {
      riskFactors: ['addiction', 'health', 'employability'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Aussteuerung in zwei Monaten, Alkoholproblem, Knieoperation.',
      helpExpected: 'Koordinierter Plan mit Sucht Wallis und der IV.',
    },
    consent: ['Addiction Valais', 'Office AI du Valais'],
    reason: 'Sucht und Gesundheit: ein MAMAC-Assessment.',
  },
  {
    key: 'closed',
    announcer: 'orp.monthey',
    coordinator: 'coord.monthey',
    region: 'MONTHEY',
    daysAgo: 150,
    person: { officialName: 'Vouilloz', firstNames: 'Isabelle', birthDate: '1985-03-14', locality: 'Monthey' },
    draft: {
      riskFactors: ['health', 'single_parent_childcare'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Fin de droit, mère seule de deux enfants, tendinite chronique.',
      helpExpected: 'Un emploi adapté et une solution de garde.',
    },
    consent: ['CMS de Monthey – aide sociale', 'Office AI du Valais'],
    reason: 'Santé et garde d’enfants : un assessment MAMAC.',
  },
];

export async function seedDemoAssessments(db: Db, config: Config, now: Date = new Date()) {
  const allUsers = await db.select().from(users);
  const allInstitutions = await db.select().from(institutions);
  const allRegions = await db.select().from(regions);
  const user = (username: string) =>
    found(
      allUsers.find((u) => u.username === username),
      `user ${username}`,
    );
  const ctxFor = (username: string, at: Date): AuthedContext => {
    const u = user(username);
    const actor: Actor = { userId: u.id, institutionId: u.institutionId, regionId: u.regionId, roles: u.roles };
    return { db, config, now: () => at, ip: '127.0.0.1', lang: u.language, actor };
  };
  const inst = (name: string) =>
    found(
      allInstitutions.find((i) => i.nameFr === name),
      `institution ${name}`,
    );
  const [bureau] = allInstitutions.filter((i) => i.kind === 'bureau_cii');
  const made = new Map<string, { id: string; start: Date }>();

  for (const s of STORIES) {
    const start = new Date(now.getTime() - s.daysAgo * DAY);
    const at = (days: number, hours = 0) => new Date(start.getTime() + days * DAY + hours * 3_600_000);
    const announcer = ctxFor(s.announcer, start);
    const lang = s.person.correspondenceLanguage === 'de' ? 'de' : 'fr';
    const personId = await createPerson(announcer, {
      person: {
        navs13: '',
        sex: 'female',
        correspondenceLanguage: 'fr',
        communeId: null,
        residencePermit: 'swiss',
        street: '',
        postalCode: '',
        locality: '',
        phone: '',
        email: '',
        ...s.person,
      },
      confirmDistinctFrom: [],
    });
    const regionId = found(
      allRegions.find((r) => r.code === s.region),
      `region ${s.region}`,
    ).id;
    const id = await saveDraft(announcer, null, {
      ...emptyDraft({ regionId, personId, institutionId: announcer.actor.institutionId }),
      ...s.draft,
    });
    const signedOn = swissDay(start);
    const validUntil = swissDay(new Date(start.getTime() + 365 * DAY));
    const scan = await procurationPdf({
      lang,
      reference: 'scan',
      person: { ...s.person, navs13: '', address: '' },
      institutions: [],
      categories: [...HEALTH_TOO],
      validUntil,
      professional: '',
    });
    const attachment = await uploadAttachment(announcer, id, {
      filename: lang === 'de' ? 'vollmacht-unterschrieben.pdf' : 'procuration-signee.pdf',
      mimeType: 'application/pdf',
      content: scan,
    });
    await recordConsent(announcer, id, {
      institutionIds: [
        ...new Set([
          announcer.actor.institutionId,
          found(bureau, 'the Bureau CII').id,
          ...s.consent.map((n) => inst(n).id),
        ]),
      ],
      dataCategories: [...HEALTH_TOO],
      signedOn,
      validUntil,
      scanAttachmentId: attachment.id,
    });
    await announceSituation(ctxFor(s.announcer, at(0, 1)), id, await situationVersion(db, id));
    await takeUpSituation(ctxFor(s.coordinator, at(1)), id, await situationVersion(db, id));
    await decideSituation(ctxFor(s.coordinator, at(2)), id, {
      decision: 'orient',
      careKind: 'assessment',
      version: await situationVersion(db, id),
      reason: s.reason,
      eligibility: [],
    });
    made.set(s.key, { id, start });
  }

  const story = (key: string) => found(made.get(key), `assessment ${key}`);
  const organise = async (
    key: string,
    coordinator: string,
    days: number,
    team: [string, string][],
    personLang: 'fr' | 'de',
  ) => {
    const { id, start } = story(key);
    const ctx = ctxFor(coordinator, new Date(start.getTime() + days * DAY));
    const a = await getAssessment(ctx, id);
    return organiseAssessment(ctx, id, {
      responsibleUserId: user(coordinator).id,
      participants: team.map(([username, role]) => ({
        userId: user(username).id,
        role: role as 'correspondent' | 'announcer' | 'smr_doctor' | 'professional',
      })),
      person: { email: `${key}.personne@example.ch`, language: personLang },
      version: a.version,
    });
  };
  const schedule = (coordinator: string, a: Assessment, when: Date, place: string) => {
    const local = zurichLocal(when);
    return scheduleAssessment(ctxFor(coordinator, new Date(when.getTime() - 7 * DAY)), a.situationId, {
      startOn: local.date,
      startTime: '09:00',
      durationMinutes: 120,
      place,
      version: a.version,
    });
  };
  const answers = (a: Assessment, versionNo: number, ok: boolean) =>
    found(
      a.contracts.find((c) => c.versionNo === versionNo),
      'contract version',
    ).checklist.flatMap((c) => checklistFor(c.kind).map((i) => ({ institutionId: c.institutionId, itemId: i.id, ok })));
  const version = (a: Assessment, no: number) =>
    found(
      a.contracts.find((c) => c.versionNo === no),
      `contract v${no}`,
    ).version;

  // Sion (French): convened a week from now; the SMR doctor takes part.
  {
    const a = await organise(
      'scheduled',
      'coord.sion',
      4,
      [
        ['cms.sion', 'announcer'],
        ['orp.repondant', 'correspondent'],
        ['oai.smr', 'smr_doctor'],
      ],
      'fr',
    );
    await schedule('coord.sion', a, new Date(now.getTime() + 7 * DAY), 'Sion, Bureau CII, salle de conférence');
  }

  // Sion (French): held three weeks ago; the contract is with the parties (the ORP accepted, the CMS not yet).
  {
    const { id, start } = story('held');
    let a = await organise(
      'held',
      'coord.sion',
      3,
      [
        ['orp.sion', 'announcer'],
        ['cms.sion', 'professional'],
        ['oai.smr', 'smr_doctor'],
      ],
      'fr',
    );
    const meeting = new Date(start.getTime() + 18 * DAY);
    a = await schedule('coord.sion', a, meeting, 'Sion, Bureau CII');
    const after = (days: number) => new Date(meeting.getTime() + days * DAY);
    a = await holdAssessment(ctxFor('coord.sion', after(0.2)), id, {
      medical: 'Hernie discale L4-L5 opérée ; port de charges à éviter.',
      professional: 'Manutentionnaire sans CFC, 10 ans d’expérience ; permis de conduire.',
      social: 'Vit seul ; dettes de 18 000 francs (poursuites).',
      resources: 'Motivé, bon contact ; intéressé par la logistique.',
      smrConclusions: 'Capacité de travail entière dans une activité adaptée, sans port de charges.',
      version: a.version,
    });
    const orp = ctxFor('orp.sion', after(1));
    a = await writeContractVersion(orp, id, {
      caseManagerInstitutionId: inst('ORP Valais central').id,
      basedOnVersionNo: null,
      objectives: [
        {
          text: 'Emploi dans la logistique sans port de charges',
          measuresPlanned: 'Cours de cariste ; recherches ciblées',
          responsibleInstitutionId: inst('ORP Valais central').id,
          deadline: swissDay(after(150)),
        },
        {
          text: 'Plan de désendettement',
          measuresPlanned: 'Rendez-vous au service de désendettement du CMS',
          responsibleInstitutionId: inst('CMS de Sion – aide sociale').id,
          deadline: swissDay(after(90)),
        },
      ],
    });
    await acceptContract(ctxFor('orp.sion', after(2)), id, 1, {
      party: inst('ORP Valais central').id,
      signedOn: null,
      version: version(a, 1),
    });
  }

  // Oberwallis (German): the first contract found non-conforming, the second in force and in execution.
  {
    const { id, start } = story('execution');
    let a = await organise(
      'execution',
      'coord.brig',
      5,
      [
        ['rav.brig', 'announcer'],
        ['sucht.wallis', 'correspondent'],
        ['oai.smr', 'smr_doctor'],
      ],
      'de',
    );
    const meeting = new Date(start.getTime() + 20 * DAY);
    a = await schedule('coord.brig', a, meeting, 'Brig, Sitzungszimmer RAV');
    const after = (days: number) => new Date(meeting.getTime() + days * DAY);
    const coord = (days: number) => ctxFor('coord.brig', after(days));
    a = await holdAssessment(coord(0.2), id, {
      medical: 'Knieoperation im Frühling; Alkoholabhängigkeit in Behandlung.',
      professional: 'Maurer, 25 Jahre Erfahrung; körperlich schwere Arbeit nicht mehr möglich.',
      social: 'Verheiratet, zwei erwachsene Kinder; Ehefrau unterstützt ihn.',
      resources: 'Handwerkliches Geschick, gute Deutsch- und Französischkenntnisse.',
      smrConclusions: 'Leichte wechselbelastende Tätigkeit zu 100 % zumutbar.',
      version: a.version,
    });
    const rav = inst('ORP Haut-Valais').id;
    const sucht = inst('Addiction Valais').id;
    const objectives = (measures: string) => [
      {
        text: 'Stelle als Magaziner oder Hauswart',
        measuresPlanned: measures,
        responsibleInstitutionId: rav,
        deadline: swissDay(after(180)),
      },
      {
        text: 'Abstinenz stabilisieren',
        measuresPlanned: 'Ambulante Begleitung bei Sucht Wallis, zweiwöchentlich',
        responsibleInstitutionId: sucht,
        deadline: swissDay(after(120)),
      },
    ];
    a = await writeContractVersion(ctxFor('rav.brig', after(1)), id, {
      caseManagerInstitutionId: rav,
      basedOnVersionNo: null,
      objectives: objectives('Umschulung zum Lageristen (6 Monate)'),
    });
    a = await checkContractConformity(coord(2), id, 1, {
      answers: answers(a, 1, false),
      result: 'non_conforming',
      reasons: 'Eine Umschulung ist eine IV-Massnahme: erst nach einer IV-Anmeldung, nicht über das RAV.',
      version: version(a, 1),
    });
    a = await writeContractVersion(ctxFor('rav.brig', after(3)), id, {
      caseManagerInstitutionId: rav,
      basedOnVersionNo: 1,
      objectives: objectives('Einsatzprogramm im Lager (3 Monate), gezielte Bewerbungen'),
    });
    a = await acceptContract(ctxFor('rav.brig', after(4)), id, 2, {
      party: rav,
      signedOn: null,
      version: version(a, 2),
    });
    a = await acceptContract(ctxFor('sucht.wallis', after(4.2)), id, 2, {
      party: sucht,
      signedOn: null,
      version: version(a, 2),
    });
    a = await acceptContract(coord(5), id, 2, {
      party: PERSON_PARTY,
      signedOn: swissDay(after(5)),
      version: version(a, 2),
    });
    a = await checkContractConformity(coord(5.1), id, 2, {
      answers: answers(a, 2, true),
      result: 'conforming',
      reasons: '',
      version: version(a, 2),
    });
    const inForce = found(
      a.contracts.find((c) => c.versionNo === 2),
      'contract v2',
    );
    a = await setObjectiveStatus(ctxFor('rav.brig', after(30)), id, 2, found(inForce.objectives[1], 'objective').id, {
      status: 'achieved',
      version: inForce.version,
    });
    await addAssessmentNote(ctxFor('rav.brig', after(31)), id, {
      kind: 'review_meeting',
      at: swissDay(after(31)),
      text: 'Standortgespräch: Einsatzprogramm begonnen, Abstinenz seit drei Monaten.',
    });
  }

  // Monthey (French): in force, then closed with an insertion in the primary labour market.
  {
    const { id, start } = story('closed');
    let a = await organise(
      'closed',
      'coord.monthey',
      6,
      [
        ['orp.monthey', 'announcer'],
        ['cms.monthey', 'professional'],
        ['oai.smr', 'smr_doctor'],
      ],
      'fr',
    );
    const meeting = new Date(start.getTime() + 21 * DAY);
    a = await schedule('coord.monthey', a, meeting, 'Monthey, ORP Chablais');
    const after = (days: number) => new Date(meeting.getTime() + days * DAY);
    const coord = (days: number) => ctxFor('coord.monthey', after(days));
    a = await holdAssessment(coord(0.2), id, {
      medical: 'Tendinite chronique de l’épaule droite.',
      professional: 'Employée de commerce, 8 ans dans la vente.',
      social: 'Mère seule de deux enfants (6 et 9 ans).',
      resources: 'Très motivée ; réseau familial à Monthey.',
      smrConclusions: 'Activité de bureau à 80 % exigible.',
      version: a.version,
    });
    const orp = inst('ORP Chablais').id;
    const cms = inst('CMS de Monthey – aide sociale').id;
    a = await writeContractVersion(ctxFor('orp.monthey', after(1)), id, {
      caseManagerInstitutionId: orp,
      basedOnVersionNo: null,
      objectives: [
        {
          text: 'Emploi de bureau à 80 %',
          measuresPlanned: 'Cours de bureautique ; recherches ciblées',
          responsibleInstitutionId: orp,
          deadline: swissDay(after(120)),
        },
        {
          text: 'Solution de garde pour les enfants',
          measuresPlanned: 'Inscription à l’UAPE, aide aux frais de garde',
          responsibleInstitutionId: cms,
          deadline: swissDay(after(45)),
        },
      ],
    });
    a = await acceptContract(ctxFor('orp.monthey', after(2)), id, 1, {
      party: orp,
      signedOn: null,
      version: version(a, 1),
    });
    a = await acceptContract(ctxFor('cms.monthey', after(2.1)), id, 1, {
      party: cms,
      signedOn: null,
      version: version(a, 1),
    });
    a = await acceptContract(coord(3), id, 1, {
      party: PERSON_PARTY,
      signedOn: swissDay(after(3)),
      version: version(a, 1),
    });
    a = await checkContractConformity(coord(3.1), id, 1, {
      answers: answers(a, 1, true),
      result: 'conforming',
      reasons: '',
      version: version(a, 1),
    });
    for (const [i, o] of found(a.contracts[0], 'contract').objectives.entries())
      a = await setObjectiveStatus(ctxFor('orp.monthey', after(40 + i * 30)), id, 1, o.id, {
        status: 'achieved',
        version: version(a, 1),
      });
    await closeAssessment(ctxFor('orp.monthey', after(100)), id, {
      outcome: 'inserted',
      reason: 'Contrat à durée indéterminée à 80 % comme employée de commerce.',
      version: (await getAssessment(ctxFor('orp.monthey', after(100)), id)).version,
    });
  }
  return made;
}
