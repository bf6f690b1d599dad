/**
 * The demo's file under the rules before 2023 (seed 002: a MIP, LIAS measures approved by the commune alone) is told
 * in 2022–2023 and ends on 31.03.2023. When the clock is earlier (`npm start` on a machine set in the past), the same
 * story is told whole years earlier, so that it has happened by the clock and still runs under the earlier rules:
 * never a date after the clock, never a 2022 measure routed by the 2023 rules.
 */
const STORY_END = '2023-03-31T09:00:00Z';

/** How many years back the 2022 story is moved so that it ends before `now` (0 from 31.03.2023 on). */
export function storyYearsBack(now: Date): number {
  let years = 0;
  while (new Date(shiftIso(STORY_END, years)).getTime() > now.getTime()) years++;
  return years;
}

/** A day (yyyy-mm-dd) or an instant (yyyy-mm-ddThh:mm…) of the story, `years` years earlier (29 February → 28th). */
export function shiftIso(iso: string, years: number): string {
  if (years === 0) return iso;
  const year = String(Number(iso.slice(0, 4)) - years).padStart(4, '0');
  const rest = iso.slice(4, 10) === '-02-29' ? `-02-28${iso.slice(10)}` : iso.slice(4);
  return `${year}${rest}`;
}
