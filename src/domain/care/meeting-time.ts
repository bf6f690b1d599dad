/**
 * A meeting's start is entered as a day and a time in Europe/Zurich and stored as an instant (timestamptz). Pure:
 * the zone's offset on that day comes from Intl, so summer time is right whatever the server's zone.
 */
const ZONE = 'Europe/Zurich';

/** The local day and time (yyyy-mm-dd, HH:MM) of an instant in Europe/Zurich. */
export function zurichLocal(at: Date): { date: string; time: string } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The instant of a local day and time in Europe/Zurich (the offset of that very moment: +01:00 or +02:00). */
export function zurichInstant(date: string, time: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`);
  // Two passes: the offset at the guessed instant, then at the corrected one (exact except in the skipped hour).
  let at = asUtc;
  for (let i = 0; i < 2; i++) {
    const local = zurichLocal(at);
    const shownAsUtc = new Date(`${local.date}T${local.time}:00Z`);
    at = new Date(asUtc.getTime() - (shownAsUtc.getTime() - at.getTime()));
  }
  return at;
}
