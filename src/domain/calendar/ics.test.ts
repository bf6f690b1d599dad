import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, paramValue } from './ics.ts';

const event = {
  uid: '6f1c2a9e-0000-4000-8000-000000000001@tandem.cii-vs',
  sequence: 0,
  method: 'REQUEST' as const,
  stamp: new Date('2026-11-30T15:04:05Z'),
  start: { date: '2026-12-03', time: '14:30' },
  durationMinutes: 60,
  summary: 'Entretien tandem',
  organizer: { name: 'Pierre Métrailler', email: 'pierre@orp.vs.ch' },
  attendees: [{ name: 'Anne Théodoloz', email: 'anne@cms.vs.ch' }],
};
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar (RFC 5545)', () => {
  it('writes a REQUEST with CRLF lines, the Zurich time zone and a stable UID', () => {
    const ics = buildIcs(event);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR
    const lines = unfold(ics).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('TZID:Europe/Zurich');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain(`UID:${event.uid}`);
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('DTSTAMP:20261130T150405Z');
    expect(lines).toContain('DTSTART;TZID=Europe/Zurich:20261203T143000');
    expect(lines).toContain('DTEND;TZID=Europe/Zurich:20261203T153000');
    expect(lines).toContain('ORGANIZER;CN=Pierre Métrailler:mailto:pierre@orp.vs.ch');
    expect(lines).toContain(
      'ATTENDEE;CN=Anne Théodoloz;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:anne@cms.vs.ch',
    );
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(buildIcs(event)).toBe(ics); // the same input gives the same bytes
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and the sequence given, same UID', () => {
    const lines = unfold(buildIcs({ ...event, method: 'CANCEL', sequence: 2 })).split('\r\n');
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain(`UID:${event.uid}`);
  });

  it('ends past midnight on the next day, on the wall clock', () => {
    const lines = unfold(buildIcs({ ...event, start: { date: '2026-12-31', time: '23:30' }, durationMinutes: 90 }));
    expect(lines).toContain('DTEND;TZID=Europe/Zurich:20270101T010000');
  });

  it('escapes text and keeps quotes and line breaks out of parameters', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf\u0007')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    expect(paramValue('Dupont, Anne')).toBe('"Dupont, Anne"');
    expect(paramValue('Evil"\r\nATTENDEE:x')).toBe('"Evil   ATTENDEE:x"');
    const ics = buildIcs({ ...event, summary: 'Bilan\r\nATTENDEE:mailto:x@y', description: 'Lieu: CMS; salle 2, 1er' });
    expect(unfold(ics)).toContain('SUMMARY:Bilan\\nATTENDEE:mailto:x@y');
    expect(unfold(ics)).toContain('DESCRIPTION:Lieu: CMS\\; salle 2\\, 1er');
    expect(
      unfold(ics)
        .split('\r\n')
        .filter((l) => l.startsWith('ATTENDEE')),
    ).toHaveLength(1);
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const long = `DESCRIPTION:${'é'.repeat(100)}${'x'.repeat(60)}`;
    const folded = foldLine(long);
    for (const part of folded.split('\r\n')) expect(utf8(part)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((p) => p.startsWith(' ')),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    const ics = buildIcs({ ...event, description: 'Entretien à trois — objectifs, stage, RAV/SMZ. '.repeat(8) });
    for (const line of ics.split('\r\n')) expect(utf8(line)).toBeLessThanOrEqual(75);
  });

  it('refuses a malformed start or sequence', () => {
    expect(() => buildIcs({ ...event, start: { date: '3.12.2026', time: '14:30' } })).toThrow();
    expect(() => buildIcs({ ...event, sequence: -1 })).toThrow();
  });
});
