import type { MessageKey } from '../../i18n/fr/index.ts';

/**
 * One label per state of a passage, whichever screen shows it (the care board, the care history, the assessment's
 * and the round table's own sections): an assessment says "convoqué", a round table "convoquée", a pending round
 * table "en suspens" — each kind's own words, the generic ones only for the others.
 */
export function passageStateKey(p: { kind: string; status: string; outcome: string | null }): MessageKey {
  if (p.outcome === 'pending' && p.status !== 'ended') return 'rt.outcome.pending';
  if (p.kind === 'assessment') return `asm.status.${p.status === 'ended' ? 'closed' : p.status}` as MessageKey;
  if (p.kind === 'round_table') return `rt.status.${p.status === 'ended' ? 'concluded' : p.status}` as MessageKey;
  return `passage.status.${p.status}` as MessageKey;
}
