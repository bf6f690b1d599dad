import type { InstitutionKind } from '../access/roles.ts';
import { hasVisibleText } from '../text/visible-text.ts';

/**
 * A refused announcement goes back "with systematically some suggestions of care or institutional solutions" (seed
 * 004 §6). The suggestions name institutions — one of the canton's, or a kind of institution ("an ORP") — so that the
 * figures count refusals by the institutions suggested (issue 13), with a free-text note beside them. Refusals
 * recorded before (free text only) stay readable: their note is their suggestions.
 */
export interface SuggestedInstitution {
  kind: InstitutionKind;
  /** One institution of the directory; null: any institution of that kind. */
  institutionId: string | null;
  /** The institution's names when it was suggested (the timeline reads them as they were). */
  nameFr: string | null;
  nameDe: string | null;
}

export const MAX_SUGGESTED_INSTITUTIONS = 12;

export type RefusalProblem = 'suggestions_required' | 'unknown_institution' | 'kind_mismatch';

/** Each institution (or kind) once; an institution named makes its bare kind redundant. */
export function distinctSuggestions<T extends { kind: InstitutionKind; institutionId: string | null }>(
  list: readonly T[],
): T[] {
  const named = new Set(list.filter((s) => s.institutionId).map((s) => s.kind));
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = s.institutionId ?? `kind:${s.kind}`;
    if (seen.has(key) || (!s.institutionId && named.has(s.kind))) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What is wrong with a refusal's suggestions: none at all (no institution and no note), or an institution the
 * directory does not hold, or not of the kind said.
 */
export function checkRefusalSuggestions(
  suggested: readonly { kind: InstitutionKind; institutionId: string | null }[],
  note: string,
  directory: ReadonlyMap<string, InstitutionKind>,
): { index: number | null; problem: RefusalProblem }[] {
  const problems: { index: number | null; problem: RefusalProblem }[] = [];
  if (suggested.length === 0 && !hasVisibleText(note)) problems.push({ index: null, problem: 'suggestions_required' });
  suggested.forEach((s, index) => {
    if (!s.institutionId) return;
    const kind = directory.get(s.institutionId);
    if (!kind) problems.push({ index, problem: 'unknown_institution' });
    else if (kind !== s.kind) problems.push({ index, problem: 'kind_mismatch' });
  });
  return problems;
}
