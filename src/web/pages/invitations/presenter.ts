import type { FastifyRequest } from 'fastify';
import { CONFERENCE_KIND_LABELS, type ConferenceKind } from '../../../domain/conference/kinds.js';
import { STATUS_LABELS, type ConferenceStatus } from '../../../domain/conference/transitions.js';
import { formatDate } from '../../../domain/deadlines/index.js';
import type { Timing } from '../../../domain/invitations/timing.js';
import { RESPONSE_LABELS, type InvitationResponse } from '../../../domain/invitations/responses.js';
import { whenText } from '../../../documents/invitation-letter.js';
import { auditChildReads } from '../../../modules/audit/child-access.js';
import type { InvitationRow, InvitationState } from '../../../modules/invitations/invitation-state.js';
import { standingOf } from '../../../modules/invitations/observers.js';

export const CHANNEL_LABELS: Record<string, string> = { 'secure-email': 'Secure email', post: 'First-class post', hand: 'By hand (social worker)' };
const STATE_TAGS: Record<string, { text: string; classes: string }> = {
  suggested: { text: 'Suggested', classes: 'govuk-tag--yellow' },
  confirmed: { text: 'Confirmed', classes: 'govuk-tag--blue' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  removed: { text: 'Not invited', classes: 'govuk-tag--grey' },
};
const STANDING_WORDS: Record<string, string> = {
  'awaiting-chair': 'Waiting for the chair to agree',
  'awaiting-family': 'Chair agreed; waiting for the family’s consent',
  refused: 'Not agreed',
  'may-observe': 'Agreed by the chair and the family',
};

export function invitationsUrl(conferenceId: string): string {
  return `/conferences/${conferenceId}/invitations`;
}

/** What the heading of every invitations page says about the conference. */
export function conferenceSummary(state: InvitationState) {
  const c = state.conference;
  return {
    id: c.id,
    title: CONFERENCE_KIND_LABELS[c.kind as ConferenceKind] ?? 'Conference',
    when: c.scheduledStart ? whenText(c.scheduledStart) : 'Not booked yet',
    venue: state.venue,
    status: STATUS_LABELS[c.status as ConferenceStatus] ?? c.status,
    children: state.children.filter((ch) => ch.role === 'subject').map((ch) => ch.name).join(', '),
    chair: state.chair?.name ?? 'Not assigned',
  };
}

export function timingText(t: Timing, what: string): string | null {
  if (t.kind === 'date') return `${what} by ${formatDate(t.date)} (${t.deadline.ruleId}, ${t.deadline.source}).`;
  if (t.kind === 'advice') return t.text;
  return null;
}

export function invitationRow(i: InvitationRow, observerDue: Timing) {
  const standing = i.inviteeKind === 'observer' ? standingOf(i, observerDue) : null;
  return {
    ...i,
    channelLabel: CHANNEL_LABELS[i.channel] ?? i.channel,
    contact: i.channel === 'secure-email' ? i.email : i.channel === 'post' ? i.postalAddress : null,
    tag: STATE_TAGS[i.state] ?? { text: i.state, classes: '' },
    responseLabel: i.response ? RESPONSE_LABELS[i.response as InvitationResponse] ?? i.response : null,
    editable: i.state === 'suggested' || i.state === 'confirmed',
    observerStanding: standing ? `${STANDING_WORDS[standing.status] ?? standing.status}${'late' in standing && standing.late ? ' (asked for late)' : ''}` : null,
  };
}

/** Opening the invitation list reads each subject child's record: one audit event per child. */
export async function auditListRead(request: FastifyRequest, state: InvitationState, what: string): Promise<void> {
  const context = request.actionContext();
  await auditChildReads(request.server.convene.db, context, state.subjectIds, { recordType: what, recordId: state.conference.id });
}
