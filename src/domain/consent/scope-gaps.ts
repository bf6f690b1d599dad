import type { InstitutionKind } from '../access/roles.ts';

/**
 * What a procuration's scope will prevent later (issue 11): shown while the
 * scope is chosen, so that a narrower one is a decision, not an accident.
 * - without the announcing institution or the Bureau CII, the situation cannot
 *   be announced with the person's identity (only anonymously, DOMAIN.md §3);
 * - without an ORP and a CMS, no tandem can be assigned (both halves need it)
 *   and their professionals cannot join the case team.
 */
export type ScopeGap = 'announcer' | 'bureau' | 'orp' | 'cms';

export function scopeGaps(
  chosen: readonly { id: string; kind: InstitutionKind }[],
  announcingInstitutionId: string,
): ScopeGap[] {
  const kinds = new Set(chosen.map((i) => i.kind));
  const gaps: ScopeGap[] = [];
  if (!chosen.some((i) => i.id === announcingInstitutionId)) gaps.push('announcer');
  if (!kinds.has('bureau_cii')) gaps.push('bureau');
  if (!kinds.has('orp')) gaps.push('orp');
  if (!kinds.has('cms')) gaps.push('cms');
  return gaps;
}
