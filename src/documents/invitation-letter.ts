import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../domain/deadlines/index.js';
import type { Block, DocumentModel } from './document-model.js';

export interface LetterPerson {
  name: string;
  role: string;
}

export interface Contact {
  name: string;
  email: string | null;
  phone: string | null;
}

/** Where the conference is held, each part as the record has it (null where the record lacks it). */
export interface VenueFacts {
  /** The room, e.g. "Conference Room 1"; or the whole venue as typed at booking. */
  room: string | null;
  building: string | null;
  street: string | null;
  town: string | null;
  postcode: string | null;
}

/** Everything an invitation letter says (IN3), gathered by the invitations module from the conference. */
export interface InvitationLetterData {
  authorityName: string;
  conferenceTitle: string; // "Initial child protection conference"
  review: boolean;
  /** The day the letter is dated (London), ISO "YYYY-MM-DD". */
  letterDate: string;
  /** Our reference, printed on the letter and quoted in replies. */
  reference: string;
  /** The instant the conference starts; printed in London time. */
  start: Date;
  slotMinutes: number;
  format: 'face-to-face' | 'virtual' | 'hybrid' | null;
  venue: VenueFacts | null;
  subjectChildren: string[];
  invitee: LetterPerson & { inviteeKind: string; organisationName: string | null; postalAddress: string | null };
  /** Everyone invited, the addressee included: the letter ends with this list. */
  invitees: LetterPerson[];
  chair: Contact | null;
  socialWorker: Contact | null;
  coordinator: Contact;
  /** ISO date: please reply by (TS17's lead time: the chair plans attendance, observers and exclusions then). */
  replyBy: string | null;
  /** ISO date or date-time: when the family will have the social worker's report (TS13, or TS16 if earlier). */
  familyReportBy: string | null;
  /** "the day before" / "by 26 February 2026": when agencies' reports are wanted, if known. */
  reportWanted: string | null;
}

export const PARENTS_LEAFLET = 'Child protection conferences: a guide for parents and carers';
export const YOUNG_PEOPLE_LEAFLET = 'What is a conference? Young people and child protection conferences';
export const COMPLAINTS_LEAFLET = 'Child protection conferences: complaints, a guide for parents and carers';

export function londonStart(start: Date): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO('Europe/London');
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday 2 March 2026" for an ISO date. */
export function dayText(isoDate: string): string {
  const d = Temporal.PlainDate.from(isoDate.slice(0, 10));
  return `${WEEKDAYS[d.dayOfWeek - 1] ?? ''} ${formatDate(d)}`;
}

/** "Monday 2 March 2026 at 10:00", London time. */
export function whenText(start: Date): string {
  const z = londonStart(start);
  return `${dayText(z.toPlainDate().toString())} at ${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}

/** A due date or date-time in words: "Monday 2 March 2026" or "10:00 on Monday 2 March 2026". */
export function dueText(iso: string): string {
  return iso.length > 10 ? `${iso.slice(11, 16)} on ${dayText(iso)}` : dayText(iso);
}

/** The venue's lines (room, building, street, town, postcode), the ones the record has. */
export function venueLines(v: VenueFacts | null): string[] {
  if (!v) return [];
  return [v.room, v.building, v.street, v.town, v.postcode].filter((x): x is string => Boolean(x?.trim()));
}

const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/i;

/** Whether the record has enough to find the building: a postcode, or a street. */
function venueFindable(v: VenueFacts | null): boolean {
  return Boolean(v && (v.postcode || v.street || venueLines(v).some((l) => UK_POSTCODE.test(l))));
}

function whereText(d: InvitationLetterData): string {
  if (d.format === 'virtual') return 'Online. We will send you the link to join before the meeting.';
  const lines = venueLines(d.venue);
  if (lines.length === 0) return 'We have not yet recorded where the meeting will be. We will write to tell you.';
  const place = lines.join(', ');
  return d.format === 'hybrid' ? `${place}. You can also join online if you cannot come in person.` : place;
}

/** "an initial …" / "a review …". */
function withArticle(title: string): string {
  const t = title.toLowerCase();
  return `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
}

function childrenText(children: string[]): string {
  if (children.length <= 1) return children[0] ?? 'the child';
  return `${children.slice(0, -1).join(', ')} and ${children[children.length - 1]}`;
}

function contactLine(p: Contact): string {
  return [p.name, p.email, p.phone].filter(Boolean).join(', ');
}

/** How to reach someone, in words: "by phone on …, or by email at …". */
function reachText(p: Contact): string {
  const ways = [p.phone ? `phone ${p.phone}` : null, p.email ? `email ${p.email}` : null].filter(Boolean);
  return ways.length ? ways.join(' or ') : 'write to us at the address on this letter';
}

/** "About an hour and a half": to the nearest half hour, in words. */
export function howLong(minutes: number): string {
  const halves = Math.max(1, Math.round(minutes / 30));
  const hours = Math.floor(halves / 2);
  const half = halves % 2 === 1;
  if (hours === 0) return 'About half an hour';
  if (hours === 1) return half ? 'About an hour and a half' : 'About 1 hour';
  return `About ${hours}${half ? ' and a half' : ''} hours`;
}

function letterHead(d: InvitationLetterData, addressed: boolean): Block[] {
  const address = d.invitee.postalAddress?.split(/\s*,\s*/).filter(Boolean) ?? [];
  const blocks: Block[] = [];
  if (addressed) {
    blocks.push({ type: 'lines', lines: [d.invitee.name, ...(address.length ? address : ['We do not have your postal address on our records.'])] });
  }
  blocks.push({ type: 'keyValue', rows: [['Date', formatDate(d.letterDate)], ['Our reference', d.reference]] });
  return blocks;
}

function meetingFacts(d: InvitationLetterData): Block {
  return { type: 'keyValue', rows: [['When', whenText(d.start)], ['How long', howLong(d.slotMinutes)], ['Where', whereText(d)], ['About', childrenText(d.subjectChildren)]] };
}

function everyoneInvited(d: InvitationLetterData): Block[] {
  return [
    { type: 'heading', text: 'Everyone invited' },
    { type: 'table', head: ['Name', 'Role'], rows: d.invitees.map((p) => [p.name, p.role]) },
  ];
}

function signOff(d: InvitationLetterData): Block[] {
  return [
    { type: 'paragraph', text: 'Yours sincerely,' },
    { type: 'lines', lines: [d.coordinator.name, `Conference co-ordinator, ${d.authorityName}`] },
  ];
}

/** The letter to a parent, carer or young person: short sentences, every fact from the record, what to do next. */
export function familyInvitationLetter(d: InvitationLetterData): DocumentModel {
  const young = d.invitee.inviteeKind === 'child';
  const leaflet = young ? YOUNG_PEOPLE_LEAFLET : PARENTS_LEAFLET;
  const children = childrenText(d.subjectChildren);
  // A young person the conference is about is told it is about them.
  const others = d.subjectChildren.filter((c) => c !== d.invitee.name);
  const about = young && others.length < d.subjectChildren.length ? (others.length ? `you and ${childrenText(others)}` : 'you') : children;
  const safeWho = d.subjectChildren.length > 1 ? 'the children' : children;
  const inPerson = d.format !== 'virtual';
  const blocks: Block[] = [
    { type: 'paragraph', text: `Dear ${d.invitee.name},` },
    { type: 'paragraph', text: `We are holding a meeting about ${about}. It is called ${withArticle(d.conferenceTitle)}. We would like you to come.` },
    { type: 'paragraph', text: `At the meeting, you, your family and the people who work with you will talk about how to keep ${about === 'you' ? 'you' : safeWho} safe. Together we will agree what happens next.` },
    { type: 'heading', text: 'When and where' },
    meetingFacts(d),
    ...(d.format !== 'virtual' && !venueFindable(d.venue) && venueLines(d.venue).length > 0
      ? [{ type: 'paragraph', text: `We do not have the full address of this building on our records. Please ask us how to get there: ${reachText(d.coordinator)}.` } as Block]
      : []),
    { type: 'heading', text: 'Who will be there' },
    { type: 'paragraph', text: d.chair ? `The meeting is run by the chair, ${d.chair.name}.` : 'We have not yet recorded who will run the meeting (the chair). We will tell you who it is.' },
    { type: 'paragraph', text: d.socialWorker ? `Your social worker is ${d.socialWorker.name}.` : 'We do not have a named social worker for your family on our records yet. We will tell you who it is.' },
    { type: 'paragraph', text: 'The other people invited are listed at the end of this letter.' },
    { type: 'heading', text: 'Please reply' },
    { type: 'paragraph', text: d.replyBy ? `Please tell us by ${dayText(d.replyBy)} if you can come. To reply, ${reachText(d.coordinator)}. Please quote our reference, ${d.reference}.` : `Please tell us as soon as you can if you can come. To reply, ${reachText(d.coordinator)}. Please quote our reference, ${d.reference}.` },
    { type: 'heading', text: 'Before the meeting' },
    { type: 'paragraph', text: d.familyReportBy
      ? `Your social worker will write a report for the meeting. They will show it to you by ${dueText(d.familyReportBy)}. If you have not seen it by then, tell us.`
      : 'Your social worker will write a report for the meeting and show it to you before the meeting.' },
    { type: 'paragraph', text: inPerson ? 'Please come 20 minutes early. You can meet the chair and ask any questions before the meeting starts.' : 'The chair will call you before the meeting starts. You can ask any questions then.' },
    { type: 'heading', text: 'Help you can have' },
    { type: 'list', items: [
      'An independent advocate. This is a person who is not from social care. They can help you say what you think. Ask your social worker, or ask us, and we will arrange one.',
      'A friend, supporter or solicitor can come with you.',
      'An interpreter, or help because of a disability. Tell your social worker as soon as you can, so we can arrange it.',
    ] },
    { type: 'heading', text: 'Leaflets with this letter' },
    { type: 'list', items: [`“${leaflet}” tells you what happens at the meeting and how you can take part.`, `“${COMPLAINTS_LEAFLET}” tells you what to do if you are unhappy with the meeting or what it decides.`] },
    { type: 'heading', text: 'If you cannot come' },
    { type: 'paragraph', text: `Please tell us: ${reachText(d.coordinator)}. You can send us your views in writing, or tell your social worker what you think.` },
    ...signOff(d),
    ...everyoneInvited(d),
  ];
  return { preamble: letterHead(d, true), title: `Invitation to ${withArticle(d.conferenceTitle)}`, subtitle: `About ${children}`, marking: 'PRIVATE AND CONFIDENTIAL', blocks, footer: `${d.authorityName}. This letter is private. Please keep it safe.` };
}

/** "Dear Hana Exampleton," or, where only a role is known ("School nurse (to be named)"), "Dear School nurse,". */
function greetingName(invitee: InvitationLetterData['invitee']): string {
  return invitee.name.replace(/\s*\(to be named\)\s*$/i, '').trim() || invitee.role;
}

function roleText(invitee: InvitationLetterData['invitee']): string {
  return `Your role at the conference: ${invitee.role}${invitee.organisationName ? `, ${invitee.organisationName}` : ''}.`;
}

/** The letter to a professional (or an observer): the complaints leaflet, the chair's contacts, the report. */
export function agencyInvitationLetter(d: InvitationLetterData): DocumentModel {
  const observer = d.invitee.inviteeKind === 'observer';
  const blocks: Block[] = [
    { type: 'paragraph', text: `Dear ${greetingName(d.invitee)},` },
    { type: 'paragraph', text: `You are invited to ${withArticle(d.conferenceTitle)} about ${childrenText(d.subjectChildren)}. ${roleText(d.invitee)}` },
    { type: 'heading', text: 'When and where' },
    meetingFacts(d),
    { type: 'heading', text: observer ? 'Attending as an observer' : 'Your report' },
    observer
      ? { type: 'paragraph', text: 'The chair agreed that you may observe, and the family consented. Observers take no part in the discussion or the decisions.' }
      : { type: 'paragraph', text: `Please send a written report${d.reportWanted ? ` ${d.reportWanted}` : ' before the conference'}, using your agency's form. If you cannot attend, send a colleague who knows the family and has been briefed, tell the co-ordinator, and send your report anyway.` },
    { type: 'heading', text: 'The chair and the social worker' },
    { type: 'paragraph', text: d.chair ? `The conference is chaired by ${contactLine(d.chair)}.` : 'The chair is not yet recorded; the co-ordinator can tell you who it is.' },
    { type: 'paragraph', text: d.socialWorker ? `The children's social worker is ${contactLine(d.socialWorker)}.` : 'No social worker is recorded for the children yet.' },
    { type: 'paragraph', text: `We have included the leaflet “${COMPLAINTS_LEAFLET}”. The family receive it too, so they know how to raise a concern about the conference.` },
    { type: 'paragraph', text: d.replyBy ? `Please reply by ${dayText(d.replyBy)}, quoting ${d.reference}: ${contactLine(d.coordinator)}.` : `Please reply, quoting ${d.reference}: ${contactLine(d.coordinator)}.` },
    ...signOff(d),
    ...everyoneInvited(d),
  ];
  return { preamble: letterHead(d, false), title: `Invitation to ${withArticle(d.conferenceTitle)}`, subtitle: `About ${childrenText(d.subjectChildren)}`, marking: 'CONFIDENTIAL', blocks, footer: `${d.authorityName}. Confidential: not to be shared without the chair's agreement.` };
}

export function isFamilyKind(inviteeKind: string): boolean {
  return ['parent', 'child', 'family-member'].includes(inviteeKind);
}

export function invitationLetter(d: InvitationLetterData): DocumentModel {
  return isFamilyKind(d.invitee.inviteeKind) ? familyInvitationLetter(d) : agencyInvitationLetter(d);
}

/** Which leaflets travel with this letter (IN3), for the confirmation page and the email body. */
export function leafletsFor(inviteeKind: string): string[] {
  if (inviteeKind === 'child') return [YOUNG_PEOPLE_LEAFLET, COMPLAINTS_LEAFLET];
  if (inviteeKind === 'parent' || inviteeKind === 'family-member') return [PARENTS_LEAFLET, COMPLAINTS_LEAFLET];
  return [COMPLAINTS_LEAFLET];
}
