import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { mayEdit, observerCleared } from '../../domain/invitations/editing.js';
import type { InvitationChannel } from '../../domain/invitations/invitee.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { auditForChildren, isOpenForInvitations, loadInvitation, loadInvitationState } from './invitation-state.js';
import { bumpVersion, updateAtVersion } from '../shared/versioned-update.js';

export interface InviteeDetails {
  name: string;
  role: string;
  organisationName: string | null;
  channel: InvitationChannel;
  email: string | null;
  postalAddress: string | null;
}

/** Confirms one invitee, with any corrected contact details; `version` guards against two people editing at once. */
export async function confirmInvitation(db: Database, context: ActionContext, conferenceId: string, invitationId: string, details: InviteeDetails, version: number): Promise<void> {
  if (!mayManageInvitations(context.actor)) throw new ForbiddenError();
  const state = await loadInvitationState(db, conferenceId);
  const row = await loadInvitation(db, conferenceId, invitationId);
  if (!isOpenForInvitations(state.conference.status)) throw new ConflictError('The invitation list can change only while the conference is booked.');
  if (!mayEdit(row.state)) throw new ConflictError(row.state === 'sent' ? 'This invitation has been sent: record their response instead.' : 'This person was removed from the list: add them again instead.');
  // An observer's details may be corrected, but only the chair's decision confirms them (IN9).
  const nextState = observerCleared(row) ? 'confirmed' : row.state;
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, invitations, { id: invitationId, version }, { ...details, state: nextState },
      () => new ConflictError('Someone else changed this invitation just now. Check the list and try again.'),
    );
    await auditForChildren(tx, context, state, { action: 'invitation-confirmed', recordType: 'invitation', recordId: invitationId, details: { role: details.role, channel: details.channel } });
  });
}

/** Confirms every suggestion still waiting, as they stand; observers wait for the chair (IN9). */
export async function confirmAllSuggestions(db: Database, context: ActionContext, conferenceId: string): Promise<number> {
  if (!mayManageInvitations(context.actor)) throw new ForbiddenError();
  const state = await loadInvitationState(db, conferenceId);
  if (!isOpenForInvitations(state.conference.status)) throw new ConflictError('The invitation list can change only while the conference is booked.');
  return db.transaction(async (tx) => {
    const rows = await bumpVersion(tx, invitations, and(eq(invitations.conferenceId, conferenceId), eq(invitations.state, 'suggested'), ne(invitations.inviteeKind, 'observer')), { state: 'confirmed' });
    await auditForChildren(tx, context, state, { action: 'invitations-confirmed', recordType: 'conference', recordId: conferenceId, details: { confirmed: rows.length } });
    return rows.length;
  });
}
