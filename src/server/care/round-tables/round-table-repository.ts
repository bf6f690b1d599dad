import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AnonymousProfile } from '../../../contracts/round-tables.ts';
import type { Action } from '../../../domain/access/policy.ts';
import type { AuditAction } from '../../../domain/audit/actions.ts';
import type { CareKind } from '../../../domain/situation/situation-lifecycle.ts';
import { type AgeBand, type RiskFactor, ageBand } from '../../../domain/situation/vocabulary.ts';
import { swissDay } from '../../../domain/consent/consent.ts';
import type { Queryable, Tx } from '../../../db/open-db.ts';
import { carePassages, persons } from '../../../db/schema.ts';
import { conflict } from '../../../domain/errors.ts';
import { notFoundAudited } from '../../http/access.ts';
import type { AuthedContext } from '../../http/context.ts';
import { loadSituationFor } from '../../situations/load-situation.ts';
import type { SituationRow } from '../../situations/situation-repository.ts';
import { type PassageRow, latestPassage } from '../passage-repository.ts';

/**
 * The situation if the caller may `action` it (404 otherwise, audited), and its latest passage of the kind — for a
 * change, the open one (404 when there is none: nothing to act on).
 */
export async function loadPassageFor(
  ctx: AuthedContext,
  situationId: string,
  kind: CareKind,
  action: Action,
  auditAction: AuditAction,
  options: { open?: boolean } = {},
) {
  const found = await loadSituationFor(ctx, situationId, action, auditAction);
  const passage = await latestPassage(ctx.db, situationId, kind);
  // Ended meanwhile (two people concluding at once): the caller reads the file, so it is a conflict, not "not found".
  if (passage && options.open && passage.endedAt) throw conflict();
  if (!passage) {
    if (!options.open) return { ...found, passage: null };
    throw await notFoundAudited(ctx, {
      action: auditAction,
      recordType: 'care_passage',
      recordId: situationId,
      subjectPersonId: found.row.personId ?? undefined,
    });
  }
  return { ...found, passage };
}

/** The passage as read: a change names the version the caller saw (409 when it moved on meanwhile). */
export function ensureVersion(passage: PassageRow, version: number) {
  if (passage.version !== version) throw conflict();
}

/**
 * "Pending" (004 §6: four of twelve in 2012): the round table stays held, its outcome and reason recorded, to be
 * concluded later. Compare-and-set on the version read.
 */
export async function markPending(tx: Tx, passage: PassageRow, version: number, reason: string, now: Date) {
  const [row] = await tx
    .update(carePassages)
    .set({ outcome: 'pending', outcomeReason: reason, updatedAt: now, version: sql`${carePassages.version} + 1` })
    .where(and(eq(carePassages.id, passage.id), eq(carePassages.version, version), isNull(carePassages.endedAt)))
    .returning();
  if (!row) throw conflict();
  return row;
}

/**
 * The anonymous profile (DOMAIN.md §3, §4.2): age band, region, risk factors. An anonymous announcement carries its
 * age band; for an identified person it is computed from the birth date on `on` — the birth date itself never leaves.
 */
export async function anonymousProfile(q: Queryable, row: SituationRow, on: Date): Promise<AnonymousProfile> {
  let band = (row.ageBand as AgeBand | null) ?? null;
  if (!band && row.personId) {
    const [p] = await q.select({ birthDate: persons.birthDate }).from(persons).where(eq(persons.id, row.personId));
    if (p?.birthDate) band = ageBand(p.birthDate, swissDay(on));
  }
  return { ageBand: band, regionId: row.regionId, riskFactors: row.riskFactors as RiskFactor[] };
}

/** What would name the person in a text: their names and AVS number (none for an anonymous announcement). */
export async function personWords(q: Queryable, row: SituationRow): Promise<string[]> {
  if (!row.personId) return [];
  const [p] = await q
    .select({ officialName: persons.officialName, firstNames: persons.firstNames, navs13: persons.navs13 })
    .from(persons)
    .where(eq(persons.id, row.personId));
  return p ? [p.officialName, p.firstNames, p.navs13 ?? ''].filter(Boolean) : [];
}
