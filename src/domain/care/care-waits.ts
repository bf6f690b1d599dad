import { swissDay } from '../consent/consent.ts';
import type { CareKind } from '../situation/situation-lifecycle.ts';
import type { AssessmentWaitsOn } from './assessment.ts';

/**
 * What a passage through a kind of care waits for, and on whom (the Bureau's region view, issue 12: "4 waiting" in
 * 2012, seed 004 §6). Pure: the instant is an argument.
 */
export const WAIT_WHATS = [
  'date_to_set',
  'meeting',
  'minutes',
  'conclusion',
  'pending',
  'contract',
  'contract_acceptance',
  'conformity',
  'execution',
  'review_date_to_set',
  'review',
  'next_review',
  'mandate',
  'coaching',
  'nothing',
] as const;
export type WaitWhat = (typeof WAIT_WHATS)[number];

export const WAIT_WHOS = [
  'bureau',
  'coordinator',
  'participants',
  'team',
  'parties',
  'case_manager',
  'reference',
  'tandem',
  'none',
] as const;
export type WaitWho = (typeof WAIT_WHOS)[number];

export interface Wait {
  what: WaitWhat;
  who: WaitWho;
}

export interface PassageFacts {
  kind: CareKind;
  status: string;
  outcome: string | null;
  meetingStart: Date | null;
  reviewOn: string | null;
  endedAt: Date | null;
}

/**
 * The passage's own state says what it waits for. An assessment's finer states (whose acceptance of the objectives
 * contract is missing, the Bureau's conformity check) are the MAMAC lane's: `assessmentDetail` carries them when known.
 */
export function waitOf(p: PassageFacts, now: Date, assessmentDetail: Wait | null = null): Wait {
  if (p.endedAt) return { what: 'nothing', who: 'none' };
  switch (p.kind) {
    case 'round_table':
      if (p.status === 'in_preparation') return { what: 'date_to_set', who: 'bureau' };
      if (p.status === 'scheduled')
        return p.meetingStart && p.meetingStart.getTime() > now.getTime()
          ? { what: 'meeting', who: 'participants' }
          : { what: 'minutes', who: 'coordinator' };
      if (p.status === 'held')
        return p.outcome === 'pending'
          ? { what: 'pending', who: 'coordinator' }
          : { what: 'conclusion', who: 'coordinator' };
      return { what: 'nothing', who: 'none' };
    case 'network_follow_up':
      if (p.reviewOn === null) return { what: 'review_date_to_set', who: 'reference' };
      return p.reviewOn <= swissDay(now)
        ? { what: 'review', who: 'reference' }
        : { what: 'next_review', who: 'reference' };
    case 'assessment':
      if (assessmentDetail) return assessmentDetail;
      if (p.status === 'to_organise') return { what: 'date_to_set', who: 'bureau' };
      if (p.status === 'scheduled')
        return p.meetingStart && p.meetingStart.getTime() > now.getTime()
          ? { what: 'meeting', who: 'team' }
          : { what: 'contract', who: 'team' };
      if (p.status === 'held') return { what: 'contract_acceptance', who: 'parties' };
      if (p.status === 'in_execution') return { what: 'execution', who: 'team' };
      return { what: 'nothing', who: 'none' };
    case 'tandem':
      return p.status === 'waiting_tandem' ? { what: 'mandate', who: 'bureau' } : { what: 'coaching', who: 'tandem' };
  }
}

/** An assessment's own wait (`assessmentWaitsOn`: contract, acceptances, conformity) in the view's words. */
export function assessmentWait(w: AssessmentWaitsOn): Wait {
  switch (w.on) {
    case 'bureau_organise':
      return { what: 'date_to_set', who: 'bureau' };
    case 'meeting':
      return { what: 'meeting', who: 'team' };
    case 'team_contract':
      return { what: 'contract', who: 'team' };
    case 'parties':
      return { what: 'contract_acceptance', who: 'parties' };
    case 'bureau_conformity':
      return { what: 'conformity', who: 'bureau' };
    case 'case_manager':
      return { what: 'execution', who: 'case_manager' };
    case 'nobody':
      return { what: 'nothing', who: 'none' };
  }
}
