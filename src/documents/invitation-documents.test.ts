import { describe, expect, it } from 'vitest';
import { documentText } from './document-model.js';
import { foldLine, icsContentType, renderIcs, type CalendarInvitation } from './invitation-ics.js';
import { agencyInvitationLetter, COMPLAINTS_LEAFLET, familyInvitationLetter, invitationLetter, leafletsFor, PARENTS_LEAFLET, whenText, type InvitationLetterData } from './invitation-letter.js';
import { letterRecord } from './meeting-document-fixture.test-support.js';
import { pdfText } from './pdf-text.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import { expectText } from '../../test/support/page-expectations.js';

const data: InvitationLetterData = {
  ...letterRecord, // starts 2026-06-15T09:00:00Z: 10:00 BST
  invitees: [
    { name: 'Demi Testington', role: 'Mother' },
    { name: 'PC Petra Placeholder', role: 'Police' },
    { name: 'Hana Exampleton', role: 'Health visitor' },
  ],
  socialWorker: { name: 'Sam Sampleford', email: 'sam@sampleshire.example', phone: null },
  coordinator: { name: 'Conference and Review Unit', email: 'conferences@sampleshire.example', phone: '01632 960000' },
  familyReportBy: '2026-06-13',
  reportWanted: 'by 12 June 2026',
};

describe('invitation letters (IN3)', () => {
  it('IN3: the parent letter names every subject child, mentions the parents’ leaflet and lists everyone invited', () => {
    const text = documentText(familyInvitationLetter(data));
    expect(text).toContain('Alpha Testington and Beta Testington');
    expect(text).toContain('Child protection conferences: a guide for parents and carers');
    expect(text).toContain('Monday 15 June 2026 at 10:00');
    for (const p of data.invitees) expect(text).toContain(`${p.name} | ${p.role}`);
    // the list of invitees comes last, after everything else the letter says
    expect(text.indexOf('Everyone invited')).toBeGreaterThan(text.indexOf('If you cannot come'));
  });

  it('IN3: the agency letter carries the complaints leaflet, the chair’s name and contacts, and asks for a report', () => {
    const text = documentText(agencyInvitationLetter({ ...data, invitee: { name: 'PC Petra Placeholder', role: 'Police', inviteeKind: 'professional', organisationName: 'Sampleshire Police', postalAddress: null } }));
    expectText(text, {
      shows: [
        'complaints, a guide for parents and carers',
        'Chris Chairington, chair@sampleshire.example, 01632 960999',
        'Dear PC Petra Placeholder,',
        'Your role at the conference: Police, Sampleshire Police.',
        'written report by 12 June 2026',
        'Alpha Testington and Beta Testington',
        'Hana Exampleton | Health visitor',
      ],
    });
    expect(documentText(agencyInvitationLetter({ ...data, invitee: { name: 'School nurse (to be named)', role: 'School nurse', inviteeKind: 'professional', organisationName: 'Sampleshire Health', postalAddress: null } }))).toContain('Dear School nurse,');
  });

  it('IN9: an observer’s letter says they take no part', () => {
    const text = documentText(invitationLetter({ ...data, invitee: { name: 'Ola Observer', role: 'Student social worker', inviteeKind: 'observer', organisationName: null, postalAddress: null } }));
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

describe('the parent’s letter: a letter a parent can act on (issue 14)', () => {
  const text = documentText(familyInvitationLetter(data));

  it('is dated, addressed to the parent at their recorded address, and carries our reference', () => {
    expect(text).toContain('Date: 1 June 2026');
    expect(text).toContain('Our reference: CP-1A2B3C4D');
    const head = text.split('\n');
    const at = head.indexOf('Demi Testington');
    expect(head.slice(at, at + 4)).toEqual(['Demi Testington', '1 Example Row', 'Demoshire Town', 'ZZ1 1AA']);
  });

  it('gives the full venue: room, building, street, town and postcode; no online wording for a face-to-face meeting', () => {
    expect(text).toContain('Where: Conference Room 1, Sampleshire County Hall, 10 Example Street, Sampleton, ZZ9 9ZZ');
    expect(text).not.toMatch(/online/i);
    const online = documentText(familyInvitationLetter({ ...data, format: 'virtual' }));
    expect(online).toContain('Where: Online');
    expect(online).not.toContain('Sampleshire County Hall');
    expect(online).not.toContain('come 20 minutes early');
  });

  it('names the chair and the social worker, the day to reply by and the day they will see the report', () => {
    expectText(text, {
      shows: [
        'the chair, Chris Chairington',
        'Your social worker is Sam Sampleford',
        'Please tell us by Wednesday 10 June 2026 if you can come',
        'show it to you by Saturday 13 June 2026',
        'phone 01632 960000',
      ],
    });
  });

  it('offers an independent advocate and sends the complaints leaflet to the parent too', () => {
    expectText(text, { shows: ['independent advocate', 'Child protection conferences: complaints, a guide for parents and carers'] });
    expect(leafletsFor('parent')).toEqual([PARENTS_LEAFLET, COMPLAINTS_LEAFLET]);
  });

  it('tells a young person the meeting is about them', () => {
    const tango = documentText(familyInvitationLetter({ ...data, invitee: { ...data.invitee, name: 'Beta Testington', role: 'Child', inviteeKind: 'child' } }));
    expect(tango).toContain('We are having a meeting about you and Alpha Testington.');
    expect(tango).toContain('Young people and child protection conferences');
  });

  it('issue 14: writes to a young person in their own plain English, not the parent’s letter (reading age about 9)', () => {
    const youngData = { ...data, invitee: { ...data.invitee, name: 'Beta Testington', role: 'Child', inviteeKind: 'child' } };
    const young = familyInvitationLetter(youngData);
    const text = documentText(young);
    for (const own of ['Hello Beta Testington,', 'Your social worker is Sam Sampleford. You can talk to them about the meeting.', 'Someone you trust can come with you.',
      'If you cannot come or do not want to come', 'That is OK.', 'Best wishes,']) expect(text).toContain(own);
    for (const parents of ['Dear Beta Testington,', 'A friend, supporter or solicitor', 'Yours sincerely,', 'Please quote our reference']) expect(text).not.toContain(parents);
    // Every sentence the young person's letter speaks to them in is its own, not the parent's.
    const prose = (doc: ReturnType<typeof familyInvitationLetter>) => doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : []));
    const parents = new Set(prose(familyInvitationLetter(data)).map((x) => x.replace(/Demi Testington/g, 'Beta Testington')));
    const shared = prose(young).filter((x) => parents.has(x));
    expect(shared).toEqual(['The meeting is run by the chair, Chris Chairington.', 'The other people invited are listed at the end of this letter.']);
    // Short sentences, none over 15 words.
    const words = prose(young).join(' ').split(/(?<=[.!?])\s+/).filter((x) => x.trim()).map((x) => x.split(/\s+/).length);
    expect(Math.max(...words)).toBeLessThanOrEqual(15);
  });

  it('says plainly what the record lacks instead of inventing it', () => {
    const sparse = documentText(familyInvitationLetter({
      ...data, chair: null, socialWorker: null, replyBy: null, familyReportBy: null,
      venue: { room: 'Family Room', building: 'Mockbury Family Centre', street: null, town: null, postcode: null },
      invitee: { ...data.invitee, postalAddress: null },
    }));
    expectText(sparse, {
      shows: [
        'We do not have your postal address on our records.',
        'We have not yet recorded who will run the meeting',
        'We do not have a named social worker',
        'Please tell us as soon as you can',
        'We do not have the full address of this building',
      ],
      lacks: ['by Wednesday'],
    });
  });

  it('is written in short sentences (plain English: on average under 15 words, none over 30)', () => {
    const prose = familyInvitationLetter(data).blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : []));
    const sentences = prose.join(' ').split(/(?<=[.!?])\s+/).filter((x) => x.trim());
    const words = sentences.map((x) => x.split(/\s+/).length);
    expect(Math.max(...words)).toBeLessThanOrEqual(30);
    expect(words.reduce((a, b) => a + b, 0) / words.length).toBeLessThan(15);
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

describe('calendar files valid for their METHOD (issue 14)', () => {
  const base: CalendarInvitation = {
    uid: 'inv-2@convene', sequence: 0, start: new Date('2026-06-15T09:00:00Z'), slotMinutes: 90,
    summary: 'Child protection conference (ref CP-1A2B3C4D)', location: 'Conference Room 1, Sampleshire County Hall, 10 Example Street, Sampleton, ZZ9 9ZZ',
    description: 'Invitation.', organiser: { name: 'Conference and Review Unit', email: 'conferences@sampleshire.example' },
    attendee: { name: 'Demi Testington', email: 'demi@family.example' }, stampedAt: new Date('2026-05-01T12:00:00Z'),
  };
  const linesOf = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

  it('puts the venue’s address in LOCATION', () => {
    expect(linesOf(renderIcs(base))).toContain('LOCATION:Conference Room 1\\, Sampleshire County Hall\\, 10 Example Street\\, Sampleton\\, ZZ9 9ZZ');
  });

  it('a family file is METHOD:PUBLISH with an organiser and no ATTENDEE', () => {
    const lines = linesOf(renderIcs({ ...base, method: 'PUBLISH' }));
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines.some((l) => l.startsWith('ORGANIZER'))).toBe(true);
    expect(lines.some((l) => l.startsWith('ATTENDEE'))).toBe(false);
    expect(icsContentType(renderIcs({ ...base, method: 'PUBLISH' }))).toBe('text/calendar; charset=utf-8; method=PUBLISH');
  });

  it('a REQUEST without an attendee address becomes PUBLISH; without an organiser there is no METHOD at all', () => {
    expect(linesOf(renderIcs({ ...base, attendee: { name: 'X', email: null } }))).toContain('METHOD:PUBLISH');
    const plain = linesOf(renderIcs({ ...base, organiser: null }));
    expect(plain.some((l) => l.startsWith('METHOD:'))).toBe(false);
    expect(plain.some((l) => l.startsWith('ATTENDEE'))).toBe(false);
  });

  it('a cancellation keeps the UID, raises the SEQUENCE and is METHOD:CANCEL with STATUS:CANCELLED', () => {
    const first = linesOf(renderIcs(base));
    const cancel = linesOf(renderIcs({ ...base, method: 'CANCEL', sequence: 1 }));
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('STATUS:CANCELLED');
    expect(cancel).toContain('SEQUENCE:1');
    expect(first).toContain('SEQUENCE:0');
    expect(cancel.find((l) => l.startsWith('UID:'))).toBe(first.find((l) => l.startsWith('UID:')));
    expect(cancel.some((l) => l.startsWith('ATTENDEE') && l.endsWith('mailto:demi@family.example'))).toBe(true);
  });
});
