import type { Database } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { observerStanding, type FamilyConsent, type ObserverStanding } from '../../domain/invitations/observers.js';
import { observerRequestDue, type Timing } from '../../domain/invitations/timing.js';
import { mayAgreeObserver, mayManageInvitations } from '../../policies/invitations.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { auditForChildren, isOpenForInvitations, loadInvitation, loadInvitationState, timingForConference, type InvitationRow, type InvitationState } from './invitation-state.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export interface ObserverRequestInput {
  name: string;
  role: string;
  organisationName: string | null;
  email: string | null;
  purpose: string;
  requestedOn: string;
}

/** TS17 for this conference: a date (3 working days before, most packs) or the pack's words. */
export async function observerTiming(db: Database, state: InvitationState): Promise<Timing> {
  return timingForConference(db, state, observerRequestDue);
}

export function standingOf(row: InvitationRow, due: Timing): ObserverStanding {
  return observerStanding({ requestedOn: row.observerRequestedOn ?? londonIsoDate(row.createdAt), chairAgreed: row.chairAgreedAt !== null, familyConsent: (row.familyConsent as FamilyConsent) ?? null }, due);
}

/** IN9: the co-ordinator records a request to observe; it waits for the chair and the family. */
export async function requestObserver(db: Database, context: ActionContext, conferenceId: string, input: ObserverRequestInput): Promise<{ id: string; standing: ObserverStanding }> {
  if (!mayManageInvitations(context.actor)) throw new ForbiddenError();
  const state = await loadInvitationState(db, conferenceId);
  if (!isOpenForInvitations(state.conference.status)) throw new ConflictError('Observers can be asked for once the conference is booked and until it is held.');
  if (input.requestedOn > londonIsoDate(context.now)) throw new ValidationError([{ field: 'requestedOn', message: 'The date of the request cannot be in the future' }]);
  const due = await observerTiming(db, state);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        conferenceId, inviteeKind: 'observer', name: input.name, role: input.role, organisationName: input.organisationName, email: input.email,
        channel: 'secure-email', state: 'suggested', suggestedBecause: `Asked to observe: ${input.purpose} (IN9)`, observerRequestedOn: input.requestedOn, createdAt: context.now,
      })
      .returning();
    if (!row) throw new Error('observer insert returned nothing');
    const standing = standingOf(row, due);
    await auditForChildren(tx, context, state, { action: 'observer-requested', recordType: 'invitation', recordId: row.id, details: { late: 'late' in standing ? standing.late : false } });
    return { id: row.id, standing };
  });
}

/**
 * IN9: the chair's agreement and the family's answer. When both say yes the observer is
 * confirmed and is sent an invitation with the others; a family refusal takes them off the list.
 */
export async function decideObserver(db: Database, context: ActionContext, conferenceId: string, invitationId: string, input: { chairAgrees: boolean; familyConsent: FamilyConsent }, version: number): Promise<ObserverStanding> {
  if (!mayAgreeObserver(context.actor) || !context.actor) throw new ForbiddenError('Only the chair can agree to an observer.');
  const state = await loadInvitationState(db, conferenceId);
  const row = await loadInvitation(db, conferenceId, invitationId);
  if (row.inviteeKind !== 'observer') throw new ConflictError('This invitee is not an observer.');
  if (row.state === 'sent') throw new ConflictError('The observer has already been sent an invitation.');
  const due = await observerTiming(db, state);
  const agreed = input.chairAgrees;
  const next = { ...row, chairAgreedAt: agreed ? context.now : null, familyConsent: input.familyConsent };
  const standing = standingOf(next, due);
  const stateAfter = standing.status === 'may-observe' ? 'confirmed' : !agreed || standing.status === 'refused' ? 'removed' : 'suggested';
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, invitations, { id: invitationId, version }, {
      chairAgreedBy: agreed ? context.actor!.id : null, chairAgreedAt: agreed ? context.now : null, familyConsent: input.familyConsent, state: stateAfter,
      removalReason: stateAfter === 'removed' ? (agreed ? 'The family did not agree to an observer.' : 'The chair did not agree to an observer.') : null,
    }, () => new ConflictError('Someone else changed this request just now. Check it and try again.'));
    await auditForChildren(tx, context, state, { action: 'observer-decided', recordType: 'invitation', recordId: invitationId, details: { chairAgrees: agreed, familyConsent: input.familyConsent, outcome: standing.status } });
  });
  return standing;
}
