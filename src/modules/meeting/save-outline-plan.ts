import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingOutlinePlans } from '../../db/schema/index.js';
import { actionErrors, isBlankAction, visitFrequencyError, type OutlinePlanContent } from '../../domain/conference/outline-plan.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';
import { openMeetingForEdit } from './common.js';
import { subjectOf } from './meeting-state.js';
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
  const meeting = await openMeetingForEdit(db, context, conferenceId);
  const { actorId } = meeting;
  const child = subjectOf(meeting, childId);
  const [found] = await db.select().from(meetingOutlinePlans).where(and(eq(meetingOutlinePlans.conferenceId, conferenceId), eq(meetingOutlinePlans.childId, childId)));
  const existing = found ?? null;
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
