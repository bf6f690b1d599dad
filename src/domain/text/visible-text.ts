/**
 * Required free text (a justification, a reason, a name) counts only the
 * characters a reader sees: whitespace, format characters (zero-width space and
 * joiners, the byte-order mark, direction marks, soft hyphen), controls and the
 * blank "filler" letters that render as nothing do not count. Three zero-width
 * spaces are no justification.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Cc}\u115F\u1160\u2800\u3164\uFFA0]/u;

/** How many characters of `text` a reader sees (code points, not UTF-16 units). */
export function visibleLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!INVISIBLE.test(ch)) n++;
  return n;
}

/** At least `min` visible characters (1 by default: "not blank"). */
export const hasVisibleText = (text: string, min = 1) => visibleLength(text) >= min;
