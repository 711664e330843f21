import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { organisations, users } from '../../db/schema/index.js';
import { CONFERENCE_KIND_LABELS, isInitialKind, type ConferenceKind } from '../../domain/conference/kinds.js';
import type { DocumentModel } from '../../documents/document-model.js';
import { renderIcs } from '../../documents/invitation-ics.js';
import { invitationLetter, whenText, type InvitationLetterData } from '../../documents/invitation-letter.js';
import { ConflictError } from '../shared/errors.js';
import type { InvitationRow, InvitationState } from './invitation-state.js';

export type Coordinator = InvitationLetterData['coordinator'];

/** Whoever sends the invitations is the co-ordinator the letters name for replies (IN4). */
export async function coordinatorOf(db: Queryable, userId: string | null): Promise<Coordinator> {
  if (!userId) return { name: 'The conference co-ordinator', email: null, phone: null };
  const [u] = await db.select({ name: users.displayName, email: users.email, phone: organisations.phone }).from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId)).where(eq(users.id, userId));
  return u ?? { name: 'The conference co-ordinator', email: null, phone: null };
}

/** Everyone on the list who is or will be invited: what each letter ends with (IN3). */
export function invitedList(state: InvitationState): { name: string; role: string }[] {
  return state.invitations.filter((i) => i.state === 'confirmed' || i.state === 'sent').map((i) => ({ name: i.name, role: i.role }));
}

export function letterData(state: InvitationState, invitation: InvitationRow, coordinator: Coordinator): InvitationLetterData {
  const c = state.conference;
  if (!c.scheduledStart) throw new ConflictError('The conference has no date yet: book it before sending invitations.');
  const kind = c.kind as ConferenceKind;
  return {
    authorityName: state.authorityName,
    conferenceTitle: CONFERENCE_KIND_LABELS[kind] ?? 'Child protection conference',
    review: !isInitialKind(kind),
    start: c.scheduledStart,
    slotMinutes: c.slotMinutes,
    format: c.format === 'virtual' || c.format === 'hybrid' || c.format === 'face-to-face' ? c.format : null,
    venue: state.venue,
    subjectChildren: state.children.filter((ch) => ch.role === 'subject').map((ch) => ch.name),
    invitee: { name: invitation.name, role: invitation.role, inviteeKind: invitation.inviteeKind, organisationName: invitation.organisationName },
    invitees: invitedList(state),
    chair: state.chair ? { name: state.chair.name, email: state.chair.email, phone: state.chair.phone } : null,
    coordinator,
    reportWanted: null,
  };
}

export function letterDocument(state: InvitationState, invitation: InvitationRow, coordinator: Coordinator): DocumentModel {
  return invitationLetter(letterData(state, invitation, coordinator));
}

/** A calendar entry per invitee; its summary carries a reference, never a child's name. */
export function calendarFile(state: InvitationState, invitation: InvitationRow, coordinator: Coordinator, now: Date): string {
  const c = state.conference;
  if (!c.scheduledStart) throw new ConflictError('The conference has no date yet.');
  return renderIcs({
    uid: `${invitation.id}@convene`,
    sequence: 0,
    start: c.scheduledStart,
    slotMinutes: c.slotMinutes,
    summary: `Child protection conference (ref ${c.id.slice(0, 8)})`,
    location: c.format === 'virtual' ? 'Online' : state.venue,
    description: `Invitation to a child protection conference on ${whenText(c.scheduledStart)}. The letter is attached to the email; it is confidential.`,
    organiser: coordinator.email ? { name: coordinator.name, email: coordinator.email } : null,
    attendee: { name: invitation.name, email: invitation.email },
    stampedAt: now,
  });
}
