import type { Database } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { checkResponse, type ResponseInput } from '../../domain/invitations/responses.js';
import { mayManageInvitations } from '../../policies/invitations.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { auditForChildren, loadInvitation, loadInvitationState } from './invitation-state.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/**
 * IN4: the answer an invitee gives the co-ordinator: coming in person or online, apologies, or a
 * named colleague instead, and whether a written report is on its way. Returns what to chase.
 */
export async function recordResponse(db: Database, context: ActionContext, conferenceId: string, invitationId: string, input: ResponseInput, version: number): Promise<string[]> {
  if (!mayManageInvitations(context.actor)) throw new ForbiddenError();
  const state = await loadInvitationState(db, conferenceId);
  const row = await loadInvitation(db, conferenceId, invitationId);
  if (row.state === 'removed') throw new ConflictError('This person is no longer on the invitation list.');
  if (['held', 'cancelled'].includes(state.conference.status)) throw new ConflictError('The conference is over: attendance is recorded in the meeting now.');
  const check = checkResponse(row.inviteeKind, input);
  if (check.errors.length > 0) throw new ValidationError(check.errors);
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, invitations, { id: invitationId, version }, {
      response: input.response,
      delegateName: input.response === 'delegate' ? (input.delegateName?.trim() ?? null) : null,
      reportPromised: input.reportPromised,
      respondedAt: context.now,
    }, () => new ConflictError('Someone else changed this invitation just now. Check the response and try again.'));
    await auditForChildren(tx, context, state, { action: 'invitation-response-recorded', recordType: 'invitation', recordId: invitationId, details: { response: input.response, reportPromised: input.reportPromised } });
  });
  return check.prompts;
}
