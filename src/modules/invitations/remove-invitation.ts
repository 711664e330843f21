import type { Database } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { checkRemoval, mayEdit } from '../../domain/invitations/editing.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren, isOpenForInvitations, loadInvitation, loadInvitationState } from './invitation-state.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** IN1: takes someone off the list; leaving out a parent or the child needs the reason, kept with the row and in the audit. */
export async function removeInvitation(db: Database, context: ActionContext, conferenceId: string, invitationId: string, reason: string | null, version: number): Promise<void> {
  if (!mayManageInvitations(context.actor)) throw new ForbiddenError();
  const state = await loadInvitationState(db, conferenceId);
  const row = await loadInvitation(db, conferenceId, invitationId);
  if (!isOpenForInvitations(state.conference.status)) throw new ConflictError('The invitation list can change only while the conference is booked.');
  if (!mayEdit(row.state)) throw new ConflictError(row.state === 'sent' ? 'This invitation has already been sent, so it cannot be withdrawn here.' : 'This person is already off the list.');
  const problem = checkRemoval(row, reason);
  if (problem) throw new ValidationError([problem]);
  const why = reason?.trim() || null;
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, invitations, { id: invitationId, version }, { state: 'removed', removalReason: why },
      () => new ConflictError('Someone else changed this invitation just now. Check the list and try again.'),
    );
    await auditForChildren(tx, context, state, { action: 'invitee-removed', recordType: 'invitation', recordId: invitationId, reason: why, details: { inviteeKind: row.inviteeKind, role: row.role } });
  });
}
