import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, conferenceRecordVersions, conferences, organisations, type conferenceRecords } from '../../db/schema/index.js';
import { AGENCY_LABELS, ATTENDANCE_STATUS_LABELS, isAgencyId, isFamilyKind, type AttendanceStatus } from '../../domain/conference/agencies.js';
import { isOutcome, isParentsView } from '../../domain/conference/decision.js';
import { CONFERENCE_KIND_LABELS, conferenceKindOf } from '../../domain/conference/kinds.js';
import { MEETING_PARTS, MEETING_PART_LABELS, inAgendaOrder, isMeetingPart } from '../../domain/conference/meeting-parts.js';
import { recordSectionsFor } from '../../domain/conference/record-sections.js';
import { confidentialityNotice, type RecordForm } from '../../domain/conference/record-rules.js';
import { PACKS } from '../../domain/packs/index.js';
import type { AttendanceLine, ChildOutcomeData, ConferenceDocumentData, ExclusionLine, RecordData } from '../../documents/meeting-document-data.js';
import { EXCLUSION_GROUND_LABELS, RECORD_WITHHELD_GROUND_LABELS, isExclusionGround, isRecordWithheldGround } from '../../domain/participation/exclusion.js';
import { londonDateTimeOf, londonIsoDate } from '../../domain/calendar/london-time.js';
import { loadUserNames } from '../accounts/load-user-names.js';
import type { MeetingState } from './meeting-state.js';
import { outlineContent } from './outline-content.js';

/** What the decisions sheet and the record say about the conference and each child, read from the meeting. */
export async function conferenceDocumentData(db: Queryable, state: MeetingState): Promise<ConferenceDocumentData> {
  const { conference } = state;
  const names = await loadUserNames(db, [
    conference.chairId,
    conference.minuteTakerId,
    ...state.decisions.flatMap((d) => [d.leadSocialWorkerId, d.contactTeamManagerId]),
  ]);
  const [reconvened] = await db.select({ dueDate: conferences.dueDate }).from(conferences).where(eq(conferences.reconvenedFromId, conference.id));
  const kind = conferenceKindOf(conference.kind);
  const children: ChildOutcomeData[] = [];
  for (const child of state.subjects) {
    const d = state.decisions.find((x) => x.childId === child.childId);
    if (!d || !isOutcome(d.outcome)) continue;
    const outline = state.outlinePlans.find((p) => p.childId === child.childId) ?? null;
    children.push({
      name: child.name,
      dateOfBirth: child.dateOfBirth,
      outcome: d.outcome,
      categories: d.categories,
      sufferedHarm: d.sufferedHarm,
      sufferedHarmReasons: d.sufferedHarmReasons,
      likelyHarm: d.likelyHarm,
      likelyHarmReasons: d.likelyHarmReasons,
      basis: d.basis,
      overruleReasons: d.overruleReasons,
      furtherConferenceBy: d.furtherConferenceBy,
      quorate: d.quorate,
      inquorateReasons: d.inquorateReasons,
      earlyReview: d.earlyReview,
      categoryChangeGrounds: d.categoryChangeGrounds,
      variationReason: d.variationReason,
      leadSocialWorker: d.leadSocialWorkerId ? (names.get(d.leadSocialWorkerId) ?? null) : null,
      contactTeamManager: d.contactTeamManagerId ? (names.get(d.contactTeamManagerId) ?? null) : null,
      coreGroupMembers: d.coreGroupMembers,
      firstCoreGroupOn: d.firstCoreGroupOn,
      reviewOn: d.reviewOn,
      reviewTriggers: d.reviewTriggers,
      childInNeedRecommendation: d.childInNeedRecommendation,
      legalActionRecommendation: d.legalActionRecommendation,
      interimSafetyPlan: d.interimSafetyPlan,
      reconvenedBy: d.outcome === 'adjourned' ? (reconvened?.dueDate ?? null) : null,
      writtenViewsSoughtBy: d.writtenViewsSoughtBy,
      writtenResponsesBy: d.writtenResponsesBy,
      childrensCentre: d.childrensCentre,
      childrensCentreReason: d.childrensCentreReason,
      parentsView: d.parentsView !== null && isParentsView(d.parentsView) ? d.parentsView : null,
      complaintsRouteExplained: d.complaintsRouteExplained,
      views: state.views
        .filter((v) => v.childId === child.childId)
        .map((v) => ({ name: v.name, agency: isAgencyId(v.agency) ? AGENCY_LABELS[v.agency] : v.agency, planNeeded: v.planNeeded, categories: v.categories, reasons: v.reasons })),
      dissents: d.dissents,
      outline: d.outcome === 'plan' && outline ? outlineContent(outline) : null,
    });
  }
  const caseId = state.subjects[0]?.caseId ?? state.children[0]?.caseId;
  const [authority] = caseId
    ? await db.select({ name: organisations.name, phone: organisations.phone, email: organisations.secureEmail }).from(cases)
      .innerJoin(organisations, eq(organisations.id, cases.organisationId)).where(eq(cases.id, caseId))
    : [];
  return {
    conferenceKindLabel: CONFERENCE_KIND_LABELS[kind],
    authority: authority ?? { name: 'The local authority', phone: null, email: null },
    conferenceDate: state.meeting?.conferenceDate ?? (conference.scheduledStart ? londonIsoDate(conference.scheduledStart) : ''),
    areaName: PACKS[state.pack].name,
    chairName: (conference.chairId && names.get(conference.chairId)) || 'Not recorded',
    minuteTakerName: (conference.minuteTakerId && names.get(conference.minuteTakerId)) || null,
    children,
    householdChildren: state.children.filter((c) => c.role === 'household').map((c) => c.name),
    confidentialityNotice: confidentialityNotice(state.rules.record),
    confidentialityConsent: state.rules.record.onwardSharingConsentFrom,
  };
}

function attendanceLines(state: MeetingState): AttendanceLine[] {
  return state.attendance.map((a) => {
    const parts = inAgendaOrder(a.partsAttended);
    const status = (a.status in ATTENDANCE_STATUS_LABELS ? ATTENDANCE_STATUS_LABELS[a.status as AttendanceStatus] : a.status) + (a.onBehalfOf ? ` (for ${a.onBehalfOf})` : '');
    const left = a.leftAt ? `${londonDateTimeOf(a.leftAt).toPlainTime().toString().slice(0, 5)}${a.leftDuringPart && isMeetingPart(a.leftDuringPart) ? `, during ${MEETING_PART_LABELS[a.leftDuringPart].toLowerCase()}` : ''}` : '';
    return {
      name: a.name,
      role: a.role,
      agency: a.agency && isAgencyId(a.agency) ? AGENCY_LABELS[a.agency] : (a.organisationName ?? ''),
      status,
      parts: parts.length === MEETING_PARTS.length ? 'All' : parts.map((p) => MEETING_PART_LABELS[p]).join('; '),
      left,
      writtenReport: a.writtenReportSubmitted ? (a.writtenReportPresented ? 'Submitted and presented' : 'Submitted') : '',
    };
  });
}

/** EX2, EX3: every exclusion at this conference, decided beforehand or by asking someone to leave. */
function exclusionLines(state: MeetingState): ExclusionLine[] {
  const lines: ExclusionLine[] = [];
  for (const a of state.attendance) {
    if (!isFamilyKind(a.kind) || a.excludedParts.length === 0) continue;
    const d = a.exclusionRequestId ? state.exclusions.find((x) => x.id === a.exclusionRequestId) : null;
    const parts = inAgendaOrder(a.excludedParts);
    const ground = isRecordWithheldGround(a.recordWithheldGround) ? RECORD_WITHHELD_GROUND_LABELS[a.recordWithheldGround] : null;
    lines.push({
      name: a.name,
      grounds: d ? d.grounds.map((g) => (isExclusionGround(g) ? EXCLUSION_GROUND_LABELS[g] : g)).join('; ') : (a.leftReason ?? ''),
      decision: d
        ? `Decided before the conference: ${d.decisionReasons ?? ''}${d.period ? ` Period: ${d.period}.` : ''}${d.legalAdviceTaken ? ' Legal advice was taken.' : ''}`
        : `Asked to leave during the conference${a.leftAt ? ` at ${londonDateTimeOf(a.leftAt).toPlainTime().toString().slice(0, 5)}` : ''}.`,
      excludedFrom: parts.length === MEETING_PARTS.length ? 'The whole conference' : parts.map((p) => MEETING_PART_LABELS[p]).join('; '),
      recordGiven: a.recordScope === 'whole' ? 'The whole record' : `The parts attended only${ground ? `. Ground: ${ground}` : ''}`,
    });
  }
  return lines;
}

/** The record as of one saved version of its written sections. */
export async function recordData(
  db: Queryable,
  state: MeetingState,
  record: typeof conferenceRecords.$inferSelect,
  versionNumber: number,
): Promise<RecordData> {
  const base = await conferenceDocumentData(db, state);
  const [saved] = await db
    .select()
    .from(conferenceRecordVersions)
    .where(and(eq(conferenceRecordVersions.recordId, record.id), eq(conferenceRecordVersions.number, versionNumber)));
  const text = saved?.sections ?? {};
  const form = record.form as RecordForm;
  const approver = record.approvedBy ? (await loadUserNames(db, [record.approvedBy])).get(record.approvedBy) ?? null : null;
  return {
    ...base,
    form,
    formReasons: record.formReasons,
    version: versionNumber,
    approvedBy: record.approvedVersion === versionNumber ? approver : null,
    approvedOn: record.approvedVersion === versionNumber && record.approvedAt ? londonIsoDate(record.approvedAt) : null,
    attendance: attendanceLines(state),
    exclusions: exclusionLines(state),
    sections: recordSectionsFor(form, state.rules.record).map((spec) => ({ spec, text: text[spec.key] ?? '' })),
    addsRiskDissentsAndContingency: state.rules.record.addsRiskDissentsAndContingency,
  };
}
