/**
 * The period a figure is compared with (issue 13: "comparisons between years"): a calendar year with the year
 * before; any other period with the period of the same number of days just before it.
 */
const DAY = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function previousPeriod(from: string, to: string): { from: string; to: string } {
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4)) {
    const y = String(Number(from.slice(0, 4)) - 1).padStart(4, '0');
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  const days = Math.round((ms(to) - ms(from)) / DAY) + 1;
  return { from: toDay(ms(from) - days * DAY), to: toDay(ms(from) - DAY) };
}
