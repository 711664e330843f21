import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { conferenceRecords, conferences, conferenceStatusHistory, meetings } from '../../db/schema/index.js';
import { missingOpeningItems, OPENING_ITEM_LABELS } from '../../domain/conference/opening-checklist.js';
import { nextMeetingStatus, StepRefused } from '../../domain/conference/meeting-transitions.js';
import { outlinePlanGaps } from '../../domain/conference/outline-plan.js';
import { recordFormFor } from '../../domain/conference/record-rules.js';
import { isConferenceStatus, nextStatus, TransitionError } from '../../domain/conference/transitions.js';
import { mayChairConference } from '../../policies/meeting.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError, type FieldError } from '../shared/errors.js';
import { recordMeetingEvent, requireActor, requireOpenMeeting } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadMeetingState, type MeetingState } from './meeting-state.js';
import { applyPlanEffect, type PlanEffect } from './plan-effects.js';
import { writeToMissingAgencies } from './quorum-letters.js';
import { createReconvenedConference } from './reconvene.js';
import { notifySeniorManagersOfOverrules } from './overrule-review.js';
import { fullMinutesFactsFor } from './record-facts.js';
import { outlineContent } from './outline-content.js';
import { assertVersion } from './stale.js';
import { bumpVersion, updateAtVersion } from '../shared/versioned-update.js';

export interface ConcludeResult {
  event: 'hold' | 'adjourn';
  reconvenedConferenceId: string | null;
  planEffects: Record<string, PlanEffect>;
  lettersQueued: number;
}

/** What must be settled before the meeting can end: CF4 opening, a decision per child, each plan's outline (DC6, PL1). */
function readiness(state: MeetingState): FieldError[] {
  const errors: FieldError[] = [];
  const missing = missingOpeningItems(Object.keys(state.meeting?.checklist ?? {}));
  if (missing.length > 0) errors.push({ field: 'checklist', message: `The chair has not ticked: ${missing.map((i) => OPENING_ITEM_LABELS[i].toLowerCase()).join('; ')}` });
  for (const child of state.subjects) {
    const decision = state.decisions.find((d) => d.childId === child.childId);
    if (!decision) {
      errors.push({ field: 'decisions', message: `Record the decision for ${child.name}` });
      continue;
    }
    if (decision.quorate !== (state.quorum.get(child.childId)?.quorate ?? false)) {
      errors.push({ field: 'decisions', message: `The quorum for ${child.name} has changed since the decision was recorded: record the decision again` });
    }
    if (decision.outcome === 'plan') {
      const outline = state.outlinePlans.find((p) => p.childId === child.childId);
      const gaps = outlinePlanGaps(outlineContent(outline ?? null));
      if (gaps.length > 0) errors.push({ field: 'outlinePlans', message: `Complete the outline plan for ${child.name}: ${gaps.length} ${gaps.length === 1 ? 'item is' : 'items are'} missing` });
    }
  }
  return errors;
}

/**
 * Ends the meeting: the conference is held (or adjourned, when any child's decision is deferred),
 * plans start, continue or end, a reconvened conference is requested for deferred children (TS20),
 * missing agencies are written to where the pack says so (CF1), and the record is opened as a draft (RC1).
 */
export async function concludeMeeting(db: Database, context: ActionContext, conferenceId: string, input: { version: number }): Promise<ConcludeResult> {
  const state = await loadMeetingState(db, conferenceId);
  if (!mayChairConference(context.actor, state.conference)) throw new ForbiddenError('Only the chair of this conference ends the meeting.');
  const actorId = requireActor(context);
  const meeting = requireOpenMeeting(state);
  await assertVersion(db, 'The meeting', meeting, input.version);
  const errors = readiness(state);
  if (errors.length > 0) throw new ValidationError(errors);

  const adjourned = state.decisions.filter((d) => d.outcome === 'adjourned').map((d) => d.childId);
  const event = adjourned.length > 0 ? 'adjourn' : 'hold';
  const { conference } = state;
  let conferenceTo;
  let meetingTo;
  try {
    if (!isConferenceStatus(conference.status)) throw new ConflictError(`The conference has an unknown status "${conference.status}".`);
    conferenceTo = nextStatus(conference.status, event);
    meetingTo = nextMeetingStatus(state.meetingStatus, event);
  } catch (error) {
    if (error instanceof TransitionError || error instanceof StepRefused) throw new ConflictError(error.message);
    throw error;
  }
  const conferenceDate = Temporal.PlainDate.from(meeting.conferenceDate);
  const calendar = await workingCalendar(db);
  const facts = await fullMinutesFactsFor(db, conferenceId);
  const recordForm = recordFormFor(state.rules.record, facts);

  return db.transaction(async (tx) => {
    await updateAtVersion(
      tx, conferences, { id: conferenceId, version: conference.version }, { status: conferenceTo, heldOn: meeting.conferenceDate },
      () => new ConflictError('The conference was changed by someone else just now: reload the page and try again.'),
    );
    await tx.insert(conferenceStatusHistory).values({
      conferenceId, fromStatus: conference.status, toStatus: conferenceTo, event, at: context.now, by: actorId,
      reason: event === 'adjourn' ? 'Crucial information missing: decision deferred for some children' : null,
      details: { heldOn: meeting.conferenceDate },
    });
    // The conference, claimed above, guards its meeting too.
    await bumpVersion(tx, meetings, eq(meetings.id, meeting.id), { status: meetingTo, concludedAt: context.now, concludedBy: actorId, updatedAt: context.now, updatedBy: actorId });
    await recordMeetingEvent(tx, context, { conferenceId, subject: 'meeting', from: state.meetingStatus, to: meetingTo, event });

    const planEffects: Record<string, PlanEffect> = {};
    for (const child of state.subjects) {
      const decision = state.decisions.find((d) => d.childId === child.childId);
      if (!decision) continue;
      const outline = state.outlinePlans.find((p) => p.childId === child.childId) ?? null;
      planEffects[child.childId] = await applyPlanEffect(tx, context, { conferenceId, conferenceDate: meeting.conferenceDate, child, decision, outline, pack: state.pack });
    }
    const reconvenedConferenceId = adjourned.length > 0 ? await createReconvenedConference(tx, context, state, adjourned, conferenceDate, calendar) : null;
    const inquorate = state.decisions.filter((d) => !d.quorate && d.outcome !== 'adjourned').map((d) => d.childId);
    const lettersQueued = state.rules.inquorate.writeToMissingAgencies ? await writeToMissingAgencies(tx, context, state, inquorate) : 0;
    // TS21: the senior managers are told of each overrule, and review it from their list.
    await notifySeniorManagersOfOverrules(tx, context, state, meeting.conferenceDate);

    const [record] = await tx
      .insert(conferenceRecords)
      .values({ conferenceId, form: recordForm.form, formReasons: recordForm.reasons, status: 'draft', updatedAt: context.now, updatedBy: actorId })
      .returning({ id: conferenceRecords.id });
    await recordMeetingEvent(tx, context, { conferenceId, subject: 'record', from: null, to: 'draft', event: 'open', details: { recordId: record?.id, form: recordForm.form } });
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), {
      action: event === 'hold' ? 'conference-held' : 'conference-adjourned', recordType: 'conference', recordId: conferenceId,
      details: { heldOn: meeting.conferenceDate, planEffects, reconvenedConferenceId, lettersQueued },
    });
    return { event, reconvenedConferenceId, planEffects, lettersQueued };
  });
}
