import type { Database } from '../../db/client.js';
import { meetingOutlinePlans } from '../../db/schema/index.js';
import { actionErrors, isBlankAction, visitFrequencyError, type OutlinePlanContent } from '../../domain/conference/outline-plan.js';
import { mayRunMeeting } from '../../policies/meeting.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { requireActor, requireOpenMeeting } from './common.js';
import { loadMeetingState, subjectOf } from './meeting-state.js';
import { assertVersion, lostRace } from './stale.js';
import { saveVersioned } from '../shared/versioned-update.js';

/**
 * PL1, PL3: the outline plan for one child, drawn up in the meeting by the chair and the minute
 * taker together. A draft may be incomplete; the meeting cannot end with a plan's outline incomplete.
 */
export async function saveOutlinePlan(
  db: Database,
  context: ActionContext,
  conferenceId: string,
  childId: string,
  input: OutlinePlanContent,
  version: number | null,
): Promise<string> {
  if (!mayRunMeeting(context.actor)) throw new ForbiddenError();
  const actorId = requireActor(context);
  const state = await loadMeetingState(db, conferenceId);
  requireOpenMeeting(state);
  const child = subjectOf(state, childId);
  const existing = state.outlinePlans.find((p) => p.childId === childId) ?? null;
  if (existing) await assertVersion(db, `The outline plan for ${child.name}`, existing, version ?? -1);
  const errors = actionErrors(input.actions);
  const visit = visitFrequencyError(input.visitFrequencyWeeks);
  if (visit) errors.push(visit);
  if (errors.length > 0) throw new ValidationError(errors);

  const values = {
    ...input,
    actions: input.actions.filter((a) => !isBlankAction(a)).map((a) => ({ ...a, ownerJobTitle: a.ownerIsProfessional ? a.ownerJobTitle : '' })),
    updatedAt: context.now,
    updatedBy: actorId,
  };
  return db.transaction(async (tx) => {
    const id = await saveVersioned(tx, meetingOutlinePlans, existing, values, { ...values, conferenceId, childId }, () => lostRace(`The outline plan for ${child.name}`));
    await recordAudit(tx, context, {
      action: existing ? 'outline-plan-changed' : 'outline-plan-started', recordType: 'meeting-outline-plan', recordId: id, childId,
      details: { actions: values.actions.length, visitFrequencyWeeks: input.visitFrequencyWeeks },
    });
    return id;
  });
}
