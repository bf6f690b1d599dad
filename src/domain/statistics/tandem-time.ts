import { formatChf, formatDate } from '../format/swiss-format.ts';
import type { Text } from './vocabulary.ts';

/**
 * The tandems' time, costed (issue 13 "costs by payer (…, the tandems' time) and cost per insertion"; decision 027).
 * Each meeting of a tandem's journal is valued at the hours each member spends on it (the meeting, its preparation and
 * its notes) times the hourly cost of an ORP personal counsellor and of a CMS social worker — the two professionals
 * of a tandem (seeds 000, 002). The ORP's time is paid by the ORP's ordinary budget (seed 002); the CMS's by the CMS
 * (seed 003; before 2023 a MIP mandate of CHF 500 a month paid it for the files announced by social aid — seed 002 —
 * so a meeting of a month a MIP covers does not count the CMS's time a second time).
 *
 * The basis is effective-dated: a change of rate is a new line from its first day, so that the costs of past years
 * never change. Pure: the meetings come counted by day.
 */
export type TandemMember = 'orp' | 'cms';
export interface TandemTimeBasis {
  /** First Swiss day it applies to. */
  from: string;
  /** Hours each member spends per meeting recorded. */
  hoursPerMeeting: Record<TandemMember, number>;
  /** Full cost of one hour of each member's time (salary and charges), in centimes. */
  hourlyCents: Record<TandemMember, number>;
}

/** Decision 027: the Bureau's basis, from the start of the tandems (Sion, 2010 — seed 001). */
export const TANDEM_TIME_BASES: readonly TandemTimeBasis[] = [
  { from: '2010-01-01', hoursPerMeeting: { orp: 1.5, cms: 1.5 }, hourlyCents: { orp: 95_00, cms: 90_00 } },
];

/** The MIP paid the CMS's time until the end of 2022 (seed 003: no MIP from January 2023). */
export const MIP_LAST_DAY = '2022-12-31';

/** The basis in force on a day: the latest line that starts on or before it; null before the first. */
export function basisOn(day: string, bases: readonly TandemTimeBasis[] = TANDEM_TIME_BASES): TandemTimeBasis | null {
  let found: TandemTimeBasis | null = null;
  for (const b of bases) if (b.from <= day && (!found || b.from > found.from)) found = b;
  return found;
}

export interface MeetingDay {
  day: string;
  meetings: number;
  /** A MIP mandate covered the file that day (its meetings' CMS time is already paid by the MIP). */
  mip: boolean;
}

export interface TandemTimeCosts {
  tandemOrpCents: number;
  tandemCmsCents: number;
}

export function tandemTimeCosts(
  days: readonly MeetingDay[],
  bases: readonly TandemTimeBasis[] = TANDEM_TIME_BASES,
): TandemTimeCosts {
  let orp = 0;
  let cms = 0;
  for (const d of days) {
    const b = basisOn(d.day, bases);
    if (!b || d.meetings <= 0) continue;
    orp += d.meetings * b.hoursPerMeeting.orp * b.hourlyCents.orp;
    if (!(d.mip && d.day <= MIP_LAST_DAY)) cms += d.meetings * b.hoursPerMeeting.cms * b.hourlyCents.cms;
  }
  return { tandemOrpCents: Math.round(orp), tandemCmsCents: Math.round(cms) };
}

/** "How is this counted?" for the tandems' time, with the basis in force today (dates and amounts as people read). */
export function tandemTimeCounted(today: string, bases: readonly TandemTimeBasis[] = TANDEM_TIME_BASES): Text {
  const b = basisOn(today, bases) ?? bases[0];
  if (!b) return { fr: '', de: '' };
  const h = (n: number, lang: 'fr' | 'de') => `${String(n).replace('.', lang === 'fr' ? ',' : '.')} h`;
  const chf = (cents: number) => formatChf(cents / 100).replace(/\.00$/, '');
  return {
    fr:
      `Chaque entretien noté au journal d’un tandem compte ${h(b.hoursPerMeeting.orp, 'fr')} du ou de la ` +
      `conseiller·ère ORP à ${chf(b.hourlyCents.orp)} l’heure (budget ordinaire des ORP) et ` +
      `${h(b.hoursPerMeeting.cms, 'fr')} de l’assistant·e social·e du CMS à ${chf(b.hourlyCents.cms)} l’heure ` +
      `(base en vigueur depuis le ${formatDate(b.from, 'fr')}). Avant 2023, le temps du CMS d’un dossier couvert ` +
      'par un MIP n’est pas compté une seconde fois.',
    de:
      `Jedes im Journal eines Tandems erfasste Gespräch zählt ${h(b.hoursPerMeeting.orp, 'de')} der ` +
      `RAV-Personalberatung zu ${chf(b.hourlyCents.orp)} pro Stunde (ordentliches RAV-Budget) und ` +
      `${h(b.hoursPerMeeting.cms, 'de')} der Sozialarbeit des SMZ zu ${chf(b.hourlyCents.cms)} pro Stunde ` +
      `(Grundlage gültig seit ${formatDate(b.from, 'de')}). Vor 2023 wird die SMZ-Zeit eines durch ein MIP ` +
      'gedeckten Dossiers nicht ein zweites Mal gezählt.',
  };
}
