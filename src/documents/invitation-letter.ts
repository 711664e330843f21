import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../domain/deadlines/index.js';
import type { Block, DocumentModel } from './document-model.js';

export interface LetterPerson {
  name: string;
  role: string;
}

/** Everything an invitation letter says (IN3), gathered by the invitations module from the conference. */
export interface InvitationLetterData {
  authorityName: string;
  conferenceTitle: string; // "Initial child protection conference"
  review: boolean;
  /** The instant the conference starts; printed in London time. */
  start: Date;
  slotMinutes: number;
  format: 'face-to-face' | 'virtual' | 'hybrid' | null;
  venue: string | null;
  subjectChildren: string[];
  invitee: LetterPerson & { inviteeKind: string; organisationName: string | null };
  /** Everyone invited, the addressee included: the letter ends with this list. */
  invitees: LetterPerson[];
  chair: { name: string; email: string | null; phone: string | null } | null;
  coordinator: { name: string; email: string | null; phone: string | null };
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

/** "Monday 2 March 2026 at 10:00", London time. */
export function whenText(start: Date): string {
  const z = londonStart(start);
  const day = `${WEEKDAYS[z.dayOfWeek - 1] ?? ''} ${formatDate(z.toPlainDate())}`;
  return `${day} at ${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}

function whereText(d: InvitationLetterData): string {
  if (d.format === 'virtual') return 'Online. The link to join is sent separately before the meeting.';
  const place = d.venue ?? 'The venue will be confirmed';
  return d.format === 'hybrid' ? `${place}, or online if you cannot come in person` : place;
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

function contactLine(p: { name: string; email: string | null; phone: string | null }): string {
  return [p.name, p.email, p.phone].filter(Boolean).join(', ');
}

function common(d: InvitationLetterData): { meeting: Block; invited: Block[] } {
  return {
    meeting: { type: 'keyValue', rows: [['When', whenText(d.start)], ['How long', `About ${Math.round(d.slotMinutes / 30) / 2} hours`], ['Where', whereText(d)], ['About', childrenText(d.subjectChildren)]] },
    invited: [
      { type: 'heading', text: 'Everyone invited' },
      { type: 'table', head: ['Name', 'Role'], rows: d.invitees.map((p) => [p.name, p.role]) },
    ],
  };
}

/** The letter to a parent, carer or young person: plain words, the leaflet, what to expect. */
export function familyInvitationLetter(d: InvitationLetterData): DocumentModel {
  const { meeting, invited } = common(d);
  const young = d.invitee.inviteeKind === 'child';
  const leaflet = young ? YOUNG_PEOPLE_LEAFLET : PARENTS_LEAFLET;
  const blocks: Block[] = [
    { type: 'paragraph', text: `Dear ${d.invitee.name},` },
    { type: 'paragraph', text: `You are invited to ${withArticle(d.conferenceTitle)} about ${childrenText(d.subjectChildren)}. A conference is a meeting where your family and the people who work with you talk about how to keep ${d.subjectChildren.length > 1 ? 'the children' : childrenText(d.subjectChildren)} safe, and agree what happens next.` },
    meeting,
    { type: 'heading', text: 'Before the meeting' },
    { type: 'paragraph', text: 'Please come 20 minutes early so you can meet the chair, who runs the meeting, and ask any questions. If the meeting is online, the chair will contact you before it starts.' },
    { type: 'paragraph', text: `We have included the leaflet “${leaflet}”. It explains what happens at a conference and how you can take part. Your social worker will go through it with you and share their report before the meeting.` },
    { type: 'paragraph', text: 'You can bring a friend, supporter or solicitor to support you. If you need an interpreter, or help because of a disability, tell your social worker as soon as you can so we can arrange it.' },
    { type: 'heading', text: 'If you cannot come' },
    { type: 'paragraph', text: `Please tell us: ${contactLine(d.coordinator)}. You can send your views in writing, or through your social worker.` },
    ...invited,
  ];
  return { title: `Invitation to ${withArticle(d.conferenceTitle)}`, subtitle: `About ${childrenText(d.subjectChildren)}`, marking: 'PRIVATE AND CONFIDENTIAL', blocks, footer: `${d.authorityName}. This letter is confidential: please do not share it.` };
}

/** The letter to a professional (or an observer): the complaints leaflet, the chair's contacts, the report. */
export function agencyInvitationLetter(d: InvitationLetterData): DocumentModel {
  const { meeting, invited } = common(d);
  const observer = d.invitee.inviteeKind === 'observer';
  const blocks: Block[] = [
    { type: 'paragraph', text: `Dear ${d.invitee.name}${d.invitee.organisationName ? `, ${d.invitee.organisationName}` : ''},` },
    { type: 'paragraph', text: `You are invited as ${d.invitee.role.toLowerCase()} to ${withArticle(d.conferenceTitle)} about ${childrenText(d.subjectChildren)}.` },
    meeting,
    { type: 'heading', text: observer ? 'Attending as an observer' : 'Your report' },
    observer
      ? { type: 'paragraph', text: 'The chair agreed that you may observe, and the family consented. Observers take no part in the discussion or the decisions.' }
      : { type: 'paragraph', text: `Please send a written report${d.reportWanted ? ` ${d.reportWanted}` : ' before the conference'}, using your agency's form. If you cannot attend, send a colleague who knows the family and has been briefed, tell the co-ordinator, and send your report anyway.` },
    { type: 'heading', text: 'The chair' },
    { type: 'paragraph', text: d.chair ? `The conference is chaired by ${contactLine(d.chair)}.` : 'The chair will be confirmed; the co-ordinator can tell you who it is.' },
    { type: 'paragraph', text: `We have included the leaflet “${COMPLAINTS_LEAFLET}”, given to the family so they know how to raise a concern about the conference.` },
    { type: 'paragraph', text: `To reply, or to ask anything: ${contactLine(d.coordinator)}.` },
    ...invited,
  ];
  return { title: `Invitation to ${withArticle(d.conferenceTitle)}`, subtitle: `About ${childrenText(d.subjectChildren)}`, marking: 'CONFIDENTIAL', blocks, footer: `${d.authorityName}. Confidential: not to be shared without the chair's agreement.` };
}

export function invitationLetter(d: InvitationLetterData): DocumentModel {
  return ['parent', 'child', 'family-member'].includes(d.invitee.inviteeKind) ? familyInvitationLetter(d) : agencyInvitationLetter(d);
}

/** Which leaflets travel with this letter (IN3), for the confirmation page and the email body. */
export function leafletsFor(inviteeKind: string): string[] {
  if (inviteeKind === 'child') return [YOUNG_PEOPLE_LEAFLET];
  if (inviteeKind === 'parent' || inviteeKind === 'family-member') return [PARENTS_LEAFLET];
  return [COMPLAINTS_LEAFLET];
}
