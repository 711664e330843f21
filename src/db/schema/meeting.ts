import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { conferenceChildren, conferenceOfChild, conferenceRef, planRef } from './conferences.js';
import { invitations } from './invitations.js';
import { exclusionRequests } from './reports.js';
import type { PlanAction } from '../../domain/conference/outline-plan.js';
import { instant, day, userRef, id, version, versioned, done, pending, statusChange } from './columns.js';

/** Who ticked an opening item, and when (CF4). */
export interface ChecklistTick {
  by: string;
  byName: string;
  at: string;
}

/** Facts for RC1 that only the chair can say (the rest come from the conference and its children). */
export interface RecordFactsFlags {
  newHouseholdMember?: boolean;
  newSection47OnPlanChild?: boolean;
  legalPlanning?: boolean;
  reconvenedAfterComplaint?: boolean;
  directedByHeadOfService?: boolean;
}

/** The meeting on the day: one per conference, from opening to held or adjourned. */
export const meetings = pgTable(
  'meetings',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    status: text('status').notNull(), // in-progress | held | adjourned
    conferenceDate: day('conference_date').notNull(),
    ...done('opened'),
    ...pending('concluded'),
    checklist: jsonb('checklist').$type<Record<string, ChecklistTick>>().notNull().default({}),
    recordFacts: jsonb('record_facts').$type<RecordFactsFlags>().notNull().default({}),
    decisionsSheetVersion: integer('decisions_sheet_version').notNull().default(0),
    ...versioned(),
  },
  (t) => [uniqueIndex('meetings_conference').on(t.conferenceId)],
);

/** Attendance by person, agency, role and parts (CF3), apologies and reports, leaving and exclusion (EX3, EX4). */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    userId: userRef('user_id'),
    kind: text('kind').notNull(), // see ATTENDEE_KINDS
    name: text('name').notNull(),
    agency: text('agency'), // see AGENCIES; null for family members
    organisationName: text('organisation_name'),
    role: text('role').notNull(),
    status: text('status').notNull().default('expected'), // see ATTENDANCE_STATUSES
    onBehalfOf: text('on_behalf_of'),
    partsAttended: text('parts_attended').array().notNull().default(sql`'{}'::text[]`),
    excludedParts: text('excluded_parts').array().notNull().default(sql`'{}'::text[]`),
    leftAt: instant('left_at'),
    leftDuringPart: text('left_during_part'),
    leftReason: text('left_reason'),
    supportsAttendanceId: uuid('supports_attendance_id'),
    directContactChildIds: text('direct_contact_child_ids').array().notNull().default(sql`'{}'::text[]`),
    writtenReportSubmitted: boolean('written_report_submitted').notNull().default(false),
    writtenReportPresented: boolean('written_report_presented').notNull().default(false),
    /** EX3: the chair's decision on an excluded family member's copy: the attended part, or the whole record. */
    recordScope: text('record_scope').notNull().default('attended-part'),
    recordScopeGrounds: text('record_scope_grounds'),
    /** EX3: the ground for giving an excluded family member only the part they attended. */
    recordWithheldGround: text('record_withheld_ground'),
    /** EX2: the chair's decision before this conference that excluded them (never one from an earlier conference). */
    exclusionRequestId: uuid('exclusion_request_id').references(() => exclusionRequests.id),
    createdAt: instant('created_at').notNull(),
    ...versioned(),
  },
  (t) => [index('meeting_attendance_conference').on(t.conferenceId)],
);

/** Each practitioner's (Pan-Dorset: each agency's) view on the need for a plan, per child (DC2). */
export const meetingViews = pgTable(
  'meeting_views',
  {
    ...id(),
    ...conferenceOfChild(),
    attendanceId: uuid('attendance_id').notNull().references(() => meetingAttendance.id),
    name: text('name').notNull(),
    agency: text('agency').notNull(),
    planNeeded: boolean('plan_needed').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    reasons: text('reasons').notNull(),
    ...versioned(),
  },
  (t) => [index('meeting_views_conference_child').on(t.conferenceId, t.childId)],
);

export interface DissentEntry {
  name: string;
  agency: string;
  view: string;
}

export interface CoreGroupMemberEntry {
  name: string;
  role: string;
}

/** The chair's decision per child (DC1–DC8), with quorum (CF1) and overrule (TS21) follow-ups. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    ...id(),
    ...conferenceOfChild(),
    conferenceChildId: uuid('conference_child_id').notNull().references(() => conferenceChildren.id),
    outcome: text('outcome').notNull(),
    sufferedHarm: boolean('suffered_harm'),
    sufferedHarmReasons: text('suffered_harm_reasons').notNull().default(''),
    likelyHarm: boolean('likely_harm'),
    likelyHarmReasons: text('likely_harm_reasons').notNull().default(''),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    categoryChangeGrounds: text('category_change_grounds'),
    chairView: text('chair_view'),
    basis: text('basis'), // unanimous | majority | casting-vote | overrule | chair
    overrule: boolean('overrule').notNull().default(false),
    overruleReasons: text('overrule_reasons'),
    seniorManagersInformed: text('senior_managers_informed'),
    seniorManagersInformedOn: day('senior_managers_informed_on'),
    furtherConferenceBy: day('further_conference_by'),
    /** TS21: the senior managers' review after the overrule: further-conference | no-further-conference. */
    overruleReviewOutcome: text('overrule_review_outcome'),
    overruleReviewReasons: text('overrule_review_reasons'),
    ...pending('overruleReviewed'),
    furtherConferenceId: conferenceRef('further_conference_id'),
    quorate: boolean('quorate').notNull(),
    inquorateReasons: text('inquorate_reasons'),
    earlyReview: boolean('early_review').notNull().default(false),
    dissents: jsonb('dissents').$type<DissentEntry[]>().notNull().default([]),
    variationReason: text('variation_reason'),
    history: jsonb('history').$type<Record<string, unknown>[]>().notNull().default([]),
    childInNeedRecommendation: text('child_in_need_recommendation'),
    legalActionRecommendation: text('legal_action_recommendation'),
    interimSafetyPlan: text('interim_safety_plan'),
    parentsView: text('parents_view'),
    complaintsRouteExplained: boolean('complaints_route_explained').notNull().default(false),
    leadSocialWorkerId: userRef('lead_social_worker_id'),
    contactTeamManagerId: userRef('contact_team_manager_id'),
    coreGroupMembers: jsonb('core_group_members').$type<CoreGroupMemberEntry[]>().notNull().default([]),
    firstCoreGroupOn: day('first_core_group_on'),
    reviewOn: day('review_on'),
    reviewTriggers: text('review_triggers'),
    childrensCentre: text('childrens_centre'), // told | not-told
    childrensCentreReason: text('childrens_centre_reason'),
    /** EN3 (pan-dorset): the answers the chair gave before a review ended the plan. */
    endingChecks: jsonb('ending_checks').$type<{ firstReview: boolean; exception: string | null; childViewAscertained: boolean; coreAssessmentComplete: boolean }>(),
    writtenViewsSoughtBy: day('written_views_sought_by'),
    writtenResponsesBy: day('written_responses_by'),
    discontinuationPending: boolean('discontinuation_pending').notNull().default(false),
    planId: planRef('plan_id'),
    ...done('decided'),
    ...versioned(),
  },
  (t) => [uniqueIndex('meeting_decisions_conference_child').on(t.conferenceId, t.childId)],
);

/** The outline plan per child (PL1, PL3). */
export const meetingOutlinePlans = pgTable(
  'meeting_outline_plans',
  {
    ...id(),
    ...conferenceOfChild(),
    riskStatement: text('risk_statement').notNull().default(''),
    aim: text('aim').notNull().default(''),
    outcomes: text('outcomes').notNull().default(''),
    shortTermObjectives: text('short_term_objectives').notNull().default(''),
    longTermObjectives: text('long_term_objectives').notNull().default(''),
    actions: jsonb('actions').$type<PlanAction[]>().notNull().default([]),
    nonNegotiables: text('non_negotiables').notNull().default(''),
    immediateActions: text('immediate_actions').notNull().default(''),
    visitFrequencyWeeks: integer('visit_frequency_weeks'),
    contingency: text('contingency').notNull().default(''),
    endConditions: text('end_conditions').notNull().default(''),
    explainedToChild: text('explained_to_child').notNull().default(''),
    familyLanguage: text('family_language').notNull().default(''),
    familyCopyArrangements: text('family_copy_arrangements').notNull().default(''),
    ...versioned(),
  },
  (t) => [uniqueIndex('meeting_outline_plans_conference_child').on(t.conferenceId, t.childId)],
);

/** The record of the conference (RC1–RC4): full minutes or the chair's record, draft → approved → distributed. */
export const conferenceRecords = pgTable(
  'conference_records',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    form: text('form').notNull(), // full-minutes | chairs-record
    formReasons: text('form_reasons').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(0),
    approvedVersion: integer('approved_version'),
    ...pending('approved'),
    ...versioned(),
  },
  (t) => [uniqueIndex('conference_records_conference').on(t.conferenceId)],
);

/** Every saved version of the record's written sections is kept. */
export const conferenceRecordVersions = pgTable(
  'conference_record_versions',
  {
    ...id(),
    recordId: uuid('record_id').notNull().references(() => conferenceRecords.id),
    number: integer('number').notNull(),
    sections: jsonb('sections').$type<Record<string, string>>().notNull(),
    ...done('saved'),
  },
  (t) => [uniqueIndex('conference_record_versions_number').on(t.recordId, t.number)],
);

/** Status changes of the meeting and the record, beside conference_status_history. */
export const meetingEvents = pgTable(
  'meeting_events',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    subject: text('subject').notNull(), // meeting | record
    ...statusChange(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('meeting_events_conference').on(t.conferenceId)],
);

/** Every copy sent of the decisions sheet, the record, or a letter to a missing agency: who, which version, how, when (RC3). */
export const meetingDistributions = pgTable(
  'meeting_distributions',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    document: text('document').notNull(), // decisions | record | quorum-letter
    documentVersion: integer('document_version').notNull(),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    recipientName: text('recipient_name').notNull(),
    recipientRole: text('recipient_role').notNull(),
    familyCopy: boolean('family_copy').notNull().default(false),
    method: text('method').notNull(), // email | post | not-sent
    address: text('address'),
    outboxMessageId: uuid('outbox_message_id'),
    redactedParts: text('redacted_parts').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    ...done('distributed'),
  },
  (t) => [index('meeting_distributions_conference').on(t.conferenceId, t.document)],
);

/**
 * RC6 (`004` 8.2.2–8.2.4): what the conference decided to share with the police and with the child
 * and family, what is held back because it could put a child at risk or harm an investigation,
 * whether consent was sought and given, and where refused whether to share anyway, with reasons.
 */
export const conferenceInformationSharing = pgTable(
  'conference_information_sharing',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    withPolice: text('with_police').notNull().default(''),
    withFamily: text('with_family').notNull().default(''),
    withheld: text('withheld').notNull().default(''),
    consent: text('consent').notNull(), // given | refused | not-needed
    consentFrom: text('consent_from').notNull().default(''),
    shareAnyway: boolean('share_anyway'),
    shareAnywayReasons: text('share_anyway_reasons').notNull().default(''),
    policeConsulted: boolean('police_consulted'),
    ...version(),
    ...done('recorded'),
  },
  (t) => [uniqueIndex('conference_information_sharing_conference').on(t.conferenceId)],
);

/** RC5: a recording of the conference, kept with the record; a redacted copy names whom it was cut for. */
export const conferenceRecordings = pgTable(
  'conference_recordings',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    kind: text('kind').notNull(), // original | redacted
    redactedForInvitationId: uuid('redacted_for_invitation_id').references(() => invitations.id),
    description: text('description').notNull().default(''),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    fileBase64: text('file_base64').notNull(),
    bytes: integer('bytes').notNull(),
    ...done('uploaded', { byRequired: true }),
    /** RC7: set when the case's records were disposed of; the content is gone, this row is the stub. */
    disposedAt: instant('disposed_at'),
  },
  (t) => [index('conference_recordings_conference').on(t.conferenceId)],
);

/** RC5: a family member's or professional's request for the recording, and the chair's release of a copy. */
export const recordingReleaseRequests = pgTable(
  'recording_release_requests',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    invitationId: uuid('invitation_id').notNull().references(() => invitations.id),
    howAsked: text('how_asked').notNull(),
    requestedOn: day('requested_on').notNull(),
    ...done('recorded', { byRequired: true }),
    status: text('status').notNull().default('pending'), // pending | released | refused
    recordingId: uuid('recording_id').references(() => conferenceRecordings.id),
    noRedactionReason: text('no_redaction_reason'),
    refusalReasons: text('refusal_reasons'),
    ...pending('decided'),
    ...version(),
  },
  (t) => [index('recording_release_requests_conference').on(t.conferenceId)],
);
