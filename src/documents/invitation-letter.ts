import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../domain/deadlines/index.js';
import { CONFERENCE_KIND_LABELS } from '../domain/conference/kinds.js';
import type { Block, DocumentModel } from './document-model.js';
import { english, inFamilyLanguage, type FamilyLanguage, type Translator } from './family-language.js';

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

function whereText(d: InvitationLetterData, tr: Translator = english()): string {
  if (d.format === 'virtual') return tr.t('invitation.whereOnline');
  const lines = venueLines(d.venue);
  if (lines.length === 0) return tr.t('invitation.whereUnknown');
  const place = lines.join(', ');
  return d.format === 'hybrid' ? tr.t('invitation.whereHybrid', { place }) : place;
}

/** The conference's kind, from its printed title, so each language can name it in its own words. */
function kindKey(title: string): string {
  const entry = Object.entries(CONFERENCE_KIND_LABELS).find(([, label]) => label.toLowerCase() === title.toLowerCase());
  return entry ? entry[0] : 'other';
}

/** "an initial …" / "a review …" (English); the other languages' files name each kind themselves. */
function withArticle(title: string): string {
  const t = title.toLowerCase();
  return `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
}

/** "an initial child protection conference", in the words of the language (named: as a subject; invited: as an object). */
function conferenceNamed(title: string, tr: Translator, form: 'named' | 'invited'): string {
  const key = kindKey(title);
  return key === 'other' && tr.code === 'en' ? withArticle(title) : tr.t(`conferenceKind.${key}.${form}`);
}

function childrenText(children: string[], tr: Translator = english()): string {
  if (children.length <= 1) return children[0] ?? tr.t('invitation.theChild');
  return tr.list(children);
}

function contactLine(p: Contact): string {
  return [p.name, p.email, p.phone].filter(Boolean).join(', ');
}

/** How to reach someone, in words: "phone … or email …". */
function reachText(p: Contact, tr: Translator = english()): string {
  const ways = [p.phone ? tr.t('invitation.reachPhone', { phone: p.phone }) : null, p.email ? tr.t('invitation.reachEmail', { email: p.email }) : null].filter(Boolean);
  return ways.length ? ways.join(tr.t('invitation.reachOr')) : tr.t('invitation.reachNone');
}

/** "About an hour and a half": to the nearest half hour, in words. */
export function howLong(minutes: number, tr: Translator = english()): string {
  const halves = Math.max(1, Math.round(minutes / 30));
  const hours = Math.floor(halves / 2);
  const half = halves % 2 === 1;
  if (hours === 0) return tr.t('invitation.howLongHalf');
  if (hours === 1) return half ? tr.t('invitation.howLongHourAndHalf') : tr.t('invitation.howLongHour');
  return half ? tr.t('invitation.howLongHoursAndHalf', { count: hours }) : tr.t('invitation.howLongHours', { count: hours });
}

/**
 * The sentences that speak to the reader, which a young person reads in their own register
 * (issue 14): Polish writes to a parent as "Pan/Pani" and to a young person as "ty", so each has
 * its own key under `invitationYoung` (English keeps the same words for both).
 */
const YOUNG_KEYS = new Set(['footer', 'noAddress', 'you', 'youAnd', 'holding', 'talk', 'noFullAddress', 'socialWorker', 'noSocialWorker', 'replyBy', 'replyAsap', 'reportBy', 'reportBefore', 'comeEarly', 'chairCalls', 'advocate', 'friend', 'interpreter', 'leafletGuide', 'leafletComplaints', 'cannotCome', 'cannotComeText', 'yoursSincerely']);

/** The key of an invitation sentence for this reader: the young person's own where there is one. */
function invitationKey(key: string, young: boolean): string {
  return young && YOUNG_KEYS.has(key) ? `invitationYoung.${key}` : `invitation.${key}`;
}

function letterHead(d: InvitationLetterData, addressed: boolean, tr: Translator = english()): Block[] {
  const address = d.invitee.postalAddress?.split(/\s*,\s*/).filter(Boolean) ?? [];
  const blocks: Block[] = [];
  if (addressed) {
    blocks.push({ type: 'lines', lines: [d.invitee.name, ...(address.length ? address : [tr.t(invitationKey('noAddress', d.invitee.inviteeKind === 'child'))])] });
  }
  blocks.push({ type: 'keyValue', rows: [[tr.t('invitation.date'), tr.date(d.letterDate)], [tr.t('invitation.reference'), d.reference]] });
  return blocks;
}

function meetingFacts(d: InvitationLetterData, tr: Translator = english()): Block {
  return {
    type: 'keyValue',
    rows: [[tr.t('invitation.when'), tr.when(d.start)], [tr.t('invitation.howLong'), howLong(d.slotMinutes, tr)], [tr.t('invitation.where'), whereText(d, tr)], [tr.t('invitation.about'), childrenText(d.subjectChildren, tr)]],
  };
}

function everyoneInvited(d: InvitationLetterData, tr: Translator = english()): Block[] {
  return [
    { type: 'heading', text: tr.t('invitation.everyone') },
    { type: 'table', head: [tr.t('invitation.name'), tr.t('invitation.role')], rows: d.invitees.map((p) => [p.name, p.role]) },
  ];
}

function signOff(d: InvitationLetterData, tr: Translator = english()): Block[] {
  return [
    { type: 'paragraph', text: tr.t(invitationKey('yoursSincerely', d.invitee.inviteeKind === 'child')) },
    { type: 'lines', lines: [d.coordinator.name, tr.t('invitation.coordinator', { authority: d.authorityName })] },
  ];
}

/**
 * The letter to a parent, carer or young person: short sentences, every fact from the record, what
 * to do next. Every sentence comes from the translation files (issue 14), so the same letter can
 * be written in the family's language: `familyInvitationLetterFor` decides which.
 */
export function familyInvitationLetter(d: InvitationLetterData, tr: Translator = english()): DocumentModel {
  const young = d.invitee.inviteeKind === 'child';
  // A young person is written to in their own register where the language has one (issue 14).
  const t = (key: string, options: Record<string, unknown> = {}): string =>
    String(tr.t(key.startsWith('invitation.') ? invitationKey(key.slice('invitation.'.length), young) : key, options));
  const leaflet = tr.quoted(t(young ? 'leaflet.youngPeople' : 'leaflet.parents'));
  const children = childrenText(d.subjectChildren, tr);
  // A young person the conference is about is told it is about them.
  const others = d.subjectChildren.filter((c) => c !== d.invitee.name);
  const aboutYou = young && others.length < d.subjectChildren.length;
  const about = aboutYou ? (others.length ? t('invitation.youAnd', { others: childrenText(others, tr) }) : t('invitation.you')) : children;
  const safeWho = aboutYou && others.length === 0 ? t('invitation.you') : d.subjectChildren.length > 1 ? t('invitation.theChildren') : children;
  const inPerson = d.format !== 'virtual';
  const reach = reachText(d.coordinator, tr);
  const blocks: Block[] = [
    { type: 'paragraph', text: t(young ? 'invitationYoung.dear' : 'common.dear', { name: d.invitee.name }) },
    { type: 'paragraph', text: t('invitation.holding', { about, conference: conferenceNamed(d.conferenceTitle, tr, 'named') }) },
    { type: 'paragraph', text: young && aboutYou && others.length === 0 ? t('invitationYoung.talkAboutYou') : t('invitation.talk', { who: safeWho }) },
    { type: 'heading', text: t('invitation.whenWhere') },
    meetingFacts(d, tr),
    ...(d.format !== 'virtual' && !venueFindable(d.venue) && venueLines(d.venue).length > 0
      ? [{ type: 'paragraph', text: t('invitation.noFullAddress', { reach }) } as Block]
      : []),
    { type: 'heading', text: t('invitation.whoThere') },
    { type: 'paragraph', text: d.chair ? t('invitation.chair', { name: d.chair.name }) : t('invitation.noChair') },
    { type: 'paragraph', text: d.socialWorker ? t('invitation.socialWorker', { name: d.socialWorker.name }) : t('invitation.noSocialWorker') },
    { type: 'paragraph', text: t('invitation.othersListed') },
    { type: 'heading', text: t('invitation.pleaseReply') },
    { type: 'paragraph', text: d.replyBy ? t('invitation.replyBy', { day: tr.day(d.replyBy), reach, reference: d.reference }) : t('invitation.replyAsap', { reach, reference: d.reference }) },
    { type: 'heading', text: t('invitation.beforeMeeting') },
    { type: 'paragraph', text: d.familyReportBy ? t('invitation.reportBy', { due: tr.due(d.familyReportBy) }) : t('invitation.reportBefore') },
    { type: 'paragraph', text: inPerson ? t('invitation.comeEarly') : t('invitation.chairCalls') },
    { type: 'heading', text: t('invitation.help') },
    // The interpreter offer is among them: in the family's own language when the letter is (issue 14).
    { type: 'list', items: [t('invitation.advocate'), t('invitation.friend'), t('invitation.interpreter')] },
    { type: 'heading', text: t('invitation.leaflets') },
    { type: 'list', items: [t('invitation.leafletGuide', { leaflet }), t('invitation.leafletComplaints', { leaflet: tr.quoted(t('leaflet.complaints')) })] },
    { type: 'heading', text: t('invitation.cannotCome') },
    { type: 'paragraph', text: t('invitation.cannotComeText', { reach }) },
    ...signOff(d, tr),
    ...everyoneInvited(d, tr),
  ];
  return {
    preamble: letterHead(d, true, tr),
    title: t('invitation.title', { conference: conferenceNamed(d.conferenceTitle, tr, 'invited') }),
    subtitle: t('invitation.subtitle', { children }),
    marking: t('invitation.marking'),
    blocks,
    footer: t('invitation.footer', { authority: d.authorityName }),
  };
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

/**
 * The invitee's letter. A family member whose record names another language gets it in that
 * language and then in English (issue 14); professionals' letters stay in English.
 */
export function invitationLetter(d: InvitationLetterData, language: FamilyLanguage = { kind: 'english' }): DocumentModel {
  return isFamilyKind(d.invitee.inviteeKind) ? inFamilyLanguage(language, (tr) => familyInvitationLetter(d, tr)) : agencyInvitationLetter(d);
}

/** Which leaflets travel with this letter (IN3), for the confirmation page and the email body. */
export function leafletsFor(inviteeKind: string): string[] {
  if (inviteeKind === 'child') return [YOUNG_PEOPLE_LEAFLET, COMPLAINTS_LEAFLET];
  if (inviteeKind === 'parent' || inviteeKind === 'family-member') return [PARENTS_LEAFLET, COMPLAINTS_LEAFLET];
  return [COMPLAINTS_LEAFLET];
}
