import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { OUTCOME_LABELS, isOutcome } from '../../domain/conference/decision.js';
import { formatDate } from '../../domain/deadlines/format-date.js';
import { presentForDecision } from '../../domain/conference/quorum.js';
import type { ActionContext } from '../shared/action-context.js';
import { quorumAttendee, type MeetingState } from './meeting-state.js';
import { deliveryFor } from './recipients.js';
import { sendLetter } from './send-copies.js';

/**
 * CF1 (Pan-Dorset): where the conference was not quorate for a child, the chair writes to each
 * invited agency that was not there, asking for its view on the decision. Sent through the outbox
 * and logged like any other distribution. Returns how many letters were queued.
 */
export async function writeToMissingAgencies(tx: Queryable, context: ActionContext, state: MeetingState, inquorateChildIds: readonly string[]): Promise<number> {
  if (inquorateChildIds.length === 0) return 0;
  const invited = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.conferenceId, state.conference.id), eq(invitations.inviteeKind, 'professional'), inArray(invitations.state, ['confirmed', 'sent'])));
  const children = state.subjects.filter((c) => inquorateChildIds.includes(c.childId));
  const date = formatDate(state.meeting?.conferenceDate ?? '');
  const lines = children.map((c) => {
    const d = state.decisions.find((x) => x.childId === c.childId);
    return `- ${c.name}: ${d && isOutcome(d.outcome) ? OUTCOME_LABELS[d.outcome] : 'no decision recorded'}`;
  });
  let sent = 0;
  for (const invitee of invited) {
    const seen = state.attendance.find((a) => a.invitationId === invitee.id);
    if (seen && presentForDecision(quorumAttendee(seen))) continue;
    const queued = await sendLetter(tx, context, {
      conferenceId: state.conference.id,
      document: 'quorum-letter',
      documentVersion: 1,
      recipient: { invitationId: invitee.id, name: invitee.name, role: invitee.role, ...deliveryFor(invitee) },
      subject: `Child protection conference on ${date}: your agency's view is asked for`,
      bodyText: [
        `Dear ${invitee.name},`,
        '',
        `The child protection conference on ${date} went ahead without the minimum number of agencies for the children below.`,
        'Your agency was invited but was not present for the decision. The chair asks for your agency’s view on the decision, in writing, as soon as you can.',
        '',
        ...lines,
        '',
        'This letter is confidential. Reply by secure email to the conference chair.',
      ].join('\n'),
      relatedType: 'quorum-letter',
      relatedId: invitee.id,
      notSentNote: 'No address on the invitation: write to them by another route.',
      distributedBy: context.actor?.id ?? null,
    });
    if (queued) sent += 1;
  }
  return sent;
}
