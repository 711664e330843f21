import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { PACKS } from '../domain/packs/index.js';
import { PACK_IDS } from '../domain/packs/pack-id.js';
import { familyCopyContent } from '../domain/reports/family-copy.js';
import { RULE_AREAS } from '../domain/rules/rule-entry.js';
import { documentText, type DocumentModel } from './document-model.js';
import { docxText } from './docx-text.js';
import { familyCopyDocument } from './family-copy.js';
import { translationFiles } from './family-language.js';
import { exclusionLetterDocument, exclusionLetterFor } from './family-copy-exclusion-letter.js';
import { section47FamilyRecordDocument, type Section47FamilyRecordInput } from './section-47-outcome-record.js';
import { renderIcs } from './invitation-ics.js';
import { invitationLetter } from './invitation-letter.js';
import { pdfText } from './pdf-text.js';
import { renderDocx } from './render-docx.js';
import { renderPdf } from './render-pdf.js';
import { conferenceRecordDocument, familyRecordDocument } from './conference-record.js';
import { decisionsSheetDocument, familyDecisionsSheet } from './decisions-sheet.js';
import { letterRecord, recordData } from './meeting-document-fixture.test-support.js';

/**
 * Issue 14, the class of fault made impossible: every document type, rendered as text, as a PDF
 * and as a Word file, states only facts its record holds and never an internal name. The checks
 * are generic, so a new sentence in any document is held to them without a new test:
 *  - every date, time, email address, phone number, postcode and reference it prints is one the
 *    record holds (dates as the record's ISO dates, formatted; a weekday must be that date's);
 *  - no ISO date, file name, pack id or pack name, bare rule code, placeholder or empty value;
 *  - family documents never carry the record's confidential text.
 */

const CONFIDENTIAL = 'Police intelligence about Zed Unknownson.';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface Case {
  name: string;
  doc: DocumentModel;
  /** What it was made from: every fact it prints must be found here. */
  record: unknown;
  family: boolean;
  /** Facts it must state (from the record), in words. */
  states: string[];
}

/** Every string in the record, and every instant as its London date and time. */
function recordStrings(record: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (v instanceof Date) {
      const z = Temporal.Instant.fromEpochMilliseconds(v.getTime()).toZonedDateTimeISO('Europe/London');
      out.push(z.toPlainDateTime().toString().slice(0, 16));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(record);
  return out;
}

function formatted(iso: string): string {
  const d = Temporal.PlainDate.from(iso.slice(0, 10));
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** The facts a record allows a document to print. */
function allowedFacts(record: unknown) {
  const strings = recordStrings(record);
  const isoDates = strings.flatMap((s) => [...s.matchAll(/\b\d{4}-\d{2}-\d{2}/g)].map((m) => m[0]));
  const times = strings.flatMap((s) => [...s.matchAll(/T(\d{2}:\d{2})/g)].map((m) => m[1]!));
  return {
    text: strings.join('\n'),
    dates: new Set([...isoDates.map(formatted), ...strings.flatMap((s) => [...s.matchAll(/\b\d{1,2} [A-Z][a-z]+ \d{4}\b/g)].map((m) => m[0]))]),
    times: new Set([...times, ...strings.flatMap((s) => [...s.matchAll(/\b\d{2}:\d{2}\b/g)].map((m) => m[0]))]),
  };
}

const PACK_WORDS = [...PACK_IDS, ...PACK_IDS.map((id) => PACKS[id].name)];
const RULE_CODE = new RegExp(`\\b(${Object.keys(RULE_AREAS).join('|')})\\d{1,2}\\b`);

function problems(text: string, c: Case): string[] {
  const found: string[] = [];
  const flat = text.replace(/\s+/g, ' ');
  const allowed = allowedFacts(c.record);
  for (const m of flat.matchAll(/\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/g)) {
    if (!allowed.dates.has(m[0])) found.push(`date not in the record: ${m[0]}`);
  }
  for (const m of flat.matchAll(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) (\d{1,2}) ([A-Z][a-z]+) (\d{4})\b/g)) {
    const d = Temporal.PlainDate.from({ year: Number(m[4]), month: MONTHS.indexOf(m[3]!) + 1, day: Number(m[2]) });
    if (WEEKDAYS[d.dayOfWeek - 1] !== m[1]) found.push(`wrong weekday: ${m[0]}`);
  }
  for (const m of flat.matchAll(/\b\d{2}:\d{2}\b/g)) if (!allowed.times.has(m[0])) found.push(`time not in the record: ${m[0]}`);
  for (const m of flat.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) if (!allowed.text.includes(m[0])) found.push(`email not in the record: ${m[0]}`);
  for (const m of flat.matchAll(/\b0\d{3,4} ?\d{6}\b/g)) if (!allowed.text.includes(m[0])) found.push(`phone not in the record: ${m[0]}`);
  for (const m of flat.matchAll(/\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/g)) if (!allowed.text.includes(m[0])) found.push(`postcode not in the record: ${m[0]}`);
  for (const m of flat.matchAll(/\bCP-[0-9A-F]{8}\b/g)) if (!allowed.text.includes(m[0])) found.push(`reference not in the record: ${m[0]}`);
  // Internal names and placeholders.
  if (/\d{4}-\d{2}-\d{2}/.test(flat)) found.push(`ISO date in prose: ${/\d{4}-\d{2}-\d{2}/.exec(flat)?.[0]}`);
  if (/\.txt\b|\b\d{3}_[0-9a-f]{8,}/i.test(flat)) found.push('procedure file name');
  for (const w of PACK_WORDS) if (new RegExp(`\\b${w}\\b`, 'i').test(flat)) found.push(`pack id or name: ${w}`);
  if (RULE_CODE.test(flat)) found.push(`bare rule code: ${RULE_CODE.exec(flat)?.[0]}`);
  for (const p of ['(demo)', '(to be named)', 'undefined', 'null', 'NaN', '[object Object]', 'Invalid Date']) if (flat.includes(p)) found.push(`placeholder: ${p}`);
  if (c.family && flat.includes(CONFIDENTIAL.slice(0, 30))) found.push('confidential text in a family document');
  for (const s of c.states) if (!flat.includes(s)) found.push(`does not state: ${s}`);
  return found;
}

// ---- the records and every document made from them ----


const letterFacts = ['Alpha Testington', 'Beta Testington', 'Monday 15 June 2026 at 10:00', 'Conference Room 1, Sampleshire County Hall, 10 Example Street, Sampleton, ZZ9 9ZZ', 'Chris Chairington', 'Sam Sampleford', 'CP-1A2B3C4D', '1 June 2026'];
const familyLetterFacts = [...letterFacts, 'Wednesday 10 June 2026', '09:00 on Friday 12 June 2026', 'ZZ1 1AA', 'independent advocate', 'complaints, a guide for parents and carers'];

const meeting = recordData();
const report = {
  kind: 'social-work' as const, childName: 'Alpha Testington', conferenceLabel: 'Initial child protection conference', conferenceDate: '2 March 2026',
  authorDetails: { name: 'Sam Sampleford' }, version: 3, confidentialText: CONFIDENTIAL,
  sections: [{ heading: 'What we are worried about', text: 'Alpha has missed four health appointments since 5 January 2026.', marking: 'fact' as const, secondHand: false }],
};
const exclusion = {
  authority: { name: 'Sampleshire Council', email: 'conferences@sampleshire.example', phone: '01632 960000' },
  recipientName: 'Fred Testington', conferenceLabel: 'Initial child protection conference', conferenceDate: '2 March 2026', scope: 'part' as const,
  period: 'while the police report is discussed', reasons: 'Risk of violence to the mother at the meeting.',
  chair: { name: 'Chris Chairington', email: 'chair@sampleshire.example', phone: null },
  socialWorker: { name: 'Sam Sampleford', email: null, phone: '01632 960111' },
  supporterName: null, recordScope: 'attended-part' as const, reportsEnclosedFor: ['Alpha Testington'],
};
const wholeExclusion = { ...exclusion, scope: 'whole' as const, period: '', chair: null, socialWorker: null, supporterName: 'Sam Supporter', recordScope: 'whole' as const, reportsEnclosedFor: [], authority: { name: 'Sampleshire Council', email: null, phone: null } };

const s47: Section47FamilyRecordInput = {
  authorityName: 'Sampleshire Council', recipientName: 'Demi Testington', forChild: false, childName: 'Alpha Testington', startedOn: '2026-02-16',
  outcome: 'continuing-risk', outcomeRecordedOn: '2026-03-06', socialWorkerName: 'Sam Sampleford', conferenceOn: '2026-03-20', format: 'translated', language: 'Polish', interpreter: true,
  visits: [{ date: '2026-02-17', seenAlone: true }, { date: '2026-02-24', seenAlone: false, whoWasPresent: 'her mother', whyNotAlone: 'She asked for her mother to stay.' }],
};

const CASES: Case[] = [
  { name: 'parent’s invitation letter', doc: invitationLetter(letterRecord), record: letterRecord, family: true, states: familyLetterFacts },
  { name: 'young person’s invitation letter', doc: invitationLetter({ ...letterRecord, invitee: { name: 'Beta Testington', role: 'Child', inviteeKind: 'child', organisationName: null, postalAddress: '1 Example Row, Demoshire Town, ZZ1 1AA' } }), record: letterRecord, family: true, states: [...letterFacts, 'Young people and child protection conferences'] },
  { name: 'online invitation letter', doc: invitationLetter({ ...letterRecord, format: 'virtual' }), record: letterRecord, family: true, states: ['Online. We will send you the link to join'] },
  { name: 'letter from a sparse record', doc: invitationLetter({ ...letterRecord, chair: null, socialWorker: null, replyBy: null, familyReportBy: null, venue: null, invitee: { ...letterRecord.invitee, postalAddress: null } }), record: { ...letterRecord, chair: null, socialWorker: null, replyBy: null, familyReportBy: null, venue: null }, family: true, states: ['We do not have your postal address', 'We have not yet recorded where the meeting will be'] },
  { name: 'agency invitation letter', doc: invitationLetter({ ...letterRecord, invitee: { name: 'Hana Exampleton', role: 'Health visitor', inviteeKind: 'professional', organisationName: 'Sampleshire Health', postalAddress: null } }), record: letterRecord, family: false, states: [...letterFacts, 'Dear Hana Exampleton,', 'Health visitor, Sampleshire Health', 'chair@sampleshire.example'] },
  { name: 'letter to a contact not yet named', doc: invitationLetter({ ...letterRecord, invitee: { name: 'School nurse (to be named)', role: 'School nurse', inviteeKind: 'professional', organisationName: 'Sampleshire Health', postalAddress: null } }), record: letterRecord, family: false, states: ['Dear School nurse,'] },
  { name: 'observer invitation letter', doc: invitationLetter({ ...letterRecord, invitee: { name: 'Ola Observer', role: 'Student social worker', inviteeKind: 'observer', organisationName: null, postalAddress: null } }), record: letterRecord, family: false, states: ['take no part'] },
  { name: 'decisions sheet', doc: decisionsSheetDocument(meeting, { version: 1, familyCopy: false }), record: meeting, family: false, states: ['Sampleshire Council', '2 March 2026', '12 March 2026', '28 May 2026', 'Sam Sampleford', 'Chris Chairington'] },
  { name: 'decisions sheet, family copy', doc: decisionsSheetDocument(meeting, { version: 1, familyCopy: true }), record: meeting, family: true, states: ['Sampleshire Council', 'FAMILY COPY', '12 March 2026', '28 May 2026'] },
  { name: 'conference record', doc: conferenceRecordDocument(meeting, { family: false, excludedParts: [], wholeRecord: false }), record: meeting, family: false, states: ['Sampleshire Council', CONFIDENTIAL, 'Decided before the conference: Threats to staff. Period: while the police report is heard.'] },
  { name: 'conference record, family copy', doc: conferenceRecordDocument(meeting, { family: true, excludedParts: [], wholeRecord: false }), record: meeting, family: true, states: ['Sampleshire Council', 'FAMILY COPY'] },
  { name: 'report, family copy', doc: familyCopyDocument(familyCopyContent(report)), record: report, family: true, states: ['Alpha Testington', '5 January 2026', '2 March 2026'] },
  { name: 'section 47 outcome, parent’s copy', doc: section47FamilyRecordDocument(s47), record: s47, family: true, states: ['Dear Demi Testington,', 'Tuesday 17 February 2026: seen alone.', 'Tuesday 24 February 2026: seen with her mother present. Why: She asked for her mother to stay.', 'Friday 20 March 2026', 'in Polish, with an interpreter', 'Sam Sampleford'] },
  { name: 'section 47 outcome, child’s copy', doc: section47FamilyRecordDocument({ ...s47, forChild: true, recipientName: 'Alpha Testington', outcome: 'not-substantiated', conferenceOn: null, format: 'child-friendly', language: 'English', interpreter: false }), record: s47, family: true, states: ['Dear Alpha Testington,', 'we talked with you on your own', 'We did not find'] },
  { name: 'exclusion letter', doc: exclusionLetterDocument(exclusion), record: exclusion, family: true, states: [
    'Dear Fred Testington,', 'Risk of violence to the mother at the meeting.', 'Chris Chairington, the chair of the conference,', 'part of the conference: while the police report is discussed',
    'Tell Sam Sampleford, the social worker, by phone on 01632 960111', 'chair@sampleshire.example', 'about Alpha Testington comes with this letter',
    'the parts of the conference you attended', 'Contact Sampleshire Council by phone on 01632 960000 or by email at conferences@sampleshire.example', 'conference on 2 March 2026 only'] },
  { name: 'exclusion letter, whole conference, sparse record', doc: exclusionLetterDocument(wholeExclusion), record: wholeExclusion, family: true, states: [
    'should not attend any part of the conference.', 'Sam Supporter, who was coming to support you', 'The social worker will send you the social work report',
    'you will receive the whole record', 'Contact Sampleshire Council, or write to the chair of the conference.'] },
];

// ---- issue 14: the family documents in Polish, then English ----

const POLISH = { kind: 'translated', code: 'pl', name: 'Polish' } as const;
const PL_MONTHS = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'];
const PL_WEEKDAYS = ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela'];

/** Every English sentence the family documents can print (from en.json), long enough to be unmistakably English; once each. */
const ENGLISH_SENTENCES = [...new Set([...(function* walk(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== '_language') yield* walk(x);
})(translationFiles().get('en'))]
  .flatMap((s) => s.split(/\{\{\s*\w+\s*\}\}/))
  .map((s) => s.trim())
  .filter((s) => s.split(/\s+/).length >= 4))];

interface PolishCase {
  name: string;
  doc: DocumentModel;
  record: unknown;
  /** Facts the Polish part must state, from the record, in Polish words. */
  states: string[];
}

/** The Polish part's problems: a Polish date that is not the record's, a wrong weekday, English, confidential text. */
function polishProblems(doc: DocumentModel, c: PolishCase): string[] {
  const found: string[] = [];
  if (doc.language !== 'pl-PL') found.push(`language is ${doc.language ?? 'en-GB'}, not pl-PL`);
  if (doc.followedBy?.language !== undefined && doc.followedBy.language !== 'en-GB') found.push('the copy that follows is not English');
  if (!doc.followedBy) found.push('no English copy follows');
  const { followedBy: _english, ...own } = doc;
  const flat = documentText(own).replace(/\s+/g, ' ');
  const isoDates = new Set(recordStrings(c.record).flatMap((s) => [...s.matchAll(/\b\d{4}-\d{2}-\d{2}/g)].map((m) => m[0])));
  const allowed = new Set([...isoDates].map((iso) => { const d = Temporal.PlainDate.from(iso); return `${d.day} ${PL_MONTHS[d.month - 1]} ${d.year}`; }));
  for (const m of flat.matchAll(/(?:(\p{L}+), )?\b(\d{1,2}) (\p{L}+) (\d{4})\b/gu)) {
    const month = PL_MONTHS.indexOf(m[3]!);
    if (month < 0) { found.push(`a date not in Polish: ${m[0]}`); continue; }
    const date = `${m[2]} ${m[3]} ${m[4]}`;
    if (!allowed.has(date)) found.push(`date not in the record: ${date}`);
    if (m[1] && PL_WEEKDAYS.includes(m[1])) {
      const d = Temporal.PlainDate.from({ year: Number(m[4]), month: month + 1, day: Number(m[2]) });
      if (PL_WEEKDAYS[d.dayOfWeek - 1] !== m[1]) found.push(`wrong weekday: ${m[0]}`);
    }
  }
  for (const english of ENGLISH_SENTENCES) if (flat.includes(english)) found.push(`English in the Polish part: ${english}`);
  if (/\d{4}-\d{2}-\d{2}/.test(flat)) found.push('ISO date in prose');
  for (const p of ['undefined', 'null', 'NaN', '[object Object]', '{{']) if (flat.includes(p)) found.push(`placeholder: ${p}`);
  if (flat.includes(CONFIDENTIAL.slice(0, 30)) || documentText(doc).includes(CONFIDENTIAL.slice(0, 30))) found.push('confidential text in a family document');
  for (const s of c.states) if (!flat.includes(s)) found.push(`does not state: ${s}`);
  return found;
}

const youngPerson = { ...letterRecord, invitee: { name: 'Beta Testington', role: 'Child', inviteeKind: 'child', organisationName: null, postalAddress: '1 Example Row, Demoshire Town, ZZ1 1AA' } };

const POLISH_CASES: PolishCase[] = [
  { name: 'parent’s invitation letter', doc: invitationLetter(letterRecord, POLISH), record: letterRecord, states: [
    'Szanowna Pani / Szanowny Panie (Demi Testington),', 'Alpha Testington i Beta Testington', 'poniedziałek, 15 czerwca 2026, godz. 10:00',
    'Conference Room 1, Sampleshire County Hall, 10 Example Street, Sampleton, ZZ9 9ZZ', 'Chris Chairington', 'Sam Sampleford', 'CP-1A2B3C4D', '1 czerwca 2026',
    'Termin odpowiedzi: środa, 10 czerwca 2026', 'piątek, 12 czerwca 2026, godz. 09:00', 'Tłumacz ustny', 'Około półtorej godziny', 'Koordynator konferencji, Sampleshire Council'] },
  { name: 'online invitation letter', doc: invitationLetter({ ...letterRecord, format: 'virtual' }, POLISH), record: letterRecord, states: ['Online. Przed spotkaniem wyślemy link'] },
  { name: 'young person’s invitation letter', doc: invitationLetter(youngPerson, POLISH), record: letterRecord, states: [
    'Cześć, Beta Testington!', 'Organizujemy spotkanie dotyczące Ciebie oraz Alpha Testington.', 'Zapraszamy Cię do udziału.', 'Twoim pracownikiem socjalnym jest Sam Sampleford.',
    'Daj nam znać, czy możesz przyjść. Termin odpowiedzi: środa, 10 czerwca 2026', 'piątek, 12 czerwca 2026, godz. 09:00', 'Pozdrawiamy serdecznie', 'Koordynator konferencji, Sampleshire Council'] },
  { name: 'decisions sheet, family copy', doc: familyDecisionsSheet(meeting, 1, POLISH), record: meeting, states: ['Sampleshire Council, konferencja z dnia 2 marca 2026', 'EGZEMPLARZ DLA RODZINY', '12 marca 2026', '28 maja 2026', 'Plan ochrony dziecka', 'Chris Chairington'] },
  { name: 'exclusion letter', doc: exclusionLetterFor({ ...exclusion, conferenceOn: '2026-03-02' }, POLISH), record: { ...exclusion, conferenceOn: '2026-03-02' }, states: [
    '(Fred Testington),', 'Risk of violence to the mother at the meeting.', 'Chris Chairington, osoba przewodnicząca konferencji,', 'w części konferencji: while the police report is discussed',
    'Sam Sampleford (telefon: 01632 960111)', 'chair@sampleshire.example', 'dotyczy: Alpha Testington', 'konferencji z dnia 2 marca 2026'] },
  { name: 'conference record, family copy', doc: familyRecordDocument(meeting, { family: true, excludedParts: [], wholeRecord: false }, POLISH), record: meeting, states: [
    'To jest protokół konferencji z dnia 2 marca 2026.', 'Sampleshire Council, konferencja z dnia 2 marca 2026', 'EGZEMPLARZ DLA RODZINY', 'Alpha Testington (ur. 4 maja 2019)',
    'Plan ochrony dziecka', 'Sam Sampleford', '12 marca 2026', '28 maja 2026', 'Chris Chairington', 'Wersja 2, zatwierdzona dnia 5 marca 2026.'] },
  { name: 'report, family copy', doc: familyCopyDocument(familyCopyContent({ ...report, conferenceKind: 'initial', conferenceOn: '2026-03-02' }), POLISH), record: { ...report, conferenceOn: '2026-03-02' }, states: [
    'Raport pracownika socjalnego: egzemplarz dla rodziny', 'Dotyczy: Alpha Testington.', 'Na wstępną konferencję w sprawie ochrony dziecka w dniu 2 marca 2026.', 'EGZEMPLARZ DLA RODZINY, wersja 3.'] },
  { name: 'section 47 outcome, parent’s copy', doc: section47FamilyRecordDocument(s47), record: s47, states: [
    '(Demi Testington),', 'wtorek, 17 lutego 2026: rozmowa z dzieckiem na osobności.', 'wtorek, 24 lutego 2026: dziecko widziane w obecności: her mother. Powód: She asked for her mother to stay.',
    'Termin konferencji: piątek, 20 marca 2026', 'w wybranym przez Pana/Panią języku (polski)', 'Sam Sampleford'] },
];

describe('each family document in Polish states its record’s facts in Polish, then follows in English (issue 14)', () => {
  it.each(POLISH_CASES)('$name: the Polish part', (c) => {
    expect(polishProblems(c.doc, c)).toEqual([]);
  });

  it.each(POLISH_CASES)('$name: as a PDF, Polish letters intact and English after', async (c) => {
    const text = pdfText(await renderPdf(c.doc)).replace(/\s+/g, ' ');
    for (const s of c.states) expect(text).toContain(s);
    expect(text.indexOf(c.doc.followedBy!.title)).toBeGreaterThan(text.indexOf(c.doc.title));
  });

  it.each(POLISH_CASES)('$name: as a Word file, each part in its language', async (c) => {
    const docx = await renderDocx(c.doc);
    const text = docxText(docx).replace(/\s+/g, ' ');
    for (const s of c.states) expect(text).toContain(s);
  });

  it('writes to a young person in Polish as "ty", never in the adult "Pan/Pani" form (issue 14)', () => {
    const polishPart = (doc: DocumentModel) => { const { followedBy: _english, ...own } = doc; return documentText(own).replace(/\s+/g, ' '); };
    const formal = /\b(Pan|Pani|Pana|Panu|Panem|Panią|Państwo|Państwem|Szanowna|Szanowny)\b|Pan\/Pani|Panu\/Pani|Pana\/Pani|Panem\/Panią/u;
    const onlyAboutThem = invitationLetter({ ...youngPerson, subjectChildren: ['Beta Testington'], replyBy: null, familyReportBy: null, socialWorker: null, format: 'virtual', invitee: { ...youngPerson.invitee, postalAddress: null } }, POLISH);
    for (const doc of [invitationLetter(youngPerson, POLISH), onlyAboutThem]) expect(polishPart(doc)).not.toMatch(formal);
    expect(polishPart(onlyAboutThem)).toContain('jak zadbać o Twoje bezpieczeństwo');
    expect(polishPart(onlyAboutThem)).toContain('Nie mamy w naszych rejestrach Twojego adresu pocztowego.');
    // The parent's letter keeps the formal register; the English that follows is the young person's own.
    expect(polishPart(invitationLetter(letterRecord, POLISH))).toMatch(formal);
    expect(documentText(invitationLetter(youngPerson, POLISH).followedBy!)).toContain('Hello Beta Testington,');
  });

  it('the check catches English, a wrong Polish date and a missing English copy', () => {
    const probe: PolishCase = { name: 'probe', doc: { title: 't', blocks: [], language: 'pl-PL' }, record: { on: '2026-03-02' }, states: [] };
    const doc = (text: string): DocumentModel => ({ title: 't', blocks: [{ type: 'paragraph', text }], language: 'pl-PL', followedBy: { title: 'e', blocks: [] } });
    expect(polishProblems(probe.doc, probe)).toEqual(['no English copy follows']);
    expect(polishProblems(doc('Spotkanie: wtorek, 2 marca 2026.'), probe)).toEqual(['wrong weekday: wtorek, 2 marca 2026']);
    expect(polishProblems(doc('Spotkanie: 3 marca 2026.'), probe)).toEqual(['date not in the record: 3 marca 2026']);
    expect(polishProblems(doc('We do not have your postal address on our records.'), probe)).toEqual(['English in the Polish part: We do not have your postal address on our records.']);
    expect(polishProblems(doc(CONFIDENTIAL), probe)).toEqual(['confidential text in a family document']);
  });
});

describe('every document states only what its record holds, and no internal name (issue 14)', () => {
  it.each(CASES)('$name: as text', (c) => {
    expect(problems(documentText(c.doc), c)).toEqual([]);
  });

  it.each(CASES)('$name: as a PDF', async (c) => {
    expect(problems(pdfText(await renderPdf(c.doc)), c)).toEqual([]);
  });

  it.each(CASES)('$name: as a Word file', async (c) => {
    expect(problems(docxText(await renderDocx(c.doc)), c)).toEqual([]);
  });

  it('the calendar entries name no child and print no ISO date in words', () => {
    for (const method of ['REQUEST', 'PUBLISH', 'CANCEL'] as const) {
      const ics = renderIcs({
        method, uid: 'x@convene', sequence: 1, start: letterRecord.start, slotMinutes: 90, summary: 'Child protection conference (ref CP-1A2B3C4D)',
        location: 'Conference Room 1, Sampleshire County Hall, 10 Example Street, Sampleton, ZZ9 9ZZ', description: 'Invitation to a child protection conference on Monday 15 June 2026 at 10:00.',
        organiser: { name: 'Bea Supportwell', email: 'conferences@sampleshire.example' }, attendee: { name: 'Hana Exampleton', email: 'hana@health.example' }, stampedAt: new Date('2026-06-01T08:00:00Z'),
      }).replace(/\r\n /g, '');
      const prose = ics.split('\r\n').filter((l) => /^(SUMMARY|DESCRIPTION|LOCATION):/.test(l)).join('\n');
      expect(prose).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(prose).not.toContain('Testington');
    }
  });

  // The checks themselves: each catches the fault it is for, so a pass means something.
  it('catches a date, an ISO date, a pack name, a placeholder and confidential text that are wrong', () => {
    const c: Case = { name: 'probe', doc: { title: 't', blocks: [] }, record: { on: '2026-03-02' }, family: true, states: [] };
    expect(problems('Held on 3 March 2026.', c)).toEqual(['date not in the record: 3 March 2026']);
    expect(problems('Held on 2 March 2026.', c)).toEqual([]);
    expect(problems('Held on Tuesday 2 March 2026.', c)).toEqual(['wrong weekday: Tuesday 2 March 2026']);
    expect(problems('Held on 2026-03-02.', c)).toContain('ISO date in prose: 2026-03-02');
    expect(problems('National: 2 March 2026', c)).toContain('pack id or name: National');
    expect(problems('Dear Demo Agency practitioner, Demoshire Health Trust (demo),', c)).toContain('placeholder: (demo)');
    expect(problems('See 002_61563a3284bb8811.txt § 2.138 and TS13', c)).toEqual(expect.arrayContaining(['procedure file name', 'bare rule code: TS13']));
    expect(problems(CONFIDENTIAL, c)).toContain('confidential text in a family document');
    expect(problems('Call 01632 960123 or x@y.example; ZZ1 1AA', c)).toEqual(['email not in the record: x@y.example', 'phone not in the record: 01632 960123', 'postcode not in the record: ZZ1 1AA']);
  });
});
