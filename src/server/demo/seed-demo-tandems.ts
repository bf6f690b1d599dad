import { eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access/roles.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import type { MeetingKind } from '../../domain/tandem/journal.ts';
import type { Db } from '../../db/open-db.ts';
import { measureKinds, regions, users } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import type { AuthedContext } from '../http/context.ts';
import { proposeMeasure } from '../measures/propose-measure.ts';
import { runMeasure } from '../measures/run-measure.ts';
import { situationVersion } from '../situations/situation-repository.ts';
import { assignTandem } from '../tandem/assign-tandem.ts';
import { closeMandate } from '../tandem/close-mandate.ts';
import { draftMonthlyReport, updateMonthlyReport } from '../tandem/draft-monthly-report.ts';
import { extendMandate } from '../tandem/extend-mandate.ts';
import { finaliseFinalReport } from '../tandem/finalise-final-report.ts';
import { getTandemFile } from '../tandem/get-tandem-file.ts';
import { handBackFile } from '../tandem/hand-back-file.ts';
import { previewClosure } from '../tandem/preview-closure.ts';
import { recordMeeting } from '../tandem/save-meeting.ts';
import { planMeeting } from '../tandem/plan-meeting.ts';
import { saveObjective } from '../tandem/save-objective.ts';
import { saveFinalReport } from '../tandem/save-final-report.ts';
import { createTandem } from '../tandem/save-tandem.ts';
import { sendMonthlyReport } from '../tandem/send-monthly-report.ts';
import { found } from '../../db/seed/found.ts';
import { shiftIso, storyYearsBack } from './story-2022.ts';

/**
 * The tandem part of the demo canton, through the same use cases as the
 * screens: a tandem per region; Virginie Rey (the worked case of seed 000) in
 * her fourth month with a thin month and a report due; Marc Gillioz inserted,
 * with an AIT, closed and handed back, his six-month follow-up due; Petra Schmid coached in
 * German in Brig; Sarah Délez announced by social aid in Monthey; Kevin Moret
 * waiting for a tandem.
 */
const DAY = 86_400_000;

export async function seedDemoTandems(db: Db, config: Config, situations: Map<string, string>, now: Date = new Date()) {
  const allUsers = await db.select().from(users);
  const allRegions = await db.select().from(regions);
  const ctxFor = (username: string, at: Date): AuthedContext => {
    const u = found(
      allUsers.find((x) => x.username === username),
      `user ${username}`,
    );
    const actor: Actor = { userId: u.id, institutionId: u.institutionId, regionId: u.regionId, roles: u.roles };
    return { db, config, now: () => at, ip: '127.0.0.1', lang: u.language, actor };
  };
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const userId = (username: string) =>
    found(
      allUsers.find((u) => u.username === username),
      `user ${username}`,
    ).id;
  const region = (code: string) =>
    found(
      allRegions.find((r) => r.code === code),
      `region ${code}`,
    ).id;
  const versionOf = (id: string) => situationVersion(db, id);
  const file = (who: string, at: Date, id: string) => getTandemFile(ctxFor(who, at), id);

  const tandemOf: Record<string, string> = {};
  for (const [code, orp, cms, coord] of [
    ['SION', 'tandem.orp', 'tandem.cms', 'coord.sion'],
    ['MONTHEY', 'tandem.orp.monthey', 'tandem.cms.monthey', 'coord.monthey'],
    ['BRIG', 'tandem.rav.brig', 'tandem.smz.brig', 'coord.brig'],
  ] as const) {
    // Formed in January 2022 (earlier if the clock is): the demo includes a file from the rules before 2023.
    tandemOf[code] = await createTandem(
      ctxFor(coord, new Date(shiftIso('2022-01-10T08:00:00Z', storyYearsBack(now)))),
      {
        regionId: region(code),
        orpUserId: userId(orp),
        cmsUserId: userId(cms),
        capacity: 6,
      },
    );
  }

  interface Plan {
    name: string;
    region: 'SION' | 'MONTHEY' | 'BRIG';
    coord: string;
    startDaysAgo: number;
    writer: string;
    meetings: [daysAgo: number, kind: MeetingKind, notes: string, nextSteps: string][];
    objectives?: [title: string, status: 'planned' | 'in_progress' | 'achieved'][];
    reports?: [month: string, atDaysAgo: number, text: string][];
  }
  const run = async (p: Plan) => {
    const id = found(situations.get(p.name), `situation ${p.name}`);
    const start = daysAgo(p.startDaysAgo);
    await assignTandem(ctxFor(p.coord, start), id, {
      tandemId: found(tandemOf[p.region], `tandem ${p.region}`),
      startOn: swissDay(start),
      confirmOverCapacity: false,
      extraRecipientIds: [],
      version: await versionOf(id),
    });
    for (const [ago, kind, notes, nextSteps] of p.meetings) {
      await recordMeeting(ctxFor(p.writer, daysAgo(ago)), id, {
        heldOn: swissDay(daysAgo(ago)),
        kind,
        personPresent: kind !== 'employer',
        participants: '',
        notes,
        nextSteps,
      });
    }
    for (const [title, status] of p.objectives ?? []) {
      await saveObjective(ctxFor(p.writer, daysAgo(Math.max(p.startDaysAgo - 10, 1))), id, null, {
        title,
        description: '',
        status,
        startOn: swissDay(daysAgo(Math.max(p.startDaysAgo - 10, 1))),
        targetOn: null,
      });
    }
    for (const [month, ago, text] of p.reports ?? []) {
      const at = daysAgo(ago);
      const reportId = await draftMonthlyReport(ctxFor(p.writer, at), id, month);
      const r = (await file(p.writer, at, id)).monthlyReports.find((x) => x.id === reportId);
      const version = found(r?.version, `monthly report ${month} of ${p.name}`);
      await updateMonthlyReport(ctxFor(p.writer, at), id, reportId, { significantElements: text, version });
      await sendMonthlyReport(ctxFor(p.writer, at), id, reportId, { significantElements: text, version: version + 1 });
    }
    return id;
  };
  const monthAgo = (n: number) => swissDay(daysAgo(n)).slice(0, 7);

  // Virginie Rey, seed 000: fourth month, a thin month, the last report not yet sent; the next meeting planned.
  const rey = await run({
    name: 'Rey',
    region: 'SION',
    coord: 'coord.sion',
    startDaysAgo: 100,
    writer: 'tandem.orp',
    meetings: [
      [
        99,
        'with_person',
        'Premier entretien à trois : objectifs, disponibilités, garde de l’enfant.',
        'Bilan des compétences dans la vente.',
      ],
      [
        85,
        'with_person',
        'Bilan : expérience solide en vente, peur de l’échec après les interruptions.',
        'Chercher un stage à Sion, accessible en bus.',
      ],
      [70, 'network', 'Réseau avec le médecin traitant : capacité de travail 50 % puis 80 %.', 'Stage à 50 %.'],
      [64, 'employer', 'Rencontre avec la gérante d’un commerce à Sion : stage possible.', ''],
      [40, 'with_person', 'Stage interrompu pour raisons de santé ; moral bas.', 'Reprendre contact avec le médecin.'],
      [20, 'with_person', 'Reprise : nouvelle piste dans un magasin de sport.', 'Préparer l’entretien d’embauche.'],
      [
        8,
        'with_person',
        'Entretien d’embauche préparé ; stage dès le mois prochain.',
        'Stage de deux semaines, puis AIT possible.',
      ],
    ],
    objectives: [
      ['Retrouver une capacité de travail de 80 %', 'in_progress'],
      ['Stage dans la vente', 'achieved'],
      ['Emploi fixe dans la vente', 'planned'],
    ],
    reports: [
      [monthAgo(100), 100 - 31, 'Mandat commencé ; objectifs posés avec Mme Rey ; bilan de compétences en cours.'],
    ],
  });

  await planMeeting(ctxFor('tandem.orp', now), rey, {
    plannedOn: swissDay(new Date(now.getTime() + 6 * DAY)),
    startTime: '10:00',
    durationMinutes: 60,
    kind: 'with_person',
    personInvited: true,
    others: 'Gérante du magasin de sport',
    location: 'ORP de Sion',
  });

  // Marc Gillioz: inserted as a warehouseman, closed and handed back; the six-month follow-up is due.
  const gillioz = await run({
    name: 'Gillioz',
    region: 'SION',
    coord: 'coord.sion',
    startDaysAgo: 290,
    writer: 'tandem.orp',
    meetings: [
      [288, 'with_person', 'Premier entretien.', 'CV et lettres.'],
      [275, 'with_person', 'Candidatures dans la logistique.', 'Permis cariste.'],
      [255, 'with_person', 'Cours cariste réussi.', 'Candidatures.'],
      [240, 'employer', 'Entreprise de transport à Conthey : essai d’une semaine.', ''],
      [236, 'with_person', 'Essai positif ; contrat proposé.', 'Signature du contrat.'],
    ],
    objectives: [
      ['Permis cariste', 'achieved'],
      ['Emploi de magasinier', 'achieved'],
    ],
  });
  // The AIT that co-finances his job (seed 000's "mesure emploi"), decided by the tandem within the ORP's competence.
  const aitKind = found((await db.select().from(measureKinds).where(eq(measureKinds.code, 'ait')))[0], 'AIT kind');
  const aitFile = await proposeMeasure(ctxFor('tandem.orp', daysAgo(228)), gillioz, {
    kindId: aitKind.id,
    provider: 'Transports du Valais central SA',
    goals: 'Engagement comme magasinier-cariste.',
    startOn: swissDay(daysAgo(225)),
    endOn: swissDay(daysAgo(45)),
    unitCostCents: 0,
    quantity: 1,
    normalSalaryCents: 4800_00,
    allowancePercent: 40,
    escalate: false,
    escalationReason: '',
  });
  const ait = found(
    aitFile.measures.find((m) => m.kind.code === 'ait'),
    'the AIT',
  );
  const started = await runMeasure(ctxFor('tandem.orp', daysAgo(225)), gillioz, ait.id, {
    action: 'start',
    on: swissDay(daysAgo(225)),
    reason: '',
    version: ait.version,
  });
  const closedAt = daysAgo(220);
  await saveFinalReport(ctxFor('tandem.orp', closedAt), gillioz, {
    workDone: 'Cinq entretiens en deux mois ; cours cariste ; accompagnement aux entretiens d’embauche.',
    obstacles: 'Âge, dettes, peu de formation formelle.',
    strengths: 'Fiabilité, expérience de la logistique, réseau personnel.',
    stepsTaken: 'Permis cariste, essai d’une semaine, contrat signé.',
    stepsToTake: 'Plan de désendettement avec le CMS ; suivi de l’emploi par l’ORP.',
    version: null,
  });
  await finaliseFinalReport(ctxFor('tandem.orp', closedAt), gillioz, {
    language: 'fr',
    version: found((await file('tandem.orp', closedAt, gillioz)).finalReport, 'final report').version,
  });
  const open = await previewClosure(ctxFor('tandem.orp', closedAt), gillioz, swissDay(closedAt));
  await closeMandate(ctxFor('tandem.orp', closedAt), gillioz, {
    withdrawMeasureIds: [],
    withdrawReason: '',
    skipReports: open.unsentReports.map((r) => ({ month: r.month, reason: 'Transmis oralement au réseau ORP.' })),
    outcome: 'inserted',
    outcomeOn: swissDay(closedAt),
    insertion: {
      employer: 'Transports du Valais central SA',
      startOn: swissDay(daysAgo(225)),
      contractType: 'permanent',
      ratePercent: 100,
    },
    version: found((await file('tandem.orp', closedAt, gillioz)).mandate, 'mandate').version,
  });
  await handBackFile(ctxFor('tandem.orp', daysAgo(219)), gillioz, {
    note: 'Emploi fixe depuis un mois ; dossier rendu avec le bilan final.',
    version: found((await file('tandem.orp', daysAgo(219), gillioz)).mandate, 'mandate').version,
  });
  // The allowance ran its six months after the closure: the ORP counsellor who holds the file again records its end.
  const running = found(
    started.measures.find((m) => m.id === ait.id),
    'the running AIT',
  );
  await runMeasure(ctxFor('orp.sion', daysAgo(44)), gillioz, ait.id, {
    action: 'complete',
    on: swissDay(daysAgo(45)),
    reason: '',
    version: running.version,
  });

  // Petra Schmid, Brig, in German; extended once.
  const schmid = await run({
    name: 'Schmid',
    region: 'BRIG',
    coord: 'coord.brig',
    startDaysAgo: 70,
    writer: 'tandem.smz.brig',
    meetings: [
      [69, 'with_person', 'Erstgespräch zu dritt: Ziele, Kinderbetreuung.', 'Kita-Platz suchen.'],
      [55, 'with_person', 'Kita-Platz ab nächstem Monat gefunden.', 'Bewerbungen im Detailhandel.'],
      [41, 'phone', 'Telefon: zwei Bewerbungsgespräche vereinbart.', ''],
      [35, 'with_person', 'Bewerbungsgespräche vorbereitet.', 'Schnuppertage.'],
      [12, 'network', 'Netzwerksitzung mit Sucht Wallis abgesagt; Gespräch mit der Person.', 'Praktikum in Visp.'],
    ],
    objectives: [
      ['Kinderbetreuung organisieren', 'achieved'],
      ['Praktikum im Detailhandel', 'in_progress'],
    ],
    reports: [[monthAgo(70), 70 - 31, 'Kinderbetreuung gelöst; Bewerbungen laufen.']],
  });
  const schmidStart = daysAgo(70);
  await extendMandate(ctxFor('tandem.rav.brig', daysAgo(5)), schmid, {
    endOn: swissDay(new Date(schmidStart.getTime() + 240 * DAY)),
    justification: 'Praktikum beginnt erst im nächsten Monat; Begleitung bis zur Anstellung nötig.',
    version: found((await file('tandem.rav.brig', daysAgo(5), schmid)).mandate, 'mandate').version,
  });

  // Sarah Délez, Monthey: announced by social aid; the announcing social worker keeps budget, commune and SAS.
  await run({
    name: 'Délez',
    region: 'MONTHEY',
    coord: 'coord.monthey',
    startDaysAgo: 40,
    writer: 'tandem.cms.monthey',
    meetings: [
      [
        38,
        'with_person',
        'Premier entretien ; documents pour la mesure préparés pour l’assistant social.',
        'Demande de stage à transmettre à la commune via M. Berrut.',
      ],
      [24, 'with_person', 'Visite d’un atelier de couture.', 'Stage d’observation.'],
    ],
    objectives: [['Stage d’observation en atelier', 'in_progress']],
  });
}
