import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingViews } from '../../db/schema/index.js';
import { AGENCY_LABELS, isAgencyId } from '../../domain/conference/agencies.js';
import { normaliseCategories, type CategoryCode } from '../../domain/conference/categories.js';
import { presentForDecision } from '../../domain/conference/quorum.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { openMeetingForEdit } from './common.js';
import { isUuid, loadAttendee, quorumAttendee, subjectOf, type ViewRow } from './meeting-state.js';
import { assertVersion, lostRace } from './stale.js';
import { saveVersioned } from '../shared/versioned-update.js';

export interface ViewInput {
  attendanceId: string;
  planNeeded: boolean;
  categories: readonly CategoryCode[];
  reasons: string;
}

/**
 * DC2: a practitioner's view on whether this child needs a plan, with the category and reasons,
 * recorded with their name. In Pan-Dorset each agency gives one view.
 */
export async function saveView(
  db: Database,
  context: ActionContext,
  conferenceId: string,
  childId: string,
  viewId: string | null,
  input: ViewInput,
  version: number | null,
): Promise<string> {
  const meeting = await openMeetingForEdit(db, context, conferenceId);
  const { actorId } = meeting;
  subjectOf(meeting, childId);
  const thisChild = and(eq(meetingViews.conferenceId, conferenceId), eq(meetingViews.childId, childId));
  const [existing = null]: (ViewRow | null)[] = viewId && isUuid(viewId) ? await db.select().from(meetingViews).where(and(thisChild, eq(meetingViews.id, viewId))) : [];
  if (viewId && !existing) throw new NotFoundError('That view is not recorded for this child.');
  if (existing) await assertVersion(db, `${existing.name}'s view`, existing, version ?? -1);

  const person = await loadAttendee(db, conferenceId, input.attendanceId);
  if (!person || person.kind !== 'professional' || !person.agency || !isAgencyId(person.agency)) {
    throw new ValidationError([{ field: 'attendanceId', message: 'Select a professional from the attendance list' }]);
  }
  if (!presentForDecision(quorumAttendee(person))) {
    throw new ValidationError([{ field: 'attendanceId', message: `${person.name} is not recorded as present for the views and decision` }]);
  }
  if (meeting.rules.views.givenBy === 'each-agency') {
    const [other] = await db.select({ name: meetingViews.name }).from(meetingViews)
      .where(and(thisChild, eq(meetingViews.agency, person.agency), existing ? ne(meetingViews.id, existing.id) : undefined))
      .orderBy(asc(meetingViews.updatedAt)).limit(1);
    if (other) {
      throw new ValidationError([{ field: 'attendanceId', message: `${AGENCY_LABELS[person.agency]} has already given its one view for this child (${other.name}): change that view instead` }]);
    }
  }
  if (input.reasons.trim() === '') throw new ValidationError([{ field: 'reasons', message: 'Give the reasons for the view' }]);
  if (input.planNeeded && input.categories.length === 0) throw new ValidationError([{ field: 'categories', message: 'Select the category they think applies' }]);

  const values = {
    attendanceId: person.id,
    name: person.name,
    agency: person.agency,
    planNeeded: input.planNeeded,
    categories: input.planNeeded ? normaliseCategories(input.categories) : [],
    reasons: input.reasons.trim(),
    updatedAt: context.now,
    updatedBy: actorId,
  };
  return db.transaction(async (tx) => {
    const id = await saveVersioned(tx, meetingViews, existing, values, { ...values, conferenceId, childId }, (e) => lostRace(`${e.name}'s view`));
    await recordAudit(tx, context, {
      action: existing ? 'view-changed' : 'view-recorded', recordType: 'meeting-view', recordId: id, childId,
      details: { agency: person.agency, planNeeded: input.planNeeded },
    });
    return id;
  });
}
