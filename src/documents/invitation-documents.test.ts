import { describe, expect, it } from 'vitest';
import { documentText } from './document-model.js';
import { foldLine, renderIcs, type CalendarInvitation } from './invitation-ics.js';
import { agencyInvitationLetter, familyInvitationLetter, invitationLetter, whenText, type InvitationLetterData } from './invitation-letter.js';
import { pdfText } from './pdf-text.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';

const data: InvitationLetterData = {
  authorityName: 'Sampleshire Council',
  conferenceTitle: 'Initial child protection conference',
  review: false,
  start: new Date('2026-06-15T09:00:00Z'), // 10:00 BST
  slotMinutes: 90,
  format: 'face-to-face',
  venue: 'Conference Room 1, Sampleshire County Hall',
  subjectChildren: ['Alpha Testington', 'Beta Testington'],
  invitee: { name: 'Demi Testington', role: 'Mother', inviteeKind: 'parent', organisationName: null },
  invitees: [
    { name: 'Demi Testington', role: 'Mother' },
    { name: 'PC Petra Placeholder', role: 'Police' },
    { name: 'Hana Exampleton', role: 'Health visitor' },
  ],
  chair: { name: 'Chris Chairington', email: 'chair@sampleshire.example', phone: '01632 960999' },
  coordinator: { name: 'Conference and Review Unit', email: 'conferences@sampleshire.example', phone: null },
  reportWanted: 'by 12 June 2026',
};

describe('invitation letters (IN3)', () => {
  it('IN3: the parent letter names every subject child, mentions the parents’ leaflet and lists everyone invited', () => {
    const text = documentText(familyInvitationLetter(data));
    expect(text).toContain('Alpha Testington and Beta Testington');
    expect(text).toContain('guide for parents and carers');
    expect(text).not.toContain('complaints, a guide');
    expect(text).toContain('Monday 15 June 2026 at 10:00');
    for (const p of data.invitees) expect(text).toContain(`${p.name} | ${p.role}`);
    // the list of invitees comes last, after everything else the letter says
    expect(text.indexOf('Everyone invited')).toBeGreaterThan(text.indexOf('If you cannot come'));
  });

  it('IN3: the agency letter carries the complaints leaflet, the chair’s name and contacts, and asks for a report', () => {
    const text = documentText(agencyInvitationLetter({ ...data, invitee: { name: 'PC Petra Placeholder', role: 'Police', inviteeKind: 'professional', organisationName: 'Sampleshire Police' } }));
    expect(text).toContain('complaints, a guide for parents and carers');
    expect(text).toContain('Chris Chairington, chair@sampleshire.example, 01632 960999');
    expect(text).toContain('written report by 12 June 2026');
    expect(text).toContain('Alpha Testington and Beta Testington');
    expect(text).toContain('Hana Exampleton | Health visitor');
  });

  it('IN9: an observer’s letter says they take no part', () => {
    const text = documentText(invitationLetter({ ...data, invitee: { name: 'Ola Observer', role: 'Student social worker', inviteeKind: 'observer', organisationName: null } }));
    expect(text).toContain('take no part in the discussion or the decisions');
  });

  it('renders the letter as a PDF whose text reads back, and as a DOCX', async () => {
    const doc = familyInvitationLetter(data);
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Alpha Testington');
    expect(text).toContain('PC Petra Placeholder');
    const docx = await renderDocx(doc);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('prints winter conferences in GMT and summer ones in BST', () => {
    expect(whenText(new Date('2026-01-12T10:00:00Z'))).toBe('Monday 12 January 2026 at 10:00');
    expect(whenText(new Date('2026-06-15T09:00:00Z'))).toBe('Monday 15 June 2026 at 10:00');
  });
});

describe('calendar invitation', () => {
  const invite: CalendarInvitation = {
    uid: 'inv-1@convene', sequence: 0, start: new Date('2026-06-15T09:00:00Z'), slotMinutes: 90,
    summary: 'Child protection conference (ref 1a2b3c)', location: 'Conference Room 1, Sampleshire County Hall',
    description: 'The invitation letter is attached to the email; it is confidential.',
    organiser: { name: 'Conference and Review Unit', email: 'conferences@sampleshire.example' },
    attendee: { name: 'PC Petra Placeholder', email: 'petra@police.example' }, stampedAt: new Date('2026-05-01T12:00:00Z'),
  };
  const ics = renderIcs(invite);
  const unfolded = ics.replace(/\r\n /g, '');
  const lines = unfolded.split('\r\n');

  it('uses CRLF lines, London local times with TZID and a VTIMEZONE for Europe/London', () => {
    expect(ics.includes('\n') && !/[^\r]\n/.test(ics)).toBe(true);
    expect(lines).toContain('DTSTART;TZID=Europe/London:20260615T100000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20260615T113000');
    expect(lines).toContain('TZID:Europe/London');
    expect(lines.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('DTSTAMP:20260501T120000Z');
  });

  it('escapes commas, names the attendee and never a child', () => {
    expect(lines).toContain('LOCATION:Conference Room 1\\, Sampleshire County Hall');
    expect(lines.some((l) => l.startsWith('ATTENDEE;CN="PC Petra Placeholder"') && l.endsWith(':mailto:petra@police.example'))).toBe(true);
    expect(unfolded).not.toContain('Testington');
  });

  it('folds long lines at 75 octets', () => {
    const long = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(long);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it('writes a winter conference at the same wall-clock time (GMT)', () => {
    const winter = renderIcs({ ...invite, start: new Date('2026-01-12T10:00:00Z') });
    expect(winter).toContain('DTSTART;TZID=Europe/London:20260112T100000');
  });
});
