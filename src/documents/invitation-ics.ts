import { londonStart } from './invitation-letter.js';

/** The iTIP method (RFC 5546): REQUEST asks an attendee to reply; PUBLISH just informs; CANCEL removes the entry. */
export type CalendarMethod = 'REQUEST' | 'PUBLISH' | 'CANCEL';

export interface CalendarInvitation {
  /** REQUEST by default. */
  method?: CalendarMethod;
  /** Stable per invitee, so a resend after a rearrangement updates the same calendar entry. */
  uid: string;
  sequence: number;
  start: Date;
  slotMinutes: number;
  /** Never a child's name: calendar entries are often visible to colleagues. */
  summary: string;
  location: string | null;
  description: string;
  organiser: { name: string; email: string } | null;
  attendee: { name: string; email: string | null };
  stampedAt: Date;
}

/** UK rules since 1996: summer time from the last Sunday of March to the last Sunday of October, at 01:00 UTC. */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function escapeParam(value: string): string {
  return `"${value.replace(/"/g, "'")}"`;
}

/** RFC 5545 § 3.1: lines longer than 75 octets continue on the next line after CRLF and a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function localStamp(date: Date, addMinutes = 0): string {
  const z = londonStart(date).add({ minutes: addMinutes });
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(z.year, 4)}${p(z.month)}${p(z.day)}T${p(z.hour)}${p(z.minute)}${p(z.second)}`;
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The method this file can honestly carry. Every iTIP method needs an ORGANIZER (RFC 5546 § 3.2);
 * REQUEST also needs an ATTENDEE, so without one it becomes PUBLISH; without an organiser the file
 * is a plain iCalendar object with no METHOD at all (RFC 5545 § 3.7.2).
 */
export function effectiveMethod(invite: CalendarInvitation): CalendarMethod | null {
  if (!invite.organiser) return null;
  const method = invite.method ?? 'REQUEST';
  if (method === 'REQUEST' && !invite.attendee.email) return 'PUBLISH';
  return method;
}

/** One VCALENDAR per invitee, in London local time with its VTIMEZONE; the UID stays the same for a new date or a cancellation. */
export function renderIcs(invite: CalendarInvitation): string {
  const method = effectiveMethod(invite);
  const cancelled = invite.method === 'CANCEL';
  // PUBLISH carries no ATTENDEE (RFC 5546 § 3.2.1); REQUEST and CANCEL name who it is for.
  const withAttendee = method === 'REQUEST' || method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Convene//Child protection conferences//EN',
    'CALSCALE:GREGORIAN',
    ...(method ? [`METHOD:${method}`] : []),
    ...LONDON_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${invite.uid}`,
    `SEQUENCE:${invite.sequence}`,
    `DTSTAMP:${utcStamp(invite.stampedAt)}`,
    `DTSTART;TZID=Europe/London:${localStamp(invite.start)}`,
    `DTEND;TZID=Europe/London:${localStamp(invite.start, invite.slotMinutes)}`,
    `SUMMARY:${escapeText(invite.summary)}`,
    ...(invite.location ? [`LOCATION:${escapeText(invite.location)}`] : []),
    `DESCRIPTION:${escapeText(invite.description)}`,
    ...(invite.organiser ? [`ORGANIZER;CN=${escapeParam(invite.organiser.name)}:mailto:${invite.organiser.email}`] : []),
    ...(withAttendee && invite.attendee.email ? [`ATTENDEE;CN=${escapeParam(invite.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${method === 'REQUEST' ? 'TRUE' : 'FALSE'}:mailto:${invite.attendee.email}`] : []),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `TRANSP:${cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The MIME type of a rendered file: its METHOD travels in the content type too (RFC 6047 § 2.4). */
export function icsContentType(ics: string): string {
  const method = /^METHOD:(\w+)\r$/m.exec(ics)?.[1];
  return `text/calendar; charset=utf-8${method ? `; method=${method}` : ''}`;
}
