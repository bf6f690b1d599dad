import { and, eq } from 'drizzle-orm';
import { emptyDraft } from '../../contracts/situations.ts';
import type { Actor } from '../../domain/access/roles.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { TANDEM_CRITERIA } from '../../domain/situation/tandem-eligibility.ts';
import type { Outcome } from '../../domain/tandem/closure.ts';
import type { Db } from '../../db/open-db.ts';
import { institutions, insertionFollowUps, mandates, regions, tandems, users } from '../../db/schema.ts';
import { found } from '../../db/seed/found.ts';
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
import { assignTandem } from '../tandem/assign-tandem.ts';
import { closeMandate } from '../tandem/close-mandate.ts';
import { finaliseFinalReport } from '../tandem/finalise-final-report.ts';
import { getTandemFile } from '../tandem/get-tandem-file.ts';
import { handBackFile } from '../tandem/hand-back-file.ts';
import { previewClosure } from '../tandem/preview-closure.ts';
import { recordFollowUp } from '../tandem/record-follow-up.ts';
import { recordMeeting } from '../tandem/save-meeting.ts';
import { saveFinalReport } from '../tandem/save-final-report.ts';
import { seedDemoImportedHistory } from './seed-demo-imported-history.ts';

/**
 * Three years of history for the figures (issue 13): about thirty situations announced over the last three years and
 * a bit, in the three regions, through the same use cases as the screens and dated back from the clock (so the demo is
 * right whenever it is made). Most are oriented to a tandem, coached (meetings every two to three weeks) and closed —
 * about half with an insertion, followed at 6 and 12 months —, some refused with suggestions. None is left open: the
 * demo's open files (seed-demo-tandems.ts) stay the ones the reminders talk about.
 */
const DAY = 86_400_000;
const REGIONS = ['SION', 'SION', 'MONTHEY', 'BRIG'] as const;
const ANNOUNCERS: Record<(typeof REGIONS)[number], string[]> = {
  SION: ['orp.sion', 'cms.sion'],
  MONTHEY: ['orp.monthey', 'cms.monthey'],
  BRIG: ['rav.brig'],
};
const TANDEM_WRITER: Record<(typeof REGIONS)[number], string> = {
  SION: 'tandem.orp',
  MONTHEY: 'tandem.orp.monthey',
  BRIG: 'tandem.rav.brig',
};
const OUTCOMES: Outcome[] = [
  'inserted',
  'inserted',
  'lack_of_cooperation',
  'inserted',
  'unavailable',
  'inserted',
  'social_aid_only',
  'inserted',
  'disability_insurance',
];
export const HISTORY_NAMES = [
  'Aymon',
  'Bonvin',
  'Crettenand',
  'Delaloye',
  'Emery',
  'Fellay',
  'Gay',
  'Héritier',
  'Imboden',
  'Jacquier',
  'Kalbermatten',
  'Luyet',
  'Mabillard',
  'Nanchen',
  'Oggier',
  'Pralong',
  'Quennoz',
  'Roduit',
  'Salamin',
  'Theytaz',
  'Udry',
  'Vouillamoz',
  'Werlen',
  'Zufferey',
  'Antille',
  'Berclaz',
  'Clivaz',
  'Dayer',
  'Epiney',
  'Favre',
];
const COUNT = HISTORY_NAMES.length;

export async function seedDemoHistory(db: Db, config: Config, now: Date = new Date()) {
  // The years before: the former records, imported (issue 13).
  await seedDemoImportedHistory(db, config, now);
  const allUsers = await db.select().from(users);
  const allRegions = await db.select().from(regions);
  const allInstitutions = await db.select().from(institutions);
  const allTandems = await db.select().from(tandems);
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
  const bureau = found(
    allInstitutions.find((i) => i.kind === 'bureau_cii'),
    'the Bureau CII',
  );
  const version = (id: string) => situationVersion(db, id);
  const scan = await procurationPdf({
    lang: 'fr',
    reference: 'scan',
    person: { officialName: '—', firstNames: '—', birthDate: '1980-01-01', navs13: '', address: '' },
    institutions: [],
    categories: ['identity', 'employment'],
    validUntil: swissDay(now),
    professional: '',
  });

  for (let i = 0; i < COUNT; i++) {
    const code = REGIONS[i % REGIONS.length] ?? 'SION';
    const region = found(
      allRegions.find((r) => r.code === code),
      `region ${code}`,
    );
    const tandem = found(
      allTandems.find((t) => t.regionId === region.id),
      `tandem of ${code}`,
    );
    const announcerName = ANNOUNCERS[code][i % ANNOUNCERS[code].length] ?? 'orp.sion';
    const coord = `coord.${code.toLowerCase()}`;
    const writer = TANDEM_WRITER[code];
    // From about 42 months ago to three months ago, one every six weeks or so.
    const t0 = new Date(now.getTime() - (100 + (COUNT - 1 - i) * 40) * DAY);
    const at = (days: number) => new Date(t0.getTime() + days * DAY);
    const announcer = ctxFor(announcerName, t0);
    const german = code === 'BRIG';
    const personId = await createPerson(announcer, {
      person: {
        navs13: '',
        officialName: HISTORY_NAMES[i] ?? `Person ${i}`,
        firstNames: i % 2 ? 'Laurent' : 'Sophie',
        birthDate: `19${60 + (i % 35)}-0${(i % 9) + 1}-1${i % 9}`,
        sex: i % 2 ? 'male' : 'female',
        correspondenceLanguage: german ? 'de' : 'fr',
        communeId: null,
        residencePermit: 'swiss',
        street: '',
        postalCode: '',
        locality: '',
        phone: '',
        email: '',
      },
      confirmDistinctFrom: [],
    });
    const social = announcerName.startsWith('cms');
    const id = await saveDraft(announcer, null, {
      ...emptyDraft({ regionId: region.id, personId, institutionId: announcer.actor.institutionId }),
      riskFactors: ['employability', i % 3 ? 'debts' : 'health'],
      targetGroups: [social ? 'social_aid_work_capacity' : 'laci_end_of_rights'],
      laciBasicProgramme: !social,
      laciEmployabilityCheck: !social,
      liasEmployabilityChecked: social,
      liasIntegrationIndicated: social,
      description: german
        ? 'Aussteuerung absehbar, mehrere Risikofaktoren.'
        : 'Fin de droit proche, cumul de facteurs.',
      helpExpected: german ? 'Intensive Begleitung.' : 'Coaching intensif.',
    });
    const attachment = await uploadAttachment(announcer, id, {
      filename: 'procuration-signee.pdf',
      mimeType: 'application/pdf',
      content: scan,
    });
    const cmsWriter = writer.replace('orp', 'cms').replace('rav', 'smz');
    await recordConsent(announcer, id, {
      institutionIds: [
        ...new Set([
          announcer.actor.institutionId,
          bureau.id,
          user(writer).institutionId,
          user(cmsWriter).institutionId,
        ]),
      ],
      dataCategories: ['identity', 'social_situation', 'employment', 'measures'],
      signedOn: swissDay(t0),
      validUntil: swissDay(at(365)),
      scanAttachmentId: attachment.id,
    });
    await announceSituation(ctxFor(announcerName, at(0.1)), id, await version(id));
    await takeUpSituation(ctxFor(coord, at(2)), id, await version(id));
    // Every fifth announcement does not meet the criteria: refused, with suggestions.
    if (i % 5 === 4) {
      await decideSituation(ctxFor(coord, at(6)), id, {
        decision: 'refuse',
        version: await version(id),
        reason: german
          ? 'Kein komplexer Fall: ein Dienst genügt.'
          : 'Pas de situation complexe : un dispositif suffit.',
        // The institutions suggested (issue 13): an ORP, and every other time the CMS as well.
        suggestedInstitutions: [
          { kind: 'orp', institutionId: null },
          ...(i % 10 === 4 ? [{ kind: 'cms' as const, institutionId: null }] : []),
        ],
        suggestions: german ? 'Begleitung durch das RAV, Kurs.' : 'Suivi ORP ordinaire, cours de langue.',
      });
      continue;
    }
    const other = social ? 'laci_prior_measure' : 'lias_employability_checked';
    await decideSituation(ctxFor(coord, at(6)), id, {
      decision: 'orient',
      careKind: 'tandem',
      version: await version(id),
      reason: german ? 'Mehrere Risikofaktoren, reales Potenzial.' : 'Cumul de facteurs, potentiel réel.',
      eligibility: TANDEM_CRITERIA.map((criterion) => ({
        criterion,
        answer: criterion === other ? ('not_applicable' as const) : ('met' as const),
        justification:
          criterion === other ? (german ? 'Anderes Regime.' : 'Autre régime.') : german ? 'Geprüft.' : 'Vérifié.',
      })),
    });
    const startDays = 10 + (i % 4) * 5;
    const start = at(startDays);
    await assignTandem(ctxFor(coord, start), id, {
      tandemId: tandem.id,
      startOn: swissDay(start),
      confirmOverCapacity: true,
      extraRecipientIds: [],
      version: await version(id),
    });
    // Coached for two to five and a half months, closed (and handed back) more than a month before the clock: the
    // home pages' reminders of a file handed back (30 days) stay the demo's own.
    const length = Math.min(60 + (i % 5) * 28, Math.floor((now.getTime() - start.getTime()) / DAY) - 35);
    const every = 12 + (i % 3) * 6;
    for (let d = 1; d < length; d += every)
      await recordMeeting(ctxFor(writer, at(startDays + d)), id, {
        heldOn: swissDay(at(startDays + d)),
        kind: 'with_person',
        personPresent: true,
        participants: '',
        notes: german ? 'Gespräch zu dritt.' : 'Entretien à trois.',
        nextSteps: '',
      });
    const closedAt = at(startDays + length);
    await saveFinalReport(ctxFor(writer, closedAt), id, {
      workDone: german ? 'Regelmässige Gespräche.' : 'Entretiens réguliers.',
      obstacles: german ? 'Gesundheit, Schulden.' : 'Santé, dettes.',
      strengths: german ? 'Motivation.' : 'Motivation.',
      stepsTaken: german ? 'Bewerbungen.' : 'Candidatures.',
      stepsToTake: german ? 'Weiterbegleitung durch das RAV.' : 'Suivi par l’ORP.',
      version: null,
    });
    await finaliseFinalReport(ctxFor(writer, closedAt), id, {
      language: german ? 'de' : 'fr',
      version: found((await getTandemFile(ctxFor(writer, closedAt), id)).finalReport, 'final report').version,
    });
    const outcome = OUTCOMES[i % OUTCOMES.length] ?? 'inserted';
    const open = await previewClosure(ctxFor(writer, closedAt), id, swissDay(closedAt));
    await closeMandate(ctxFor(writer, closedAt), id, {
      withdrawMeasureIds: [],
      withdrawReason: '',
      skipReports: open.unsentReports.map((r) => ({
        month: r.month,
        reason: german ? 'Mündlich übermittelt.' : 'Transmis oralement.',
      })),
      outcome,
      outcomeOn: swissDay(closedAt),
      insertion:
        outcome === 'inserted'
          ? {
              employer: german ? 'Lonza AG' : 'Entreprise du Valais SA',
              startOn: swissDay(closedAt),
              contractType: i % 2 ? 'permanent' : 'fixed_term',
              ratePercent: 80 + (i % 3) * 10,
            }
          : null,
      version: found((await getTandemFile(ctxFor(writer, closedAt), id)).mandate, 'mandate').version,
    });
    const [mandate] = await db.select().from(mandates).where(eq(mandates.situationId, id));
    if (mandate?.handBackToUserId)
      await handBackFile(ctxFor(writer, at(startDays + length + 1)), id, {
        note: german ? 'Akte mit dem Schlussbericht zurückgegeben.' : 'Dossier rendu avec le bilan final.',
        version: mandate.version,
      });
    // The follow-ups due by now are recorded by whoever holds the file then: most still in work.
    const followUps = await db
      .select()
      .from(insertionFollowUps)
      .where(and(eq(insertionFollowUps.situationId, id)));
    for (const f of followUps.sort((a, b) => a.months - b.months)) {
      const due = new Date(`${f.dueOn}T09:00:00Z`);
      if (due.getTime() > now.getTime() - DAY) continue;
      const [m] = await db.select().from(mandates).where(eq(mandates.situationId, id));
      const holder = found(
        allUsers.find((u) => u.id === m?.holderUserId),
        'file holder',
      );
      await recordFollowUp(ctxFor(holder.username, due), id, f.id, {
        stillInWork: (i + f.months) % 7 !== 0,
        note: '',
        version: f.version,
      });
    }
  }
}
