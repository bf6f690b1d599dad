import { eq } from 'drizzle-orm';
import { type DraftBody, type PersonInput, emptyDraft } from '../../contracts/situations.ts';
import type { Actor } from '../../domain/access/roles.ts';
import type { DataCategory } from '../../domain/consent/consent.ts';
import { TANDEM_CRITERIA } from '../../domain/situation/tandem-eligibility.ts';
import type { Db } from '../../db/open-db.ts';
import { communes, institutions, regions, users } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import type { AuthedContext } from '../http/context.ts';
import { createPerson } from '../persons/create-person.ts';
import { addCaseTeamMember } from '../situations/add-case-team-member.ts';
import { announceSituation } from '../situations/announce-situation.ts';
import { decideSituation } from '../situations/decide-situation.ts';
import { procurationPdf } from '../situations/procuration-pdf.ts';
import { recordConsent } from '../situations/record-consent.ts';
import { saveDraft } from '../situations/save-draft.ts';
import { situationVersion } from '../situations/situation-repository.ts';
import { takeUpSituation } from '../situations/take-up-situation.ts';
import { uploadAttachment } from '../situations/upload-attachment.ts';
import { found } from '../../db/seed/found.ts';
import { shiftIso, storyYearsBack } from './story-2022.ts';

/**
 * Situations at every stage of the announcement and triage, in French and in
 * German, made through the same use cases as the screens (so timelines, audit
 * rows and notifications are real). Each step is dated days back, so that
 * queues show realistic waiting times.
 */
const DAY = 86_400_000;

interface Step {
  announcer: string;
  region: 'SION' | 'MONTHEY' | 'BRIG';
  person?: Partial<PersonInput> & Pick<PersonInput, 'officialName' | 'firstNames' | 'birthDate'>;
  anonymous?: { ageBand: DraftBody['ageBand'] };
  draft: Partial<DraftBody>;
  daysAgo: number;
  /**
   * A fixed start instead of `daysAgo`: a file from the rules before 2023 must stay before 2023 whenever the demo is
   * made.
   */
  at?: string;
  until:
    | 'draft'
    | 'announced'
    | 'under_review'
    | 'refused'
    | 'tandem'
    | 'round_table'
    | 'assessment'
    | 'network_follow_up';
  coordinator?: string;
  decision?: { reason: string; suggestions?: string };
  /** Other institutions the person authorises (by French name), and other categories (the procuration's scope). */
  consentAlso?: { institutions: string[]; categories?: DataCategory[] };
  /** Professionals the announcer puts on the case team once announced (they follow the person too). */
  caseTeam?: string[];
}

const STEPS: Step[] = [
  {
    announcer: 'orp.sion',
    region: 'SION',
    daysAgo: 1,
    until: 'draft',
    person: {
      officialName: 'Dubuis',
      firstNames: 'Marc',
      sex: 'male',
      birthDate: '1979-09-21',
      navs13: '756.3047.5009.62',
    },
    draft: {
      riskFactors: ['health', 'employability'],
      description: 'Fin de droit en mars ; douleurs dorsales chroniques, plusieurs arrêts.',
      helpExpected: '',
    },
  },
  {
    announcer: 'cms.sion',
    region: 'SION',
    daysAgo: 9,
    until: 'announced',
    anonymous: { ageBand: '25_34' },
    draft: {
      riskFactors: ['single_parent_childcare', 'debts', 'qualifications'],
      targetGroups: ['social_aid_work_capacity'],
      liasEmployabilityChecked: true,
      liasIntegrationIndicated: true,
      description: 'Mère seule de deux enfants, sans formation achevée, dettes. Souhaite travailler à 50 %.',
      helpExpected: 'Discussion anonyme en table ronde pour choisir la bonne prise en charge.',
    },
  },
  {
    announcer: 'orp.sion',
    region: 'SION',
    daysAgo: 3,
    until: 'announced',
    person: {
      officialName: 'Fournier',
      firstNames: 'Sandra',
      birthDate: '1984-02-11',
      navs13: '756.8532.1167.03',
      street: 'Rue de Lausanne 45',
      postalCode: '1950',
      locality: 'Sion',
    },
    draft: {
      riskFactors: ['psychological', 'family', 'financial_resources'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      laciEmployabilityCheck: true,
      description: 'Fin de droit dans deux mois. Séparation récente, épuisement, difficultés financières.',
      helpExpected: 'Évaluer un coaching tandem ORP–CMS.',
    },
    // Also followed by the social aid of Sion: its social worker is on the case team.
    consentAlso: { institutions: ['CMS de Sion – aide sociale'] },
    caseTeam: ['cms.sion'],
  },
  {
    announcer: 'orp.sion',
    region: 'SION',
    daysAgo: 12,
    until: 'under_review',
    coordinator: 'coord.sion',
    person: { officialName: 'Carron', firstNames: 'Nadia', birthDate: '1991-07-30', navs13: '756.1934.2278.31' },
    draft: {
      riskFactors: ['addiction', 'housing', 'employability'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Rechute après un sevrage, logement précaire.',
      helpExpected: 'Prise en charge coordonnée avec Addiction Valais.',
    },
    // Addiction Valais follows her too; the procuration covers health data (addiction) for it.
    consentAlso: { institutions: ['Addiction Valais'], categories: ['health'] },
  },
  {
    announcer: 'orp.sion',
    region: 'SION',
    daysAgo: 130,
    until: 'tandem',
    coordinator: 'coord.sion',
    person: {
      officialName: 'Rey',
      firstNames: 'Virginie',
      birthDate: '1986-05-14',
      navs13: '756.6612.8790.43',
      locality: 'Sion',
      postalCode: '1950',
    },
    draft: {
      riskFactors: ['health', 'single_parent_childcare', 'employability'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      laciEmployabilityCheck: true,
      description:
        'Vendeuse, seule avec un enfant, village mal desservi ; plusieurs mesures interrompues pour raisons de santé.',
      helpExpected: 'Coaching intensif vers un emploi dans la vente.',
    },
    decision: { reason: 'Cumul de facteurs ; potentiel réel dans la vente ; accord de la personne.' },
  },
  {
    announcer: 'orp.monthey',
    region: 'MONTHEY',
    daysAgo: 20,
    until: 'refused',
    coordinator: 'coord.monthey',
    person: {
      officialName: 'Berrut',
      firstNames: 'Alain',
      sex: 'male',
      birthDate: '1969-12-02',
      navs13: '756.2205.7713.50',
    },
    draft: {
      riskFactors: ['qualifications'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Manque de qualification pour les postes visés.',
      helpExpected: 'Coaching.',
    },
    decision: {
      reason: 'Pas de cumul de facteurs de risque : la situation n’est pas complexe.',
      suggestions:
        'Suivi ORP ordinaire ; cours de formation de base (AFO) ; orientation OSP pour un bilan de compétences.',
    },
  },
  {
    announcer: 'cms.monthey',
    region: 'MONTHEY',
    daysAgo: 25,
    until: 'round_table',
    coordinator: 'coord.monthey',
    anonymous: { ageBand: '45_54' },
    draft: {
      riskFactors: ['health', 'psychological', 'debts'],
      targetGroups: ['social_aid_work_capacity'],
      liasEmployabilityChecked: true,
      description: 'Incapacité partielle, démarches AI en cours, dettes.',
      helpExpected: 'Table ronde avec l’OAI.',
    },
    decision: { reason: 'Pré-évaluation en table ronde avec l’OAI et l’ORP.' },
  },
  {
    announcer: 'rav.brig',
    region: 'BRIG',
    daysAgo: 6,
    until: 'announced',
    person: {
      officialName: 'Zenklusen',
      firstNames: 'Peter',
      sex: 'male',
      birthDate: '1977-03-08',
      navs13: '756.4821.3356.71',
      correspondenceLanguage: 'de',
      locality: 'Naters',
      postalCode: '3904',
    },
    draft: {
      riskFactors: ['addiction', 'employability', 'debts'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      laciEmployabilityCheck: true,
      description: 'Aussteuerung in drei Monaten, Alkoholproblem, Schulden.',
      helpExpected: 'Koordinierte Begleitung mit Sucht Wallis.',
    },
  },
  {
    announcer: 'rav.brig',
    region: 'BRIG',
    daysAgo: 30,
    until: 'assessment',
    coordinator: 'coord.brig',
    person: {
      officialName: 'Imhof',
      firstNames: 'Martina',
      birthDate: '1982-10-19',
      navs13: '756.5390.6624.10',
      correspondenceLanguage: 'de',
      locality: 'Brig',
      postalCode: '3900',
    },
    draft: {
      riskFactors: ['health', 'employability'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Rückenleiden, unklare Arbeitsfähigkeit.',
      helpExpected: 'MAMAC-Assessment mit dem RAD-Arzt der IV.',
    },
    // The OAI's doctor assesses her work capacity: the procuration names the OAI and covers health data.
    consentAlso: { institutions: ['Office AI du Valais'], categories: ['health'] },
    decision: { reason: 'Medizinische Fragen zuerst klären: MAMAC-Assessment.' },
  },
];

/** Oriented to a tandem: the tandem part of the demo (seed-demo-tandems.ts) picks them up by name. */
const TANDEM_STEPS: Step[] = [
  {
    announcer: 'orp.sion',
    region: 'SION',
    daysAgo: 300,
    until: 'tandem',
    coordinator: 'coord.sion',
    person: {
      officialName: 'Gillioz',
      firstNames: 'Marc',
      sex: 'male',
      birthDate: '1972-11-03',
      navs13: '756.7310.4482.96',
      locality: 'Savièse',
      postalCode: '1965',
    },
    draft: {
      riskFactors: ['employability', 'qualifications', 'financial_resources'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      laciEmployabilityCheck: true,
      description: 'Magasinier, 52 ans, fin de droit proche, dettes.',
      helpExpected: 'Coaching intensif vers un emploi de magasinier ou de chauffeur-livreur.',
    },
    decision: { reason: 'Cumul de facteurs ; potentiel dans la logistique.' },
  },
  {
    announcer: 'rav.brig',
    region: 'BRIG',
    daysAgo: 80,
    until: 'tandem',
    coordinator: 'coord.brig',
    person: {
      officialName: 'Schmid',
      firstNames: 'Petra',
      birthDate: '1983-04-22',
      navs13: '756.2219.8843.50',
      correspondenceLanguage: 'de',
      locality: 'Brig',
      postalCode: '3900',
    },
    draft: {
      riskFactors: ['single_parent_childcare', 'employability', 'psychological'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      laciEmployabilityCheck: true,
      description: 'Alleinerziehend, zwei Kinder, Erschöpfung; Aussteuerung in vier Monaten.',
      helpExpected: 'Intensives Coaching RAV–SMZ.',
    },
    decision: { reason: 'Kumulierte Risikofaktoren; realistisches Potenzial im Detailhandel.' },
  },
  {
    announcer: 'cms.monthey',
    region: 'MONTHEY',
    daysAgo: 55,
    until: 'tandem',
    coordinator: 'coord.monthey',
    person: {
      officialName: 'Délez',
      firstNames: 'Sarah',
      birthDate: '1995-08-09',
      navs13: '756.4108.2267.39',
      locality: 'Collombey',
      postalCode: '1868',
    },
    draft: {
      riskFactors: ['qualifications', 'housing', 'debts'],
      targetGroups: ['social_aid_work_capacity'],
      liasEmployabilityChecked: true,
      liasIntegrationIndicated: true,
      description: 'Aide sociale depuis un an, sans CFC, logement précaire.',
      helpExpected: 'Coaching tandem, puis stage.',
    },
    consentAlso: { institutions: [], categories: ['social_aid'] },
    decision: { reason: 'Aide sociale, employabilité vérifiée, insertion indiquée.' },
  },
  {
    // A file under the rules before 2023 (seed 002): announced by social aid, with a MIP approved by the commune.
    announcer: 'cms.sion',
    region: 'SION',
    daysAgo: 0,
    at: '2022-09-12T07:30:00Z',
    until: 'tandem',
    coordinator: 'coord.sion',
    person: {
      officialName: 'Crettaz',
      firstNames: 'Mélanie',
      birthDate: '1990-02-14',
      navs13: '756.3381.0427.15',
      locality: 'Sion',
      postalCode: '1950',
    },
    draft: {
      riskFactors: ['qualifications', 'single_parent_childcare'],
      targetGroups: ['social_aid_work_capacity'],
      liasEmployabilityChecked: true,
      liasIntegrationIndicated: true,
      description: 'Aide sociale, sans formation achevée, un enfant de six ans.',
      helpExpected: 'Coaching tandem et mesures d’insertion LIAS.',
    },
    // Social aid: the commune that pays the MIP is named, and the social-aid category is covered.
    consentAlso: { institutions: ['Commune de Sion – services sociaux'], categories: ['social_aid'] },
    decision: { reason: 'Aide sociale, employabilité vérifiée, insertion indiquée.' },
  },
  {
    announcer: 'orp.sion',
    region: 'SION',
    daysAgo: 100,
    until: 'tandem',
    coordinator: 'coord.sion',
    person: {
      officialName: 'Moret',
      firstNames: 'Kevin',
      sex: 'male',
      birthDate: '1998-01-17',
      navs13: '756.5566.7712.36',
      locality: 'Conthey',
      postalCode: '1964',
    },
    draft: {
      riskFactors: ['addiction', 'employability'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      laciEmployabilityCheck: true,
      description: 'Jeune adulte, consommation de cannabis, plusieurs abandons de mesures.',
      helpExpected: 'Coaching intensif.',
    },
    decision: { reason: 'Besoin d’un suivi intensif et coordonné.' },
  },
];

/** Institutions each region's tandem works in: named in the demo consents of tandem situations. */
const TANDEM_INSTITUTIONS: Record<Step['region'], ['orp' | 'cms', string][]> = {
  SION: [
    ['orp', 'ORP Valais central'],
    ['cms', 'CMS de Sion – aide sociale'],
  ],
  MONTHEY: [
    ['orp', 'ORP Chablais'],
    ['cms', 'CMS de Monthey – aide sociale'],
  ],
  BRIG: [
    ['orp', 'ORP Haut-Valais'],
    ['cms', 'CMS du Haut-Valais – aide sociale'],
  ],
};

export async function seedDemoSituations(db: Db, config: Config, now: Date = new Date()): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  const allUsers = await db.select().from(users);
  const [bureau] = await db.select().from(institutions).where(eq(institutions.kind, 'bureau_cii'));
  const allRegions = await db.select().from(regions);
  const ctxFor = (username: string, at: Date): AuthedContext => {
    const u = found(
      allUsers.find((x) => x.username === username),
      `user ${username}`,
    );
    const actor: Actor = { userId: u.id, institutionId: u.institutionId, regionId: u.regionId, roles: u.roles };
    return { db, config, now: () => at, ip: '127.0.0.1', lang: u.language, actor };
  };
  const version = async (id: string) => situationVersion(db, id);

  const allInstitutions = await db.select().from(institutions);
  const institutionId = (name: string) =>
    found(
      allInstitutions.find((i) => i.nameFr === name),
      `institution ${name}`,
    ).id;
  // The commune of residence, where the demo canton has it: whose approvers decide the person's LIAS measures.
  const allCommunes = await db.select().from(communes);
  const communeOf = (locality: string | undefined) =>
    locality ? (allCommunes.find((c) => c.name === locality || c.name.startsWith(`${locality}-`))?.id ?? null) : null;
  for (const step of [...STEPS, ...TANDEM_STEPS]) {
    const start = step.at
      ? new Date(shiftIso(step.at, storyYearsBack(now)))
      : new Date(now.getTime() - step.daysAgo * DAY);
    const later = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
    const announcer = ctxFor(step.announcer, start);
    const regionId = found(
      allRegions.find((r) => r.code === step.region),
      `region ${step.region}`,
    ).id;
    const personId = step.person
      ? await createPerson(announcer, {
          person: {
            navs13: '',
            sex: 'female',
            correspondenceLanguage: 'fr',
            communeId: communeOf(step.person.locality),
            residencePermit: 'swiss',
            street: '',
            postalCode: '',
            locality: '',
            phone: '',
            email: '',
            ...step.person,
          },
          confirmDistinctFrom: [],
        })
      : null;
    const id = await saveDraft(announcer, null, {
      ...emptyDraft({ regionId, personId, institutionId: announcer.actor.institutionId }),
      ageBand: step.anonymous?.ageBand ?? null,
      ...step.draft,
    });
    if (step.person) created.set(step.person.officialName, id);
    if (step.until === 'draft') continue;
    if (personId && step.person) {
      const lang = step.person.correspondenceLanguage === 'de' ? 'de' : 'fr';
      const scan = await procurationPdf({
        lang,
        reference: 'scan',
        person: {
          officialName: step.person.officialName,
          firstNames: step.person.firstNames,
          birthDate: step.person.birthDate,
          navs13: step.person.navs13 ?? '',
          address: '',
        },
        institutions: [],
        categories: ['identity', 'employment'],
        validUntil: new Date(start.getTime() + 365 * DAY).toISOString().slice(0, 10),
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
            // Tandem cases: the person also authorises the ORP and the CMS of the tandem.
            ...(step.until === 'tandem' ? TANDEM_INSTITUTIONS[step.region].map(([, name]) => institutionId(name)) : []),
            ...(step.consentAlso?.institutions ?? []).map(institutionId),
          ]),
        ],
        dataCategories: [
          'identity',
          'social_situation',
          'employment',
          'measures',
          ...(step.consentAlso?.categories ?? []),
        ],
        signedOn: start.toISOString().slice(0, 10),
        validUntil: new Date(start.getTime() + 365 * DAY).toISOString().slice(0, 10),
        scanAttachmentId: attachment.id,
      });
    }
    await announceSituation(ctxFor(step.announcer, later(1)), id, await version(id));
    for (const member of step.caseTeam ?? [])
      await addCaseTeamMember(
        ctxFor(step.announcer, later(2)),
        id,
        found(
          allUsers.find((u) => u.username === member),
          `user ${member}`,
        ).id,
      );
    if (step.until === 'announced' || !step.coordinator) continue;
    await takeUpSituation(ctxFor(step.coordinator, later(30)), id, await version(id));
    if (step.until === 'under_review') continue;
    const coordinator = ctxFor(step.coordinator, later(50));
    const reason = step.decision?.reason ?? '';
    if (step.until === 'refused') {
      await decideSituation(coordinator, id, {
        decision: 'refuse',
        version: await version(id),
        reason,
        suggestedInstitutions: [{ kind: 'orp', institutionId: null }],
        suggestions: step.decision?.suggestions ?? '',
      });
    } else {
      const eligibility =
        step.until === 'tandem'
          ? TANDEM_CRITERIA.map((criterion) => {
              // The criterion of the regime the person is not under does not apply (LACI for the ORP, LIAS for social
              // aid).
              const other = step.announcer.startsWith('cms') ? 'laci_prior_measure' : 'lias_employability_checked';
              // The coordinator writes in the region's language (Brig: German).
              const german = step.region === 'BRIG';
              return {
                criterion,
                answer: criterion === other ? ('not_applicable' as const) : ('met' as const),
                justification:
                  criterion === other
                    ? german
                      ? 'Anderes Regime.'
                      : 'Autre régime.'
                    : german
                      ? 'In den Akten und im Gespräch geprüft.'
                      : 'Vérifié au dossier et lors de l’entretien.',
              };
            })
          : [];
      await decideSituation(coordinator, id, {
        decision: 'orient',
        careKind: step.until,
        version: await version(id),
        reason,
        eligibility,
      });
    }
  }
  return created;
}
