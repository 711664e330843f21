import { and, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, familyParticipation, organisations, outboxMessages, users } from '../../db/schema/index.js';
import { CONFERENCE_KIND_LABELS, isInitialKind, type ConferenceKind } from '../../domain/conference/kinds.js';
import { replyByDate } from '../../domain/invitations/timing.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { reportDeadlines } from '../../domain/reports/report-deadlines.js';
import type { DocumentModel } from '../../documents/document-model.js';
import { renderIcs, type CalendarMethod } from '../../documents/invitation-ics.js';
import { COMPLAINTS_LEAFLET, invitationLetter, isFamilyKind, PARENTS_LEAFLET, venueLines, YOUNG_PEOPLE_LEAFLET, type Contact, type InvitationLetterData } from '../../documents/invitation-letter.js';
import { bilingualBody, bilingualLine, english, type FamilyLanguage, type Translator } from '../../documents/family-language.js';
import { familyLanguagesFor } from './family-languages.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { ConflictError } from '../shared/errors.js';
import { anyOf } from '../shared/any-of.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import type { InvitationRow, InvitationState } from './invitation-state.js';

export type Coordinator = InvitationLetterData['coordinator'];

/** Whoever sends the invitations is the co-ordinator the letters name for replies (IN4). */
export async function coordinatorOf(db: Queryable, userId: string | null): Promise<Coordinator> {
  if (!userId) return { name: 'The conference co-ordinator', email: null, phone: null };
  const [u] = await db.select({ name: users.displayName, email: users.email, teamEmail: organisations.secureEmail, phone: organisations.phone }).from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, userId));
  // Replies go to the person, or where they have no address of their own, to the authority's secure inbox.
  return u ? { name: u.name, email: u.email ?? u.teamEmail, phone: u.phone } : { name: 'The conference co-ordinator', email: null, phone: null };
}

/** Everyone on the list who is or will be invited: what each letter ends with (IN3). */
export function invitedList(state: InvitationState): { name: string; role: string }[] {
  // A contact not yet named reads as such, not as "GP (Sampleton Surgery) (to be named)".
  return state.invitations.filter((i) => i.state === 'confirmed' || i.state === 'sent')
    .map((i) => ({ name: /\(to be named\)\s*$/i.test(i.name) ? 'Not yet named' : i.name, role: i.role }));
}

/** Our reference for a conference: printed on its letters and calendar entries, quoted in replies. */
export function conferenceReference(conferenceId: string): string {
  return `CP-${conferenceId.slice(0, 8).toUpperCase()}`;
}

/** The facts a letter states that the invitation state does not hold: the social worker and the dates from the pack. */
export interface LetterFacts {
  letterDate: string;
  socialWorker: Contact | null;
  replyBy: string | null;
  familyReportBy: string | null;
  /** Issue 14: each family invitee's language, by invitation id; anyone absent gets English. */
  languages: ReadonlyMap<string, FamilyLanguage>;
}

/**
 * Reads what every letter for this conference states beyond the invitation list: the subject
 * children's social worker, the day to reply by (TS17's lead time) and the day the family will
 * have the social worker's report (TS13, or TS16 where a parent has a learning disability or
 * needs the report translated and that is earlier; RP5).
 */
export async function letterFacts(db: Queryable, state: InvitationState, now: Date): Promise<LetterFacts> {
  const c = state.conference;
  const letterDate = londonIsoDate(now);
  const languages = await familyLanguagesFor(db, c.id);
  const subjectCases = state.children.filter((ch) => ch.role === 'subject').map((ch) => ch.caseId);
  const [worker] = subjectCases.length
    ? await db.select({ name: users.displayName, email: users.email, phone: organisations.phone })
      .from(cases).innerJoin(users, eq(users.id, cases.socialWorkerId)).innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(inArray(cases.id, subjectCases)).limit(1)
    : [];
  if (!c.scheduledStart) return { letterDate, socialWorker: worker ?? null, replyBy: null, familyReportBy: null, languages };
  const calendar = await workingCalendar(db);
  const kind = c.kind as ConferenceKind;
  const needs = await db.select({ id: familyParticipation.id }).from(familyParticipation)
    .where(and(eq(familyParticipation.conferenceId, c.id), or(eq(familyParticipation.learningDisability, true), eq(familyParticipation.needsTranslation, true)))).limit(1);
  const { toFamily } = reportDeadlines({
    kind: 'social-work', pack: c.pack as PackId, conferenceType: isInitialKind(kind) ? 'initial' : 'review',
    conferenceStart: londonDateTimeOf(c.scheduledStart), calendar, familyNeedsTime: needs.length > 0,
  });
  return {
    letterDate,
    socialWorker: worker ?? null,
    replyBy: replyByDate(c.pack as PackId, kind, londonIsoDate(c.scheduledStart), letterDate, calendar),
    familyReportBy: toFamily ? (toFamily.due.kind === 'date' ? toFamily.due.date : toFamily.due.dateTime.slice(0, 16)) : null,
    languages,
  };
}

export function letterData(state: InvitationState, invitation: InvitationRow, coordinator: Coordinator, facts: LetterFacts): InvitationLetterData {
  const c = state.conference;
  if (!c.scheduledStart) throw new ConflictError('The conference has no date yet: book it before sending invitations.');
  const kind = c.kind as ConferenceKind;
  return {
    authorityName: state.authorityName,
    conferenceTitle: CONFERENCE_KIND_LABELS[kind] ?? 'Child protection conference',
    review: !isInitialKind(kind),
    letterDate: facts.letterDate,
    reference: conferenceReference(c.id),
    start: c.scheduledStart,
    slotMinutes: c.slotMinutes,
    format: c.format === 'virtual' || c.format === 'hybrid' || c.format === 'face-to-face' ? c.format : null,
    venue: state.venueFacts,
    subjectChildren: state.children.filter((ch) => ch.role === 'subject').map((ch) => ch.name),
    invitee: { name: invitation.name, role: invitation.role, inviteeKind: invitation.inviteeKind, organisationName: invitation.organisationName, postalAddress: invitation.postalAddress },
    invitees: invitedList(state),
    chair: state.chair ? { name: state.chair.name, email: state.chair.email, phone: state.chair.phone } : null,
    socialWorker: facts.socialWorker,
    coordinator,
    replyBy: facts.replyBy,
    familyReportBy: facts.familyReportBy,
    reportWanted: null,
  };
}

const LEAFLET_KEYS: Record<string, string> = { [PARENTS_LEAFLET]: 'leaflet.parents', [YOUNG_PEOPLE_LEAFLET]: 'leaflet.youngPeople', [COMPLAINTS_LEAFLET]: 'leaflet.complaints' };

export interface InvitationEmail {
  name: string;
  when: Date;
  email: boolean;
  leaflets: string[];
  replyBy: string | null;
  reference: string;
  /** Already in words, with its leading blank line; professionals only. */
  reportLink: string;
  coordinator: Coordinator;
  /** A young person is greeted in their own register (issue 14: "Cześć", not "Szanowna Pani"). */
  young?: boolean;
}

function emailText(e: InvitationEmail, tr: Translator): string {
  const t = tr.t;
  const leaflets = tr.list(e.leaflets.map((l) => tr.quoted(LEAFLET_KEYS[l] ? t(LEAFLET_KEYS[l]) : l)));
  // A young person's note is in their own words, as their letter is (issue 14); everyone else's in the invitation's.
  const key = (part: 'Invited' | 'Attached' | 'AttachedWithCalendar' | 'Leaflets' | 'ReplyBy') => (e.young ? `invitationYoung.email${part}` : `email.invitation${part}`);
  return `${t(e.young ? 'invitationYoung.dear' : 'common.dear', { name: e.name.replace(/\s*\(to be named\)$/, '') })}\n\n${t(key('Invited'), { when: tr.when(e.when) })} `
    + `${t(key(e.email ? 'AttachedWithCalendar' : 'Attached'))}${e.leaflets.length ? ` ${t(key('Leaflets'), { count: e.leaflets.length, leaflets })}` : ''}`
    + `${e.replyBy ? `\n\n${t(key('ReplyBy'), { date: tr.date(e.replyBy), reference: e.reference })}` : ''}${e.reportLink}`
    + `\n\n${e.coordinator.name}${e.coordinator.email ? `\n${e.coordinator.email}` : ''}`;
}

/**
 * The email (or covering note) that carries an invitation letter. A family member whose letter is
 * in their language reads this in it first, then in English (issue 14); where no translation
 * exists, the English says an interpreter will go through the letter with them.
 */
export function invitationEmailBody(e: InvitationEmail, language: FamilyLanguage = { kind: 'english' }): string {
  return bilingualBody(language, (tr) => emailText(e, tr), emailText(e, english()));
}

export function letterDocument(state: InvitationState, invitation: InvitationRow, coordinator: Coordinator, facts: LetterFacts): DocumentModel {
  return invitationLetter(letterData(state, invitation, coordinator, facts), facts.languages.get(invitation.id));
}

/**
 * How many calendar files this invitee has been sent for this conference (invitations, new dates,
 * cancellations): the next file's SEQUENCE, so a calendar replaces the old entry (RFC 5545 § 3.8.7.4).
 */
export async function calendarSequence(db: Queryable, invitationId: string): Promise<number> {
  return (await calendarSequences(db, [invitationId])).get(invitationId) ?? 0;
}

/** `calendarSequence` for several invitations in one statement (sending a conference's invitations). */
export async function calendarSequences(db: Queryable, invitationIds: string[]): Promise<Map<string, number>> {
  const sequences = new Map(invitationIds.map((id) => [id, 0]));
  if (invitationIds.length === 0) return sequences;
  const rows = await db.select({ relatedId: outboxMessages.relatedId, attachments: outboxMessages.attachments }).from(outboxMessages)
    .where(and(anyOf(outboxMessages.relatedId, invitationIds), inArray(outboxMessages.relatedType, ['invitation', 'conference-cancelled', 'conference-rearranged'])));
  for (const r of rows) {
    if (r.relatedId && r.attachments.some((a) => a.contentType.startsWith('text/calendar'))) sequences.set(r.relatedId, (sequences.get(r.relatedId) ?? 0) + 1);
  }
  return sequences;
}

/** The calendar location: the venue with its address, or "Online" (in the family's language first, issue 14). */
export function calendarLocation(state: InvitationState, language?: FamilyLanguage): string | null {
  if (state.conference.format === 'virtual') return bilingualLine(language, (tr) => tr.t('calendar.online'));
  const lines = venueLines(state.venueFacts);
  return lines.length ? lines.join(', ') : null;
}

/**
 * A calendar entry per invitee; its summary carries a reference, never a child's name. A
 * professional with an address gets a REQUEST they can answer; a family member gets PUBLISH (no
 * reply expected through the calendar); a cancellation is CANCEL with the same UID.
 */
export function calendarFile(state: InvitationState, invitation: InvitationRow, coordinator: Coordinator, now: Date, options: { sequence?: number; cancel?: boolean; language?: FamilyLanguage | undefined } = {}): string {
  const c = state.conference;
  const start = c.scheduledStart;
  if (!start) throw new ConflictError('The conference has no date yet.');
  const method: CalendarMethod = options.cancel ? 'CANCEL' : isFamilyKind(invitation.inviteeKind) ? 'PUBLISH' : 'REQUEST';
  const reference = conferenceReference(c.id);
  return renderIcs({
    method,
    uid: `${invitation.id}@convene`,
    sequence: options.sequence ?? 0,
    start,
    slotMinutes: c.slotMinutes,
    // Issue 14: a family member with their own language reads the entry in it first, then in English.
    summary: bilingualLine(options.language, (tr) => tr.t(options.cancel ? 'calendar.summaryCancelled' : 'calendar.summary', { reference })),
    location: calendarLocation(state, options.language),
    description: bilingualLine(options.language, (tr) => tr.t(options.cancel ? 'calendar.descriptionCancelled' : 'calendar.description', { when: tr.when(start) }), '\n\n'),
    organiser: coordinator.email ? { name: coordinator.name, email: coordinator.email } : null,
    attendee: { name: invitation.name, email: invitation.email },
    stampedAt: now,
  });
}

/**
 * CV7 with a calendar: the file that takes a cancelled conference out of an invitee's calendar:
 * METHOD:CANCEL, the invitation's UID and the next SEQUENCE.
 */
export async function cancellationFile(db: Queryable, conference: { id: string; slotMinutes: number }, invitation: InvitationRow, was: Date, organiser: Coordinator, now: Date, language?: FamilyLanguage): Promise<string> {
  const reference = conferenceReference(conference.id);
  return renderIcs({
    method: 'CANCEL',
    uid: `${invitation.id}@convene`,
    sequence: await calendarSequence(db, invitation.id),
    start: was,
    slotMinutes: conference.slotMinutes,
    summary: bilingualLine(language, (tr) => tr.t('calendar.summaryCancelled', { reference })),
    location: null,
    description: bilingualLine(language, (tr) => tr.t('calendar.descriptionCancelled', { when: tr.when(was) }), '\n\n'),
    organiser: organiser.email ? { name: organiser.name, email: organiser.email } : null,
    attendee: { name: invitation.name, email: invitation.email },
    stampedAt: now,
  });
}
