import { sql } from 'drizzle-orm';
import type { Board } from '../../../contracts/round-tables.ts';
import { bureauRegions } from '../../../domain/access/policy.ts';
import { assessmentStatusOf, assessmentWaitsOn } from '../../../domain/care/assessment.ts';
import { assessmentWait, waitOf } from '../../../domain/care/care-waits.ts';
import { PERSON_PARTY, missingAcceptances } from '../../../domain/care/objectives-contract.ts';
import { zurichLocal } from '../../../domain/calendar/zurich-time.ts';
import { type CareKind, daysBetween } from '../../../domain/care/passage.ts';
import { queryRows } from '../../../db/open-db.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { ensureAllowed } from '../../http/access.ts';
import type { AuthedContext } from '../../http/context.ts';

/** The kinds the Bureau follows here; tandems have their own screen (load, intensity). */
const BOARD_KINDS: CareKind[] = ['assessment', 'round_table', 'network_follow_up'];
const LIMIT = 1000;

interface BoardRow {
  id: string;
  situation_id: string;
  number: string;
  region_id: string;
  kind: CareKind;
  status: string;
  outcome: string | null;
  started_at: string | Date;
  meeting_start: string | Date | null;
  review_on: string | null;
  given_name: string | null;
  family_name: string | null;
  /** An assessment's latest contract version: its status, parties and acceptances, and the parties' names. */
  contract: {
    status: string;
    caseManager: string;
    objectives: string[];
    accepted: string[];
    names: Record<string, { fr: string; de: string }> | null;
  } | null;
}

const asDate = (v: string | Date | null) => (v === null ? null : new Date(v));

/** Whom an open assessment waits on, by the MAMAC lane's rule, from the contract read with the row. */
function assessmentDetail(r: BoardRow, meetingStart: Date | null) {
  const c = r.contract;
  return assessmentWaitsOn({
    status: assessmentStatusOf({ status: r.status, endedAt: null }),
    meetingStart: meetingStart ? zurichLocal(meetingStart).date : null,
    contract: c
      ? {
          status: c.status,
          missingParties: missingAcceptances(
            {
              caseManagerInstitutionId: c.caseManager,
              objectives: c.objectives.map((id) => ({
                text: '',
                measuresPlanned: '',
                responsibleInstitutionId: id,
                deadline: '',
              })),
            },
            c.accepted,
          ),
        }
      : null,
  });
}

/**
 * The Bureau's region view (issue 12): the assessments, round tables and network follow-ups still open in the
 * caller's regions (all of them for the cantonal Bureau), longest waiting first, each with the days since it started
 * and what it waits for and on whom. One query, scoped by the regions in SQL (issue 10). No person is named: the
 * situation's number only.
 */
export async function getCareBoard(ctx: AuthedContext, query: { kind?: CareKind; regionId?: string }): Promise<Board> {
  await ensureAllowed(ctx, 'read', { type: 'care_board' }, { action: 'care_board.read' });
  const regions = bureauRegions(ctx.actor);
  const kinds = query.kind ? BOARD_KINDS.filter((k) => k === query.kind) : BOARD_KINDS;
  const scope =
    regions === 'all'
      ? sql`TRUE`
      : regions?.length
        ? sql`s.region_id IN (${sql.join(
            regions.map((r) => sql`${r}::uuid`),
            sql`, `,
          )})`
        : sql`FALSE`;
  const rows = kinds.length
    ? await queryRows<BoardRow>(
        ctx.db,
        sql`SELECT p.id, p.situation_id, s.number, s.region_id, p.kind, p.status, p.outcome, p.started_at,
            p.meeting_start, p.review_on, u.given_name, u.family_name,
            (SELECT json_build_object('status', oc.status, 'caseManager', oc.case_manager_institution_id,
                'objectives', (SELECT coalesce(json_agg(co.responsible_institution_id), '[]'::json)
                  FROM contract_objectives co WHERE co.contract_id = oc.id),
                'accepted', (SELECT coalesce(json_agg(ca.party), '[]'::json)
                  FROM contract_acceptances ca WHERE ca.contract_id = oc.id),
                'names', (SELECT json_object_agg(i.id, json_build_object('fr', i.name_fr, 'de', i.name_de))
                  FROM institutions i WHERE i.id = oc.case_manager_institution_id OR i.id IN (
                    SELECT co.responsible_institution_id FROM contract_objectives co WHERE co.contract_id = oc.id)))
              FROM objectives_contracts oc
              WHERE p.kind = 'assessment' AND oc.passage_id = p.id
              ORDER BY oc.version_no DESC LIMIT 1) AS contract
          FROM care_passages p
          JOIN situations s ON s.id = p.situation_id
          LEFT JOIN users u ON u.id = COALESCE(p.responsible_user_id, p.started_by_user_id)
          WHERE p.ended_at IS NULL
            AND p.kind IN (${sql.join(
              kinds.map((k) => sql`${k}::care_kind`),
              sql`, `,
            )})
            AND ${scope}
            ${query.regionId ? sql`AND s.region_id = ${query.regionId}::uuid` : sql``}
          ORDER BY p.started_at, p.id
          LIMIT ${LIMIT}`,
      )
    : [];
  const now = ctx.now();
  await recordAudit(ctx.db, ctx, {
    action: 'care_board.read',
    recordType: 'care_board',
    allowed: true,
    details: { kind: query.kind ?? null, regionId: query.regionId ?? null, count: rows.length },
  });
  return {
    // An assessment's wait comes from its latest contract (the MAMAC lane's rule): whose acceptance, the conformity.
    assessmentDetail: true,
    items: rows.map((r) => {
      const startedAt = new Date(r.started_at);
      const meetingStart = asDate(r.meeting_start);
      const detail = r.kind === 'assessment' ? assessmentDetail(r, meetingStart) : null;
      const wait = waitOf(
        { kind: r.kind, status: r.status, outcome: r.outcome, meetingStart, reviewOn: r.review_on, endedAt: null },
        now,
        detail ? assessmentWait(detail) : null,
      );
      return {
        passageId: r.id,
        situationId: r.situation_id,
        situationNumber: r.number,
        regionId: r.region_id,
        kind: r.kind,
        status: r.status,
        outcome: r.outcome,
        startedAt: startedAt.toISOString(),
        daysWaiting: daysBetween(startedAt, now),
        meetingStart: meetingStart?.toISOString() ?? null,
        reviewOn: r.review_on,
        responsibleName: r.given_name ? `${r.given_name} ${r.family_name ?? ''}`.trim() : '',
        waitWhat: wait.what,
        waitWho: wait.who,
        // The parties whose acceptance is missing: institutions by name, the person as such (the screen says it).
        waitingOn:
          detail?.on === 'parties'
            ? detail.missing.map((p) => (p === PERSON_PARTY ? p : (r.contract?.names?.[p]?.[ctx.lang] ?? p)))
            : [],
      };
    }),
  };
}
