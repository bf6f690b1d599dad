import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access/roles.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import type { Db } from '../../db/open-db.ts';
import { measureKinds, measures, regions, tandems, users } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import type { AuthedContext } from '../http/context.ts';
import { decideMeasure } from '../measures/decide-measure.ts';
import { proposeMeasure } from '../measures/propose-measure.ts';
import { runMeasure } from '../measures/run-measure.ts';
import { situationVersion } from '../situations/situation-repository.ts';
import { assignTandem } from '../tandem/assign-tandem.ts';
import { closeMandate } from '../tandem/close-mandate.ts';
import { previewClosure } from '../tandem/preview-closure.ts';
import { finaliseFinalReport } from '../tandem/finalise-final-report.ts';
import { getTandemFile } from '../tandem/get-tandem-file.ts';
import { recordMeeting } from '../tandem/save-meeting.ts';
import { saveFinalReport } from '../tandem/save-final-report.ts';
import { found } from '../../db/seed/found.ts';
import { shiftIso, storyYearsBack } from './story-2022.ts';

/**
 * The measures of the demo canton, through the same use cases as the screens,
 * so that each decider signing in finds work waiting:
 * - Virginie Rey (seed 000): an internship and a LIAS course, both interrupted
 *   for health; a new internship in her field waiting for the commune of Sion
 *   after the SAS's favourable opinion (before 2023: for the commune alone);
 * - Petra Schmid (Brig, German): a LIAS internship waiting for the SAS; a
 *   language course waiting for the commune of Brig-Glis; an art. 59d course
 *   waiting for the LMMT;
 * - Sarah Délez: an AIT beyond 60 % sent to the Commission droit;
 * - Mélanie Crettaz: a 2022 file under the earlier rules — MIP and a LIAS
 *   course approved by the commune alone — closed in 2023; it fills Sion's
 *   quarterly statements for Q4 2022 and Q1 2023.
 */
const DAY = 86_400_000;

export async function seedDemoMeasures(
  db: Db,
  config: Config,
  situations: Map<string, string>,
  now: Date = new Date(),
) {
  const allUsers = await db.select().from(users);
  const kinds = await db.select().from(measureKinds);
  const ctxFor = (username: string, at: Date): AuthedContext => {
    const u = found(
      allUsers.find((x) => x.username === username),
      `user ${username}`,
    );
    const actor: Actor = { userId: u.id, institutionId: u.institutionId, regionId: u.regionId, roles: u.roles };
    return { db, config, now: () => at, ip: '127.0.0.1', lang: u.language, actor };
  };
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const day = (d: Date) => swissDay(d);
  const kindId = (code: string) =>
    found(
      kinds.find((k) => k.code === code),
      `measure kind ${code}`,
    ).id;
  const idsOf = async (situationId: string) =>
    new Set(
      (await db.select({ id: measures.id }).from(measures).where(eq(measures.situationId, situationId))).map(
        (m) => m.id,
      ),
    );
  const version = async (measureId: string) =>
    found((await db.select({ v: measures.version }).from(measures).where(eq(measures.id, measureId)))[0], 'measure').v;

  type Proposal = Parameters<typeof proposeMeasure>[2];
  const propose = async (
    who: string,
    at: Date,
    situationId: string,
    body: Partial<Proposal> & Pick<Proposal, 'startOn' | 'endOn'> & { kind: string },
  ) => {
    const { kind, ...rest } = body;
    const before = await idsOf(situationId);
    const file = await proposeMeasure(ctxFor(who, at), situationId, {
      kindId: kindId(kind),
      provider: '',
      goals: '',
      unitCostCents: 0,
      quantity: 1,
      normalSalaryCents: null,
      allowancePercent: null,
      escalate: false,
      escalationReason: '',
      ...rest,
    });
    // The measure this proposal added (the file lists them by start date).
    return found(
      file.measures.find((m) => !before.has(m.id)),
      'the proposed measure',
    );
  };
  const decide = async (who: string, at: Date, measureId: string, decision: 'approve' | 'refuse', reason = '') =>
    decideMeasure(ctxFor(who, at), measureId, { decision, reason, version: await version(measureId) });
  // The SAS gives its prior opinion only on a measure proposed under the rules from 2023 (seed 003): before, a LIAS
  // measure goes to the commune alone (seed 002), and the demo seeded with an earlier clock follows that route.
  const preavis = async (at: Date, measureId: string, reason: string) => {
    const [m] = await db
      .select({ status: measures.status, route: measures.route, stepIndex: measures.stepIndex })
      .from(measures)
      .where(eq(measures.id, measureId));
    if (m?.status === 'proposed' && m.route[m.stepIndex] === 'sas')
      await decide('sas.preavis', at, measureId, 'approve', reason);
  };
  const act = async (
    who: string,
    at: Date,
    situationId: string,
    measureId: string,
    action: 'start' | 'interrupt' | 'complete',
    on: Date,
    reason = '',
  ) =>
    runMeasure(ctxFor(who, at), situationId, measureId, {
      action,
      on: day(on),
      reason,
      version: await version(measureId),
    });

  // Virginie Rey, seed 000: measures interrupted for health, then an internship in her field.
  const rey = found(situations.get('Rey'), 'situation Rey');
  const firstInternship = await propose('tandem.orp', daysAgo(72), rey, {
    kind: 'internship_laci',
    provider: 'Centre commercial Métropole, Sion',
    goals: 'Vérifier l’aptitude au travail ; première expérience après l’apprentissage.',
    startOn: day(daysAgo(68)),
    endOn: day(daysAgo(-22)),
    unitCostCents: 0,
    quantity: 3,
  });
  await act('tandem.orp', daysAgo(68), rey, firstInternship.id, 'start', daysAgo(68));
  await act(
    'tandem.orp',
    daysAgo(63),
    rey,
    firstInternship.id,
    'interrupt',
    daysAgo(64),
    'Ennuis de santé après quelques jours.',
  );
  const course = await propose('tandem.cms', daysAgo(50), rey, {
    kind: 'course_lias',
    provider: 'Centre de formation continue, Sion',
    goals: 'Remise à niveau en bureautique et caisse.',
    startOn: day(daysAgo(36)),
    endOn: day(daysAgo(-20)),
    unitCostCents: 1450_00,
  });
  await preavis(daysAgo(45), course.id, 'Préavis favorable.');
  await decide('commune.sion', daysAgo(40), course.id, 'approve');
  await act('tandem.cms', daysAgo(36), rey, course.id, 'start', daysAgo(36));
  await act(
    'tandem.cms',
    daysAgo(29),
    rey,
    course.id,
    'interrupt',
    daysAgo(30),
    'Absences répétées ; santé invoquée sans certificat médical.',
  );
  const inHerField = await propose('tandem.cms', daysAgo(6), rey, {
    kind: 'internship_lias',
    provider: 'Sport Évasion SA, Sion',
    goals: 'Stage dans la vente d’articles de sport, son domaine ; engagement possible avec une AIT.',
    startOn: day(daysAgo(-8)),
    endOn: day(daysAgo(-38)),
    unitCostCents: 400_00,
    quantity: 1,
  });
  await preavis(daysAgo(3), inHerField.id, 'Préavis favorable : stage dans son domaine.');

  // Petra Schmid, Brig: a LIAS internship at the commune after the SAS; an art. 59d course at the LMMT.
  const schmid = found(situations.get('Schmid'), 'situation Schmid');
  await propose('tandem.smz.brig', daysAgo(4), schmid, {
    kind: 'internship_lias',
    provider: 'Coop Visp',
    goals: 'Praktikum im Detailhandel, 50 %, mit Kinderbetreuung vereinbar.',
    startOn: day(daysAgo(-14)),
    endOn: day(daysAgo(-104)),
    unitCostCents: 350_00,
    quantity: 3,
  });
  const sprachkurs = await propose('tandem.smz.brig', daysAgo(9), schmid, {
    kind: 'language_course_lias',
    provider: 'Klubschule Migros, Brig',
    goals: 'Französischkurs A2 für Stellen im Detailhandel in Siders.',
    startOn: day(daysAgo(-5)),
    endOn: day(daysAgo(-65)),
    unitCostCents: 690_00,
  });
  await preavis(daysAgo(7), sprachkurs.id, 'Préavis favorable.');
  await propose('tandem.rav.brig', daysAgo(3), schmid, {
    kind: 'art59d',
    provider: 'Bildungszentrum Oberwallis',
    goals: 'Kurs Detailhandel (Kasse, Warenbewirtschaftung).',
    startOn: day(daysAgo(-20)),
    endOn: day(daysAgo(-50)),
    unitCostCents: 2200_00,
  });

  // Sarah Délez: an AIT beyond the 60 % the law allows, sent to the Commission droit.
  await propose('tandem.orp.monthey', daysAgo(3), found(situations.get('Délez'), 'situation Délez'), {
    kind: 'ait',
    provider: 'Atelier Couture Chablais, Monthey',
    goals: 'Engagement comme couturière après le stage d’observation.',
    startOn: day(daysAgo(-10)),
    endOn: day(daysAgo(-170)),
    normalSalaryCents: 3900_00,
    allowancePercent: 70,
    escalate: true,
    escalationReason:
      'Petit atelier, employeuse prête à engager durablement ; 70 % la première moitié pour compenser la formation.',
  });

  await seedCrettaz2022(db, now, found(situations.get('Crettaz'), 'situation Crettaz'), ctxFor, propose, decide, act);
}

/** Mélanie Crettaz, 2022–2023: the earlier rules at work (MIP, LIAS measures approved by the commune alone). */
async function seedCrettaz2022(
  db: Db,
  now: Date,
  id: string,
  ctxFor: (username: string, at: Date) => AuthedContext,
  propose: (
    who: string,
    at: Date,
    situationId: string,
    body: { kind: string; startOn: string; endOn: string } & Record<string, unknown>,
  ) => Promise<{ id: string }>,
  decide: (
    who: string,
    at: Date,
    measureId: string,
    decision: 'approve' | 'refuse',
    reason?: string,
  ) => Promise<unknown>,
  act: (
    who: string,
    at: Date,
    situationId: string,
    measureId: string,
    action: 'start' | 'interrupt' | 'complete',
    on: Date,
    reason?: string,
  ) => Promise<unknown>,
) {
  const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
  // Told whole years earlier when the clock is before its end (story-2022.ts).
  const back = storyYearsBack(now);
  const y = (iso: string) => shiftIso(iso, back);
  const sion = found((await db.select().from(regions).where(eq(regions.code, 'SION')))[0], 'region SION');
  const [tandem] = await db
    .select()
    .from(tandems)
    .where(and(eq(tandems.regionId, sion.id), eq(tandems.active, true)));
  const version = async () => situationVersion(db, id);
  await assignTandem(ctxFor('coord.sion', at(y('2022-09-28'))), id, {
    tandemId: found(tandem, 'the Sion tandem').id,
    startOn: y('2022-10-03'),
    confirmOverCapacity: false,
    extraRecipientIds: [],
    version: await version(),
  });
  for (const [d, notes] of [
    [y('2022-10-03'), 'Premier entretien à trois ; MIP établi.'],
    [y('2022-10-19'), 'Bilan : envie de travailler dans la restauration.'],
    [y('2022-11-08'), 'Cours de français professionnel trouvé.'],
    [y('2022-11-24'), 'Cours suivi avec assiduité.'],
    [y('2023-01-12'), 'Candidatures dans la restauration collective.'],
    [y('2023-02-06'), 'Engagement à 60 % dans une cafétéria d’hôpital.'],
  ] as const) {
    await recordMeeting(ctxFor('tandem.cms', at(d)), id, {
      heldOn: d,
      kind: 'with_person',
      personPresent: true,
      participants: '',
      notes,
      nextSteps: '',
    });
  }
  const mip = await propose('tandem.cms', at(y('2022-10-03')), id, {
    kind: 'mip',
    startOn: y('2022-10-03'),
    endOn: y('2022-10-03'),
  });
  await decide('commune.sion', at(y('2022-10-06')), mip.id, 'approve');
  await act('tandem.cms', at(y('2022-10-06')), id, mip.id, 'start', at(y('2022-10-03')));
  const course = await propose('tandem.cms', at(y('2022-11-08')), id, {
    kind: 'language_course_lias',
    provider: 'École-club, Sion',
    goals: 'Français professionnel pour la restauration.',
    startOn: y('2022-11-14'),
    endOn: y('2023-01-27'),
    unitCostCents: 980_00,
  });
  await decide('commune.sion', at(y('2022-11-10')), course.id, 'approve');
  await act('tandem.cms', at(y('2022-11-14')), id, course.id, 'start', at(y('2022-11-14')));
  await act('tandem.cms', at(y('2023-01-27')), id, course.id, 'complete', at(y('2023-01-27')));
  await act('tandem.cms', at(y('2023-03-31')), id, mip.id, 'complete', at(y('2023-03-31')));
  const closing = at(y('2023-03-31'));
  await saveFinalReport(ctxFor('tandem.cms', closing), id, {
    workDone: 'Six entretiens ; MIP de six mois ; cours de français professionnel.',
    obstacles: 'Garde de l’enfant, confiance en soi.',
    strengths: 'Assiduité, contact avec la clientèle.',
    stepsTaken: 'Cours terminé, candidatures, engagement à 60 %.',
    stepsToTake: 'Suivi par l’assistante sociale ; augmenter le taux si la garde le permet.',
    version: null,
  });
  const file = () => getTandemFile(ctxFor('tandem.cms', closing), id);
  await finaliseFinalReport(ctxFor('tandem.cms', closing), id, {
    language: 'fr',
    version: found((await file()).finalReport, 'final report').version,
  });
  const open = await previewClosure(ctxFor('tandem.cms', closing), id, '2023-03-31');
  await closeMandate(ctxFor('tandem.cms', closing), id, {
    withdrawMeasureIds: [],
    withdrawReason: '',
    skipReports: open.unsentReports.map((r) => ({ month: r.month, reason: 'Point fait à chaque réseau mensuel.' })),
    outcome: 'inserted',
    outcomeOn: y('2023-03-31'),
    insertion: {
      employer: 'Hôpital du Valais – cafétéria',
      startOn: y('2023-03-01'),
      contractType: 'permanent',
      ratePercent: 60,
    },
    version: found((await file()).mandate, 'mandate').version,
  });
}
