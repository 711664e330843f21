import { AGENCY_LABELS, ATTENDANCE_STATUS_LABELS, ATTENDEE_KIND_LABELS, isAgencyId, type AttendanceStatus, type AttendeeKind } from '../../../domain/conference/agencies.js';
import { describeCategories } from '../../../domain/conference/categories.js';
import { OUTCOME_LABELS, isOutcome } from '../../../domain/conference/decision.js';
import { CONFERENCE_KIND_LABELS, conferenceKindOf } from '../../../domain/conference/kinds.js';
import { MEETING_PARTS, MEETING_PART_LABELS, inAgendaOrder } from '../../../domain/conference/meeting-parts.js';
import { OPENING_ITEMS, OPENING_ITEM_LABELS } from '../../../domain/conference/opening-checklist.js';
import { outlinePlanGaps } from '../../../domain/conference/outline-plan.js';
import { STATUS_LABELS, isConferenceStatus } from '../../../domain/conference/transitions.js';
import { PACKS } from '../../../domain/packs/index.js';
import { RECORD_WITHHELD_GROUND_LABELS, isRecordWithheldGround } from '../../../domain/participation/exclusion.js';
import { isFamilyKind } from '../../../domain/conference/agencies.js';
import { londonDateTimeOf } from '../../../domain/calendar/london-time.js';
import type { SlotFacts } from '../../../modules/meeting/load-slot-facts.js';
import type { MeetingState } from '../../../modules/meeting/meeting-state.js';
import { outlineContent } from '../../../modules/meeting/outline-content.js';

const hhmm = (d: Date | null): string => (d ? londonDateTimeOf(d).toPlainTime().toString().slice(0, 5) : '');

/** The conference screen: `names` are the staff's display names by user id (the chair and minute taker), `slot` the booked slot. */
export function screenModel(state: MeetingState, names: ReadonlyMap<string, string>, slot: SlotFacts) {
  const { conference } = state;
  const kind = conferenceKindOf(conference.kind);
  const checklist = state.meeting?.checklist ?? {};
  return {
    conference,
    kindLabel: CONFERENCE_KIND_LABELS[kind],
    statusLabel: isConferenceStatus(conference.status) ? STATUS_LABELS[conference.status] : conference.status,
    areaName: PACKS[state.pack].name,
    chairName: conference.chairId ? (names.get(conference.chairId) ?? '') : 'Not assigned',
    minuteTakerName: conference.minuteTakerId ? (names.get(conference.minuteTakerId) ?? '') : 'Not assigned',
    slot,
    meeting: state.meeting,
    meetingStatus: state.meetingStatus,
    editable: state.meetingStatus === 'in-progress',
    checklist: OPENING_ITEMS.map((item) => ({ item, label: OPENING_ITEM_LABELS[item], tick: checklist[item] ?? null })),
    attendance: state.attendance.map((a) => {
      const parts = inAgendaOrder(a.partsAttended);
      return {
        ...a,
        kindLabel: ATTENDEE_KIND_LABELS[a.kind as AttendeeKind] ?? a.kind,
        agencyLabel: a.agency && isAgencyId(a.agency) ? AGENCY_LABELS[a.agency] : (a.organisationName ?? ''),
        statusLabel: ATTENDANCE_STATUS_LABELS[a.status as AttendanceStatus] ?? a.status,
        partsLabel: parts.length === MEETING_PARTS.length ? 'All' : parts.length === 0 ? 'None' : parts.map((p) => MEETING_PART_LABELS[p]).join('; '),
        excludedLabel: inAgendaOrder(a.excludedParts).map((p) => MEETING_PART_LABELS[p]).join('; '),
        leftLabel: a.leftAt ? `${hhmm(a.leftAt)}${a.leftReason ? ` (${a.leftReason})` : ''}` : '',
        // EX2: the chair's decision before the conference, and its period.
        exclusionLabel: (() => {
          const d = a.exclusionRequestId ? state.exclusions.find((x) => x.id === a.exclusionRequestId) : null;
          return d ? `Excluded by the chair before the conference${d.period ? `: ${d.period}` : ''}` : '';
        })(),
        // EX3: the record an excluded family member gets, or that the chair has still to decide it.
        recordLabel: isFamilyKind(a.kind) && a.excludedParts.length > 0
          ? a.recordScope === 'whole'
            ? 'Gets the whole record'
            : isRecordWithheldGround(a.recordWithheldGround)
              ? `Gets the attended part only: ${RECORD_WITHHELD_GROUND_LABELS[a.recordWithheldGround].split(':')[0]!.toLowerCase()}`
              : 'The chair must give the ground for withholding the parts they missed'
          : '',
        supports: a.supportsAttendanceId ? (state.attendance.find((b) => b.id === a.supportsAttendanceId)?.name ?? '') : '',
      };
    }),
    subjects: state.subjects.map((child) => {
      const decision = state.decisions.find((d) => d.childId === child.childId) ?? null;
      const outline = state.outlinePlans.find((p) => p.childId === child.childId) ?? null;
      return {
        ...child,
        quorum: state.quorum.get(child.childId) ?? null,
        views: state.views.filter((v) => v.childId === child.childId).length,
        decision,
        outcomeLabel: decision && isOutcome(decision.outcome) ? OUTCOME_LABELS[decision.outcome] : null,
        categoriesLabel: decision ? describeCategories(decision.categories) : '',
        outlineGaps: decision?.outcome === 'plan' || outline ? outlinePlanGaps(outlineContent(outline)).length : null,
      };
    }),
    household: state.children.filter((c) => c.role === 'household'),
    quorumRule: `Children's social care and at least ${state.rules.quorum.otherAgenciesWithDirectContact} other agencies with direct contact with the child, present for the decision${state.rules.quorum.requiredAtInitial.length ? `; at an initial conference also ${state.rules.quorum.requiredAtInitial.map((a) => AGENCY_LABELS[a]).join(' and ')}` : ''}.`,
    quorumCitation: state.rules.quorum.citation,
  };
}
