/**
 * Wall-clock day and time in Europe/Zurich, and back (issue 12): a meeting is
 * typed and shown as the hour in Valais, kept as an instant. Pure: no clock.
 */
const ZONE = 'Europe/Zurich';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The local day (yyyy-mm-dd) and time (HH:MM) of an instant in Europe/Zurich. */
export function zurichLocal(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant of a local day and time in Europe/Zurich. In the hour skipped in
 * spring the time is taken as if the clocks had not moved yet (02:30 → 03:30
 * CEST); in the hour repeated in autumn, the first (summer-time) one.
 */
export function zurichInstant(date: string, time: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asUtc)) throw new Error(`not a day and time: ${date} ${time}`);
  // Zurich is UTC+1 or UTC+2: try the summer offset first, then the winter one.
  for (const hours of [2, 1]) {
    const candidate = new Date(asUtc - hours * 3_600_000);
    const local = zurichLocal(candidate);
    if (local.date === date && local.time === time) return candidate;
  }
  return new Date(asUtc - 3_600_000);
}
