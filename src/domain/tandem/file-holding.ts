import type { InstitutionKind } from '../access/roles.ts';

/**
 * Who holds the file during and after a tandem mandate (seeds 002/003):
 * - announced by the ORP: the tandem's ORP counsellor takes over the whole
 *   follow-up; at closure the file is handed back to the ORP counsellor who
 *   had it before (the announcer);
 * - announced by social aid (CMS): the tandem's social worker prepares the
 *   measure documents; budget, commune and SAS stay with the announcing social
 *   worker, who keeps the file after the mandate;
 * - announced by another institution (the seeds are silent): the tandem's ORP
 *   counsellor leads, and nobody is owed a hand-back.
 */
export interface FileHolding {
  /** Leads the follow-up while the mandate runs. */
  leadUserId: string;
  /** Keeps budget and relations with the commune and the SAS (social-aid announcements). */
  budgetHolderUserId: string | null;
  /** Gets the file back at closure, through an explicit hand-back (ORP announcements). */
  handBackToUserId: string | null;
}

export function fileHolding(
  announcer: { userId: string; institutionKind: InstitutionKind },
  tandem: { orpUserId: string; cmsUserId: string },
): FileHolding {
  if (announcer.institutionKind === 'orp') {
    return { leadUserId: tandem.orpUserId, budgetHolderUserId: null, handBackToUserId: announcer.userId };
  }
  if (announcer.institutionKind === 'cms') {
    return { leadUserId: tandem.cmsUserId, budgetHolderUserId: announcer.userId, handBackToUserId: null };
  }
  return { leadUserId: tandem.orpUserId, budgetHolderUserId: null, handBackToUserId: null };
}

/**
 * Who holds the file once the mandate is closed: the hand-back target after the hand-back, the budget holder, else the
 * lead.
 */
export function holderAfterClosure(h: FileHolding, handedBack: boolean): string {
  if (h.handBackToUserId) return handedBack ? h.handBackToUserId : h.leadUserId;
  return h.budgetHolderUserId ?? h.leadUserId;
}

/** Tandem load (seed 001: six beneficiaries per tandem at a time). */
export const DEFAULT_CAPACITY = 6;

export type AssignmentVerdict =
  | { ok: true; overCapacity: boolean }
  | { ok: false; reason: 'other_region' | 'inactive' | 'over_capacity_unconfirmed' };

/** Assigning beyond capacity is allowed only when the Bureau confirms it (and the confirmation is recorded). */
export function checkAssignment(
  tandem: { regionId: string; active: boolean; capacity: number; load: number },
  situationRegionId: string,
  confirmOverCapacity: boolean,
): AssignmentVerdict {
  if (!tandem.active) return { ok: false, reason: 'inactive' };
  if (tandem.regionId !== situationRegionId) return { ok: false, reason: 'other_region' };
  const overCapacity = tandem.load >= tandem.capacity;
  if (overCapacity && !confirmOverCapacity) return { ok: false, reason: 'over_capacity_unconfirmed' };
  return { ok: true, overCapacity };
}
