/**
 * The life of a situation (dossier CII), DOMAIN.md §4:
 *
 *   draft ─announce→ announced ─take_up→ under_review ─refuse→ refused (suggestions to the announcer)
 *                        ↑  move_region  │                      │
 *                        ↑←──────────────┼── announce (revised) ┘
 *                        └───────────────┘            └orient→ assessment | round_table | tandem | network_follow_up
 *                        └───────────────┘
 *   round_table / assessment ─orient→ another kind of care (004 §6: a round table may orient to a tandem)
 *   any kind of care ─close→ closed
 *
 * A refused announcement is revised by its announcer where it stands (still
 * `refused`, so that those who read it keep reading it) and announced again
 * into the triage queue; the refusal stays on the timeline.
 *
 * Pure: the table says which event is allowed from which status and where it
 * leads; who may fire it is the access policy's business.
 */
export const SITUATION_STATUSES = [
  'draft',
  'announced',
  'under_review',
  'refused',
  'assessment',
  'round_table',
  'tandem',
  'network_follow_up',
  'closed',
] as const;
export type SituationStatus = (typeof SITUATION_STATUSES)[number];

export const CARE_KINDS = ['assessment', 'round_table', 'tandem', 'network_follow_up'] as const;
export type CareKind = (typeof CARE_KINDS)[number];
export const isCareKind = (s: string): s is CareKind => (CARE_KINDS as readonly string[]).includes(s);

export type SituationEvent =
  | { type: 'announce' }
  | { type: 'take_up' }
  | { type: 'refuse' }
  | { type: 'orient'; to: CareKind }
  | { type: 'move_region' }
  | { type: 'close' };

export function nextStatus(from: SituationStatus, event: SituationEvent): SituationStatus | null {
  switch (event.type) {
    case 'announce':
      return from === 'draft' || from === 'refused' ? 'announced' : null;
    case 'take_up':
      return from === 'announced' ? 'under_review' : null;
    case 'refuse':
      return from === 'under_review' ? 'refused' : null;
    case 'move_region':
      return from === 'announced' || from === 'under_review' ? 'announced' : null;
    case 'orient':
      if (from === 'under_review') return event.to;
      // After a round table or an assessment the situation may go on to another kind of care.
      if ((from === 'round_table' || from === 'assessment') && event.to !== from) return event.to;
      return null;
    case 'close':
      return isCareKind(from) ? 'closed' : null;
  }
}

/** Every (status, event) pair, for tests and for the UI to offer only what the table allows. */
/** The statuses in which the announcer edits the announcement: a draft, or a refused one to announce again. */
export const EDITABLE_STATUSES: readonly SituationStatus[] = ['draft', 'refused'];
export const isEditableStatus = (s: string) => (EDITABLE_STATUSES as readonly string[]).includes(s);

export function allowedEvents(from: SituationStatus): SituationEvent['type'][] {
  const all: SituationEvent[] = [
    { type: 'announce' },
    { type: 'take_up' },
    { type: 'refuse' },
    { type: 'move_region' },
    { type: 'close' },
    ...CARE_KINDS.map((to) => ({ type: 'orient' as const, to })),
  ];
  return [...new Set(all.filter((e) => nextStatus(from, e) !== null).map((e) => e.type))];
}
