import type { Queryable } from '../../db/client.js';
import { mayReadConferenceOutcome } from '../../policies/meeting.js';
import { assertConferenceAccess } from '../access/child-record-access.js';
import { loadMeetingState, type MeetingState } from '../meeting/meeting-state.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';

/**
 * RC5: a conference's recordings are read by whoever may read its staff record (the same role
 * rule, and the same tie to this authority's children), never more widely.
 */
export async function conferenceForRecordings(db: Queryable, ctx: ActionContext, conferenceId: string): Promise<MeetingState> {
  if (!mayReadConferenceOutcome(ctx.actor)) throw new ForbiddenError();
  const state = await loadMeetingState(db, conferenceId);
  await assertConferenceAccess(db, ctx.actor, conferenceId);
  return state;
}
