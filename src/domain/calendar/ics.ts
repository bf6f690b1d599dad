/**
 * iCalendar invitations (RFC 5545, with the iTIP methods of RFC 5546), written
 * once for every invitation Tandem sends or offers to download: the tandem's
 * planned meetings now, MAMAC and round-table invitations next.
 *
 * - Lines end in CRLF and are folded at 75 octets (UTF-8 bytes, never inside a
 *   character); a continuation line starts with one space.
 * - TEXT values escape backslash, semicolon, comma and line breaks; other
 *   control characters are dropped (no header can be smuggled in).
 * - Times are wall-clock times in Europe/Zurich (DTSTART;TZID=…), with the
 *   VTIMEZONE that defines it (CET/CEST, EU rules since 1996), so that every
 *   client shows the hour the tandem typed.
 * - UID is stable per event; SEQUENCE grows with every change the attendees
 *   must see (moved, cancelled); METHOD:REQUEST invites or updates, CANCEL
 *   withdraws (STATUS:CANCELLED).
 * Pure: the stamp (now) is an argument.
 */
export const ICS_TIMEZONE = 'Europe/Zurich';
export const ICS_PRODUCT_ID = '-//CII Valais//Tandem//FR';

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  /** When the object was written (DTSTAMP, in UTC). */
  stamp: Date;
  /** Local day and time in Europe/Zurich: yyyy-mm-dd and HH:MM. */
  start: { date: string; time: string };
  durationMinutes: number;
  summary: string;
  description?: string;
  location?: string;
  organizer: IcsPerson;
  attendees: readonly IcsPerson[];
}

const two = (n: number) => String(n).padStart(2, '0');

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value (§3.2): no DQUOTE or control character possible, quoted when it holds ':', ';' or ','. */
export function paramValue(value: string): string {
  const clean = value.replace(CONTROL, '').replace(/[\r\n"]/g, ' ');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const utf8Length = (ch: string) => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** Folds one content line at 75 octets (§3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    // The first line holds 75 octets; each continuation holds a space and 74 more.
    if (octets + size > 75) {
      parts.push(current);
      current = ` ${ch}`;
      octets = 1 + size;
    } else {
      current += ch;
      octets += size;
    }
  }
  parts.push(current);
  return parts.join('\r\n');
}

const utcStamp = (d: Date) =>
  `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T` +
  `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;

/** A wall-clock time plus minutes, as a local DATE-TIME (yyyymmddThhmmss); calendar arithmetic on the wall clock. */
function localDateTime(date: string, time: string, plusMinutes = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1, d, hh, mm + plusMinutes));
  return `${t.getUTCFullYear()}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}T${two(t.getUTCHours())}${two(
    t.getUTCMinutes(),
  )}00`;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIMEZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const person = (property: 'ORGANIZER' | 'ATTENDEE', p: IcsPerson, extra = '') =>
  `${property};CN=${paramValue(p.name)}${extra}:mailto:${p.email.replace(CONTROL, '').replace(/[\r\n\s]/g, '')}`;

/** The whole VCALENDAR object of one event, CRLF-terminated. */
export function buildIcs(e: IcsEvent): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.start.date) || !/^\d{2}:\d{2}$/.test(e.start.time))
    throw new Error('ics: start must be yyyy-mm-dd and HH:MM');
  if (!Number.isInteger(e.sequence) || e.sequence < 0) throw new Error('ics: SEQUENCE is a non-negative integer');
  const cancelled = e.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `DTSTART;TZID=${ICS_TIMEZONE}:${localDateTime(e.start.date, e.start.time)}`,
    `DTEND;TZID=${ICS_TIMEZONE}:${localDateTime(e.start.date, e.start.time, e.durationMinutes)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    person('ORGANIZER', e.organizer),
    ...e.attendees.map((a) => person('ATTENDEE', a, ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE')),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
