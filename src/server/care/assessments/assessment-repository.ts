import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AssessmentFacts } from '../../../domain/care/assessment-access.ts';
import {
  type ConformityResult,
  type ContractContent,
  type ContractStatus,
  contractStatus,
} from '../../../domain/care/objectives-contract.ts';
import { conflict } from '../../../domain/errors.ts';
import type { Queryable, Tx } from '../../../db/open-db.ts';
import {
  assessmentNotes,
  assessments,
  contractAcceptances,
  contractObjectives,
  objectivesContracts,
} from '../../../db/schema.ts';
import type { ParticipantView } from '../participants.ts';

export type ContractRow = typeof objectivesContracts.$inferSelect;
export type ObjectiveRow = typeof contractObjectives.$inferSelect;
export type AcceptanceRow = typeof contractAcceptances.$inferSelect;

export async function sectionsOf(q: Queryable, passageId: string) {
  const [row] = await q.select().from(assessments).where(eq(assessments.passageId, passageId));
  return row ?? null;
}

/** Every version of the passage's contract, newest first. */
export async function contractsOf(q: Queryable, passageId: string) {
  const versions = await q
    .select()
    .from(objectivesContracts)
    .where(eq(objectivesContracts.passageId, passageId))
    .orderBy(desc(objectivesContracts.versionNo));
  const ids = versions.map((v) => v.id);
  const objectives = ids.length
    ? await q
        .select()
        .from(contractObjectives)
        .where(inArray(contractObjectives.contractId, ids))
        .orderBy(asc(contractObjectives.position))
    : [];
  const acceptances = ids.length
    ? await q.select().from(contractAcceptances).where(inArray(contractAcceptances.contractId, ids))
    : [];
  return versions.map((v) => ({
    row: v,
    objectives: objectives.filter((o) => o.contractId === v.id),
    acceptances: acceptances.filter((a) => a.contractId === v.id),
  }));
}
export type ContractView = Awaited<ReturnType<typeof contractsOf>>[number];

export const contentOf = (c: Pick<ContractView, 'row' | 'objectives'>): ContractContent => ({
  caseManagerInstitutionId: c.row.caseManagerInstitutionId,
  objectives: c.objectives.map((o) => ({
    text: o.text,
    measuresPlanned: o.measuresPlanned,
    responsibleInstitutionId: o.responsibleInstitutionId,
    deadline: o.deadline,
  })),
});

/** A version's status from what happened to it (the domain's rule), for the row. */
export const statusOf = (c: ContractView): ContractStatus =>
  contractStatus({
    content: contentOf(c),
    accepted: c.acceptances.map((a) => a.party),
    conformity: (c.row.conformityResult as ConformityResult | null) ?? null,
    superseded: c.row.supersededAt !== null,
  });

/** The case manager's institution: the contract in force's, else the latest version's. */
export function caseManagerOf(contracts: readonly ContractView[]): string | null {
  const inForce = contracts.find((c) => c.row.status === 'in_force');
  return (inForce ?? contracts[0])?.row.caseManagerInstitutionId ?? null;
}

export const factsOf = (
  situation: AssessmentFacts['situation'],
  participants: readonly ParticipantView[],
  contracts: readonly ContractView[],
  party?: string,
): AssessmentFacts => ({
  situation,
  participants: participants.map((p) => ({ userId: p.userId, institutionId: p.institutionId, role: p.role })),
  caseManagerInstitutionId: caseManagerOf(contracts),
  ...(party === undefined ? {} : { party }),
});

/** One version, locked for the transaction: acceptances and the conformity check are decided under this lock. */
export async function lockContract(tx: Tx, passageId: string, versionNo: number) {
  const [row] = await tx
    .select()
    .from(objectivesContracts)
    .where(and(eq(objectivesContracts.passageId, passageId), eq(objectivesContracts.versionNo, versionNo)))
    .for('update');
  return row ?? null;
}

/** Changes a version if it still has the version the caller read (409 otherwise); the version grows. */
export async function updateContractIf(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<Omit<ContractRow, 'id' | 'passageId' | 'situationId' | 'versionNo' | 'version'>>,
) {
  const [row] = await tx
    .update(objectivesContracts)
    .set({ ...values, version: sql`${objectivesContracts.version} + 1` })
    .where(and(eq(objectivesContracts.id, id), eq(objectivesContracts.version, version)))
    .returning();
  if (!row) throw conflict();
  return row;
}

export async function notesOf(q: Queryable, passageId: string) {
  return q
    .select()
    .from(assessmentNotes)
    .where(eq(assessmentNotes.passageId, passageId))
    .orderBy(desc(assessmentNotes.at), desc(assessmentNotes.createdAt));
}
