import type { CareKind } from '../care/passage.ts';

/**
 * What the figures know of a passage at the end of the period asked for (issue 13), from its dates compared with
 * that day by the database. Each test is three-valued, as SQL answers it: null where the date is missing.
 */
export interface PassageAtEnd {
  careKind: CareKind;
  /** The passage's status now. */
  status: string;
  outcome: string | null;
  /** Ended by then; false: ended later; null: still open today. */
  ended: boolean | null;
  /** Its meeting held by then; false: held or set later; null: no meeting set. */
  met: boolean | null;
  /** A tandem that ended later: whether its mandate had begun by then. */
  began: boolean | null;
}

/**
 * The cube's measure of a passage at the end of the period: its own state while it is open (or its outcome when it
 * ended by then), otherwise the state it then had, as far as its dates tell — `ended:<outcome>` or `open:<state>`.
 * A passage ended without an outcome counts as `other`.
 */
export function passageMeasure(p: PassageAtEnd): string {
  if (p.ended === true) return `ended:${p.outcome ?? 'other'}`;
  if (p.ended === null) return `open:${p.status}`;
  if (p.careKind === 'tandem') return p.began ? 'open:active' : 'open:waiting_tandem';
  if (p.careKind === 'network_follow_up') return 'open:active';
  if (p.met === true) return p.careKind === 'assessment' ? 'open:in_execution' : 'open:held';
  if (p.met === false) return 'open:scheduled';
  return p.careKind === 'assessment' ? 'open:to_organise' : 'open:in_preparation';
}
