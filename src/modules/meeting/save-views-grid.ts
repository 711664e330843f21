import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingViews } from '../../db/schema/index.js';
import { AGENCY_LABELS, isAgencyId } from '../../domain/conference/agencies.js';
import { normaliseCategories, type CategoryCode } from '../../domain/conference/categories.js';
import { presentForDecision } from '../../domain/conference/quorum.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError, type FieldError } from '../shared/errors.js';
import { saveVersioned } from '../shared/versioned-update.js';
import { openMeetingForEdit } from './common.js';
import { loadAttendance, quorumAttendee, subjectOf, type ViewRow } from './meeting-state.js';
import { lostRace, staleRow, StaleRowsError, type StaleRow } from './stale.js';

/** One contributor's row of a child's views grid; a row left blank records nothing. */
export interface ViewGridRow {
  attendanceId: string;
  /** The version of their view the grid was loaded with; null when they had given none. */
  version: number | null;
  planNeeded: boolean | null;
  categories: readonly CategoryCode[];
  reasons: string;
  /** The row as the grid was loaded (`viewRowFingerprint`), so a row this user left alone is told apart from one they changed. */
  loaded?: string | undefined;
}

/**
 * A short digest of a row's view. The grid carries the digest of each row as loaded; a row sent
 * back with the same digest is one this user did not touch, so someone else's save of that view
 * meanwhile is no conflict and stands.
 */
export function viewRowFingerprint(row: { planNeeded: boolean | null; categories: readonly string[]; reasons: string }): string {
  const canonical = JSON.stringify([row.planNeeded, [...row.categories].sort(), row.reasons.trim()]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

const field = (name: string, attendanceId: string) => `${name}-${attendanceId}`;

/**
 * DC2 from the views grid: every contributor's view on one child, saved together. Each row passes
 * the rules of a single view (a professional present for the decision, reasons, a category for a
 * plan, one view per agency where the area says so, counting the other rows of the same grid) and
 * its own version check; one refused row refuses the grid. Returns how many views were written.
 */
export async function saveViewsGrid(db: Database, context: ActionContext, conferenceId: string, childId: string, rows: readonly ViewGridRow[]): Promise<number> {
  const meeting = await openMeetingForEdit(db, context, conferenceId);
  subjectOf(meeting, childId);
  const attendance = new Map((await loadAttendance(db, conferenceId)).map((a) => [a.id, a]));
  const existingViews: ViewRow[] = await db.select().from(meetingViews).where(and(eq(meetingViews.conferenceId, conferenceId), eq(meetingViews.childId, childId)));
  const viewOf = new Map(existingViews.map((v) => [v.attendanceId, v]));
  const errors: FieldError[] = [];
  const stale: StaleRow[] = [];
  const writes: { existing: ViewRow | null; values: Omit<typeof meetingViews.$inferInsert, 'conferenceId' | 'childId'> }[] = [];
  // Where each agency gives one view: whose row holds each agency's view, counting those already
  // recorded (a blank row never removes one) and those this grid adds.
  const agencyViewBy = new Map<string, string>(existingViews.map((v) => [v.agency, v.attendanceId]));

  for (const row of rows) {
    const person = attendance.get(row.attendanceId);
    const existing = viewOf.get(row.attendanceId) ?? null;
    const reasons = row.reasons.trim();
    if (row.planNeeded === null && reasons === '' && row.categories.length === 0) continue; // nothing said in this row
    // Untouched by this user (sent as it was loaded): someone else's newer save of this view stands, with no conflict.
    if (existing && row.loaded !== undefined && row.version !== existing.version && viewRowFingerprint(row) === row.loaded) continue;
    const name = person?.name ?? 'This person';
    if (!person || person.kind !== 'professional' || !person.agency || !isAgencyId(person.agency)) {
      errors.push({ field: field('planNeeded', row.attendanceId), message: `${name}: only a professional on the attendance list gives a view` });
      continue;
    }
    const values = {
      attendanceId: person.id,
      name: person.name,
      agency: person.agency,
      planNeeded: row.planNeeded ?? false,
      categories: row.planNeeded ? normaliseCategories(row.categories) : [],
      reasons,
      updatedAt: context.now,
      updatedBy: meeting.actorId,
    };
    if (existing && existing.planNeeded === values.planNeeded && existing.reasons === values.reasons && [...existing.categories].join() === values.categories.join()) continue;
    if (existing) {
      const refused = await staleRow(db, `${existing.name}'s view`, existing, row.version ?? -1);
      if (refused) {
        stale.push({ ...refused, id: row.attendanceId });
        continue;
      }
    }
    const before = errors.length;
    if (!presentForDecision(quorumAttendee(person))) errors.push({ field: field('planNeeded', person.id), message: `${person.name} is not recorded as present for the views and decision` });
    if (row.planNeeded === null) errors.push({ field: field('planNeeded', person.id), message: `${person.name}: say whether they think a plan is needed` });
    if (reasons === '') errors.push({ field: field('reasons', person.id), message: `${person.name}: give the reasons for the view` });
    if (reasons.length > 4000) errors.push({ field: field('reasons', person.id), message: `${person.name}: the reasons must be 4000 characters or fewer` });
    if (row.planNeeded && row.categories.length === 0) errors.push({ field: field('categories', person.id), message: `${person.name}: select the category they think applies` });
    if (meeting.rules.views.givenBy === 'each-agency') {
      const other = agencyViewBy.get(person.agency);
      if (other && other !== person.id) {
        const otherName = attendance.get(other)?.name ?? 'someone else';
        errors.push({ field: field('planNeeded', person.id), message: `${AGENCY_LABELS[person.agency]} has already given its one view for this child (${otherName}): change that view instead` });
      } else agencyViewBy.set(person.agency, person.id);
    }
    if (errors.length === before) writes.push({ existing, values });
  }
  if (stale.length > 0) throw new StaleRowsError(stale, errors);
  if (errors.length > 0) throw new ValidationError(errors);
  if (writes.length === 0) return 0;

  await db.transaction(async (tx) => {
    for (const { existing, values } of writes) {
      const id = await saveVersioned(tx, meetingViews, existing, values, { ...values, conferenceId, childId }, (e) => lostRace(`${e.name}'s view`));
      await recordAudit(tx, context, {
        action: existing ? 'view-changed' : 'view-recorded', recordType: 'meeting-view', recordId: id, childId,
        details: { agency: values.agency, planNeeded: values.planNeeded, from: 'views-grid' },
      });
    }
  });
  return writes.length;
}
