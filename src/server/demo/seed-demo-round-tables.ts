import { and, eq } from 'drizzle-orm';
import { type DraftBody, emptyDraft } from '../../contracts/situations.ts';
import type { Actor } from '../../domain/access/roles.ts';
import { zurichInstant, zurichLocal } from '../../domain/calendar/zurich-time.ts';
import { swissDay } from '../../domain/consent/consent.ts';
import { TANDEM_CRITERIA } from '../../domain/situation/tandem-eligibility.ts';
import type { Db } from '../../db/open-db.ts';
import { regions, situations, users } from '../../db/schema.ts';
import { found } from '../../db/seed/found.ts';
import type { Config } from '../config.ts';
import type { AuthedContext } from '../http/context.ts';
import { saveNetwork } from '../care/network/save-network.ts';
import { recordNetworkReview } from '../care/network/record-network-review.ts';
import { concludeRoundTable } from '../care/round-tables/conclude-round-table.ts';
import { getRoundTable } from '../care/round-tables/get-round-table.ts';
import { holdRoundTable } from '../care/round-tables/hold-round-table.ts';
import { scheduleRoundTable } from '../care/round-tables/schedule-round-table.ts';
import { setRoundTableParticipants } from '../care/round-tables/set-round-table-participants.ts';
import { getNetworkFollowUp } from '../care/network/get-network-follow-up.ts';
import { announceSituation } from '../situations/announce-situation.ts';
import { decideSituation } from '../situations/decide-situation.ts';
import { saveDraft } from '../situations/save-draft.ts';
import { situationVersion } from '../situations/situation-repository.ts';
import { takeUpSituation } from '../situations/take-up-situation.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Round tables and network follow-ups of the demo canton (issue 12, seed 004 §6), through the same use cases as the
 * screens and dated back from `now`, so that the demo is right at any clock date: one at every state — in
 * preparation in Sion and in German (Oberwallis), scheduled on the anonymous situation of Monthey, held and pending,
 * concluded with "found work", concluded towards a tandem — and a network follow-up whose review is due. Every round
 * table here is held without a consent, on the anonymous situation.
 */
export async function seedDemoRoundTables(db: Db, config: Config, now: Date = new Date()) {
  const allUsers = await db.select().from(users);
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
  const regionId = (code: string) =>
    found(
      allRegions.find((r) => r.code === code),
      `region ${code}`,
    ).id;
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY + hours * HOUR);
  const local = (at: Date) => zurichLocal(at);
  // A meeting `days` ago at 14:00 in Valais, and its minutes written two hours later.
  const meeting = (days: number) => zurichInstant(swissDay(ago(days)), '14:00');
  const afterMeeting = (days: number) => new Date(meeting(days).getTime() + 2 * HOUR);
  const rt = async (coord: string, at: Date, id: string) => {
    const { roundTable } = await getRoundTable(ctxFor(coord, at), id);
    return found(roundTable, `round table of ${id}`);
  };

  /** An anonymous announcement taken up and oriented to a round table `days` ago. */
  const anonymousToRoundTable = async (o: {
    announcer: string;
    coordinator: string;
    region: string;
    days: number;
    ageBand: DraftBody['ageBand'];
    draft: Partial<DraftBody>;
    reason: string;
  }) => {
    const start = ago(o.days);
    const announcer = ctxFor(o.announcer, start);
    const id = await saveDraft(announcer, null, {
      ...emptyDraft({ regionId: regionId(o.region), personId: null, institutionId: announcer.actor.institutionId }),
      ageBand: o.ageBand,
      ...o.draft,
    });
    await announceSituation(ctxFor(o.announcer, new Date(start.getTime() + HOUR)), id, await situationVersion(db, id));
    await takeUpSituation(ctxFor(o.coordinator, ago(o.days - 1)), id, await situationVersion(db, id));
    await decideSituation(ctxFor(o.coordinator, ago(o.days - 1, 2)), id, {
      decision: 'orient',
      careKind: 'round_table',
      reason: o.reason,
      version: await situationVersion(db, id),
      eligibility: [],
    });
    return id;
  };

  /** Participants chosen and the meeting set at `setAt`, for `meetingAt`. */
  const prepare = async (coord: string, id: string, participants: string[], setAt: Date, meetingAt: Date | null) => {
    let current = await rt(coord, setAt, id);
    await setRoundTableParticipants(ctxFor(coord, setAt), id, {
      userIds: participants.map((p) => user(p).id),
      version: current.version,
    });
    if (!meetingAt) return;
    current = await rt(coord, setAt, id);
    const when = local(meetingAt);
    await scheduleRoundTable(ctxFor(coord, new Date(setAt.getTime() + HOUR)), id, {
      meetingOn: when.date,
      meetingTime: when.time,
      durationMinutes: 90,
      place: coord === 'coord.brig' ? 'Brig, IIZ-Büro, Sitzungszimmer 1' : 'Bureau CII, salle de conférence',
      version: current.version,
    });
  };
  const hold = async (coord: string, id: string, at: Date, minutes: string) => {
    const current = await rt(coord, at, id);
    await holdRoundTable(ctxFor(coord, at), id, { minutes, version: current.version });
  };
  const sionDraft = (text: string): Partial<DraftBody> => ({
    riskFactors: ['health', 'debts', 'employability'],
    targetGroups: ['laci_end_of_rights'],
    laciBasicProgramme: true,
    laciEmployabilityCheck: true,
    description: text,
    helpExpected: 'Pré-évaluation en table ronde, sans procuration pour l’instant.',
  });

  // Scheduled, anonymous: the situation of Monthey already oriented to a round table (seed-demo-situations).
  const [monthey] = await db
    .select({ id: situations.id })
    .from(situations)
    .where(and(eq(situations.regionId, regionId('MONTHEY')), eq(situations.status, 'round_table')));
  if (monthey) {
    await prepare(
      'coord.monthey',
      monthey.id,
      ['oai.repondant', 'orp.monthey', 'cms.monthey'],
      ago(3),
      // In six days at 14:00 local time.
      zurichInstant(swissDay(new Date(now.getTime() + 6 * DAY)), '14:00'),
    );
  }

  // In preparation, in German (Oberwallis): the professionals chosen, the date still to set.
  const brig = await anonymousToRoundTable({
    announcer: 'rav.brig',
    coordinator: 'coord.brig',
    region: 'BRIG',
    days: 6,
    ageBand: '25_34',
    draft: {
      riskFactors: ['addiction', 'employability', 'qualifications'],
      targetGroups: ['laci_end_of_rights'],
      laciBasicProgramme: true,
      description: 'Ausgesteuert in drei Monaten, Alkoholproblem, keine abgeschlossene Ausbildung.',
      helpExpected: 'Anonyme Vorabklärung am runden Tisch mit Sucht Wallis und dem SMZ.',
    },
    reason: 'Vorabklärung am runden Tisch mit Sucht Wallis.',
  });
  await prepare('coord.brig', brig, ['rav.brig', 'sucht.wallis', 'tandem.smz.brig'], ago(2), null);

  // In preparation in Sion (3 in 2012): just oriented, participants and date to set.
  await anonymousToRoundTable({
    announcer: 'orp.sion',
    coordinator: 'coord.sion',
    region: 'SION',
    days: 4,
    ageBand: '35_44',
    draft: sionDraft('Fin de droit dans deux mois, problèmes de dos, dettes de leasing.'),
    reason: 'Plusieurs dispositifs concernés : à discuter en table ronde, de façon anonyme.',
  });

  // Held, pending (4 of 12 in 2012): waiting for the AI's decision.
  const pending = await anonymousToRoundTable({
    announcer: 'orp.sion',
    coordinator: 'coord.sion',
    region: 'SION',
    days: 40,
    ageBand: '45_54',
    draft: sionDraft('Fin de droit proche, hernie discale, dettes ; demande AI déposée.'),
    reason: 'Plusieurs dispositifs concernés : pré-évaluation en table ronde.',
  });
  await prepare('coord.sion', pending, ['orp.repondant', 'oai.repondant', 'cms.sion'], ago(35), meeting(25));
  await hold(
    'coord.sion',
    pending,
    afterMeeting(25),
    'Situation discutée de façon anonyme. L’OAI attend le rapport médical ; l’ORP maintient le suivi ordinaire. ' +
      'À revoir dès la décision AI.',
  );
  await concludeRoundTable(ctxFor('coord.sion', ago(24)), pending, {
    outcome: 'pending',
    reason: 'En attente de la décision de l’AI.',
    institutionId: null,
    eligibility: [],
    version: (await rt('coord.sion', ago(24), pending)).version,
  });

  // Concluded: found work (3 of 12 in 2012) — the situation closed.
  const work = await anonymousToRoundTable({
    announcer: 'orp.sion',
    coordinator: 'coord.sion',
    region: 'SION',
    days: 60,
    ageBand: '25_34',
    draft: sionDraft('Jeune adulte sans formation, dettes, fin de droit dans un mois.'),
    reason: 'Table ronde pour clarifier la situation.',
  });
  await prepare('coord.sion', work, ['orp.repondant', 'osp.repondant', 'cms.sion'], ago(55), meeting(48));
  await hold(
    'coord.sion',
    work,
    afterMeeting(48),
    'Entretien interinstitutionnel : l’OSP propose un bilan ; la personne a entre-temps une promesse d’embauche.',
  );
  await concludeRoundTable(ctxFor('coord.sion', ago(30)), work, {
    outcome: 'found_work',
    reason: 'Engagée en CDI comme aide-cuisinière.',
    institutionId: null,
    eligibility: [],
    version: (await rt('coord.sion', ago(30), work)).version,
  });

  // Concluded towards a tandem: the round table recommends an intensive coaching (004 §6).
  const tandem = await anonymousToRoundTable({
    announcer: 'cms.sion',
    coordinator: 'coord.sion',
    region: 'SION',
    days: 30,
    ageBand: '35_44',
    draft: {
      riskFactors: ['family', 'financial_resources', 'employability'],
      targetGroups: ['social_aid_work_capacity'],
      liasEmployabilityChecked: true,
      liasIntegrationIndicated: true,
      description: 'Bénéficiaire de l’aide sociale, employabilité avérée, situation familiale difficile.',
      helpExpected: 'Choisir la bonne prise en charge.',
    },
    reason: 'Pré-évaluation entre l’ORP et le CMS.',
  });
  await prepare('coord.sion', tandem, ['orp.repondant', 'cms.sion'], ago(25), meeting(18));
  await hold(
    'coord.sion',
    tandem,
    afterMeeting(18),
    'Cumul de facteurs de risque, potentiel d’insertion réaliste : un coaching intensif en tandem est indiqué.',
  );
  await concludeRoundTable(ctxFor('coord.sion', ago(17)), tandem, {
    outcome: 'oriented_tandem',
    reason: 'La table ronde recommande un coaching tandem ORP–CMS.',
    institutionId: null,
    eligibility: TANDEM_CRITERIA.map((criterion) => ({
      criterion,
      answer: criterion === 'laci_prior_measure' ? ('not_applicable' as const) : ('met' as const),
      justification: criterion === 'laci_prior_measure' ? 'Autre régime.' : 'Discuté en table ronde.',
    })),
    version: (await rt('coord.sion', ago(17), tandem)).version,
  });

  // A network follow-up (4 of 12 in 2012): several institutions around the person, its review due.
  const network = await anonymousToRoundTable({
    announcer: 'cms.monthey',
    coordinator: 'coord.monthey',
    region: 'MONTHEY',
    days: 90,
    ageBand: '55_plus',
    draft: {
      riskFactors: ['health', 'psychological'],
      targetGroups: ['social_aid_work_capacity'],
      liasEmployabilityChecked: true,
      description: 'Suivi par le CMS et l’ORP, santé fragile, pas de situation complexe.',
      helpExpected: 'Coordination entre les institutions.',
    },
    reason: 'Clarifier qui suit la personne.',
  });
  await prepare('coord.monthey', network, ['orp.monthey', 'cms.monthey'], ago(85), meeting(80));
  await hold(
    'coord.monthey',
    network,
    afterMeeting(80),
    'Plusieurs institutions gravitent autour de la personne ; la situation n’est pas complexe : suivi en réseau.',
  );
  await concludeRoundTable(ctxFor('coord.monthey', ago(79)), network, {
    outcome: 'network_follow_up',
    reason: 'Suivi en réseau ORP–CMS, référence au CMS.',
    institutionId: null,
    eligibility: [],
    version: (await rt('coord.monthey', ago(79), network)).version,
  });
  const cmsMonthey = user('cms.monthey');
  const orpMonthey = user('orp.monthey');
  let nf = found((await getNetworkFollowUp(ctxFor('coord.monthey', ago(78)), network)).networkFollowUp, 'network');
  await saveNetwork(ctxFor('coord.monthey', ago(78)), network, {
    institutionIds: [orpMonthey.institutionId, cmsMonthey.institutionId],
    referenceInstitutionId: cmsMonthey.institutionId,
    referenceUserId: cmsMonthey.id,
    reviewOn: swissDay(ago(40)),
    version: nf.version,
  });
  nf = found((await getNetworkFollowUp(ctxFor('cms.monthey', ago(40)), network)).networkFollowUp, 'network');
  await recordNetworkReview(ctxFor('cms.monthey', ago(40)), network, {
    heldOn: swissDay(ago(40)),
    note: 'Échange avec l’ORP : recherches d’emploi régulières, santé stable.',
    nextReviewOn: swissDay(ago(5)),
    version: nf.version,
  });
}
