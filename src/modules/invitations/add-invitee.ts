import type { Database } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import type { InviteeKind } from '../../domain/invitations/invitee.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import type { InviteeDetails } from './confirm-invitations.js';
import { auditForChildren, isOpenForInvitations, loadInvitedConference } from './invitation-state.js';

/** Someone the checklist did not suggest (IN2 is "not exhaustive"): listed as confirmed at once. */
export async function addInvitee(db: Database, context: ActionContext, conferenceId: string, input: InviteeDetails & { inviteeKind: Exclude<InviteeKind, 'observer'> }): Promise<string> {
  if (!mayManageInvitations(context.actor)) throw new ForbiddenError();
  const state = await loadInvitedConference(db, conferenceId);
  if (!isOpenForInvitations(state.conference.status)) throw new ConflictError('Invitations are prepared once the conference is booked.');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({ conferenceId, ...input, state: 'confirmed', suggestedBecause: null, createdAt: context.now })
      .returning({ id: invitations.id });
    if (!row) throw new Error('invitation insert returned nothing');
    await auditForChildren(tx, context, state, { action: 'invitee-added', recordType: 'invitation', recordId: row.id, details: { inviteeKind: input.inviteeKind, role: input.role } });
    return row.id;
  });
}
