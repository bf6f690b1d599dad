import type { ApprovalStep, DecisionStep } from './rule-sets.ts';

/**
 * A measure's life: proposed along its route, step by step; approved when the
 * last step approves, refused at the first refusal; a refused measure, or one
 * outside the regular rules, may go to the Commission droit, whose exception
 * decision is final; an approved measure starts, then is interrupted or completed.
 */
export const MEASURE_STATUSES = [
  'proposed',
  'approved',
  'refused',
  'escalated',
  'running',
  'interrupted',
  'completed',
  // Still waiting for a decision when the mandate closed: taken back by the tandem, its deciders told.
  'withdrawn',
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export type Decision = 'approve' | 'refuse';

export interface RouteState {
  status: MeasureStatus;
  route: readonly ApprovalStep[];
  /** Index in `route` of the step waiting for a decision. */
  stepIndex: number;
}

/** The step that must decide now, or null when none is waiting. */
export function pendingStep(m: RouteState): DecisionStep | null {
  if (m.status === 'escalated') return 'commission';
  if (m.status === 'proposed') return m.route[m.stepIndex] ?? null;
  return null;
}

/** A measure waiting for someone else's decision: along its route, or at the Commission droit. */
export const isWaiting = (status: MeasureStatus) => status === 'proposed' || status === 'escalated';

/** The state after `decision` at the pending step. */
export function afterDecision(m: RouteState, decision: Decision): RouteState {
  const step = pendingStep(m);
  if (step === null) throw new Error('no pending step');
  if (step === 'commission') return { ...m, status: decision === 'approve' ? 'approved' : 'refused' };
  if (decision === 'refuse') return { ...m, status: 'refused' };
  const next = m.stepIndex + 1;
  return next >= m.route.length ? { ...m, status: 'approved', stepIndex: next } : { ...m, stepIndex: next };
}

export type RunAction = 'start' | 'interrupt' | 'complete';

/** Which running actions the status allows. */
export function canRun(status: MeasureStatus, action: RunAction): boolean {
  if (action === 'start') return status === 'approved';
  return status === 'running';
}

/** A refused measure, or a proposal outside the rules, may be escalated — once. */
export const canEscalate = (status: MeasureStatus, alreadyEscalated: boolean) =>
  status === 'refused' && !alreadyEscalated;

/** Status words for e-mails and PDFs (the screens have their own dictionaries). */
export const MEASURE_STATUS_LABELS: Record<'fr' | 'de', Record<MeasureStatus, string>> = {
  fr: {
    proposed: 'en attente de décision',
    approved: 'approuvée',
    refused: 'refusée',
    escalated: 'soumise à la Commission droit',
    running: 'en cours',
    interrupted: 'interrompue',
    completed: 'terminée',
    withdrawn: 'retirée à la clôture',
  },
  de: {
    proposed: 'Entscheid hängig',
    approved: 'bewilligt',
    refused: 'abgelehnt',
    escalated: 'der Rechtskommission unterbreitet',
    running: 'laufend',
    interrupted: 'abgebrochen',
    completed: 'abgeschlossen',
    withdrawn: 'beim Abschluss zurückgezogen',
  },
};

export interface MeasureLine {
  nameFr: string;
  nameDe: string;
  status: MeasureStatus;
  startOn: string;
  endOn: string;
  startedOn: string | null;
  endedOn: string | null;
  endReason: string | null;
}

/** One line per measure for reports: "Stage (LIAS) — interrompue, 01.02.2026–30.04.2026, fin le 10.02.2026 : santé". */
export function describeMeasure(m: MeasureLine, lang: 'fr' | 'de', formatDay: (day: string) => string): string {
  const name = lang === 'de' ? m.nameDe : m.nameFr;
  const sep = lang === 'de' ? ':' : ' :';
  const ended = m.endedOn
    ? `, ${lang === 'de' ? 'Ende am' : 'fin le'} ${formatDay(m.endedOn)}${m.endReason ? `${sep} ${m.endReason}` : ''}`
    : '';
  const dates = `${formatDay(m.startedOn ?? m.startOn)}–${formatDay(m.endOn)}`;
  return `${name} — ${MEASURE_STATUS_LABELS[lang][m.status]}, ${dates}${ended}`;
}
