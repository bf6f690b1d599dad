import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  type AssessmentStatus,
  assessmentStatusOf,
  assessmentWaitsOn,
  waitingDays,
} from '../../../domain/care/assessment.ts';
import { missingAcceptances } from '../../../domain/care/objectives-contract.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import { zurichLocal } from '../../../domain/calendar/zurich-time.ts';
import { carePassages, institutions, objectivesContracts, regions, situations, users } from '../../../db/schema.ts';
import { recordAuditMany } from '../../audit/audit-log.ts';
import type { AuthedContext } from '../../http/context.ts';
import { situationAccessSql } from '../../situations/situation-access-sql.ts';
import { accessClock } from '../../situations/situation-repository.ts';
import { fullName } from '../../situations/present-situation.ts';
import { contractsOf, contentOf } from './assessment-repository.ts';

/**
 * The open MAMAC assessments the caller may read (the Bureau: its regions'), by state, with the days waited since the
 * orientation and whom each waits on (issue 12: "the Bureau's region view … with what waits on whom"; 004 §6: "quatre
 * sont en attente d'organisation"). The situation's number only: no name in a list. Each row read is audited.
 */
export async function listAssessments(ctx: AuthedContext) {
  const clock = accessClock(ctx);
  const rows = await ctx.db
    .select({
      passage: carePassages,
      number: situations.number,
      personId: situations.personId,
      regionCode: regions.code,
      givenName: users.givenName,
      familyName: users.familyName,
    })
    .from(carePassages)
    .innerJoin(situations, eq(situations.id, carePassages.situationId))
    .innerJoin(regions, eq(regions.id, situations.regionId))
    .leftJoin(users, eq(users.id, carePassages.responsibleUserId))
    .where(
      and(
        eq(carePassages.kind, 'assessment'),
        isNull(carePassages.endedAt),
        situationAccessSql('read', ctx.actor, clock),
      ),
    )
    .orderBy(asc(carePassages.startedAt))
    .limit(500);
  const passageIds = rows.map((r) => r.passage.id);
  const latest = passageIds.length
    ? await ctx.db
        .select({ passageId: objectivesContracts.passageId, versionNo: objectivesContracts.versionNo })
        .from(objectivesContracts)
        .where(inArray(objectivesContracts.passageId, passageIds))
        .orderBy(desc(objectivesContracts.versionNo))
    : [];
  const withContract = new Set(latest.map((l) => l.passageId));
  const contracts = new Map<string, Awaited<ReturnType<typeof contractsOf>>[number]>();
  for (const id of withContract) {
    const [newest] = await contractsOf(ctx.db, id);
    if (newest) contracts.set(id, newest);
  }
  const instIds = [...contracts.values()].flatMap((c) =>
    missingAcceptances(
      contentOf(c),
      c.acceptances.map((a) => a.party),
    ),
  );
  const names = instIds.length
    ? await ctx.db
        .select({ id: institutions.id, fr: institutions.nameFr, de: institutions.nameDe })
        .from(institutions)
        .where(
          inArray(
            institutions.id,
            instIds.filter((i) => i !== 'person'),
          ),
        )
    : [];
  const nameOf = (id: string) => {
    const n = names.find((x) => x.id === id);
    return n ? n[ctx.lang] : id;
  };
  const now = ctx.now();
  const items = rows.map((r) => {
    const status: AssessmentStatus = assessmentStatusOf(r.passage);
    const contract = contracts.get(r.passage.id) ?? null;
    const meeting = r.passage.meetingStart && status !== 'to_organise' ? zurichLocal(r.passage.meetingStart) : null;
    const waits = assessmentWaitsOn({
      status,
      meetingStart: meeting ? meeting.date : null,
      contract: contract
        ? {
            status: contract.row.status,
            missingParties: missingAcceptances(
              contentOf(contract),
              contract.acceptances.map((a) => a.party),
            ),
          }
        : null,
    });
    return {
      situationId: r.passage.situationId,
      number: r.number,
      region: r.regionCode,
      status,
      waitingDays: waitingDays(r.passage.startedAt, now, swissDay),
      responsible: r.familyName ? fullName({ givenName: r.givenName ?? '', familyName: r.familyName }) : null,
      meeting: meeting ? { startOn: meeting.date, startTime: meeting.time } : null,
      waitsOn: waits.on,
      missingParties: waits.on === 'parties' ? waits.missing.map((p) => (p === 'person' ? 'person' : nameOf(p))) : [],
    };
  });
  await recordAuditMany(
    ctx.db,
    ctx,
    rows.map((r) => ({
      action: 'assessment.list' as const,
      recordType: 'situation',
      recordId: r.passage.situationId,
      subjectPersonId: r.personId ?? undefined,
      allowed: true,
    })),
  );
  return { items };
}
