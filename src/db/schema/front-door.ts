import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { caseRef, households, personRef } from './people.js';
import { instant, day, userRef, organisationRef, id, version, createdByNow, done, pending, decision } from './columns.js';

/** A referral about one child (census CINreferralDate, ReferralSource, ReferralNFA). FD1. */
export const referrals = pgTable(
  'referrals',
  {
    ...id(),
    caseId: caseRef('case_id').notNull(),
    receivedAt: instant('received_at').notNull(),
    channel: text('channel').notNull(), // written | telephone | in-person | email | portal
    sourceCode: text('source_code').notNull(), // census 1A–10
    referrerName: text('referrer_name'),
    referrerRole: text('referrer_role'),
    referrerOrganisation: text('referrer_organisation'),
    referrerIsProfessional: boolean('referrer_is_professional').notNull().default(false),
    anonymous: boolean('anonymous').notNull().default(false),
    natureOfConcerns: text('nature_of_concerns').notNull(),
    howConcernsArose: text('how_concerns_arose').notNull(),
    needs: text('needs'),
    referrerInvolvement: text('referrer_involvement'),
    ...decision(), // initial-assessment | strategy-discussion | early-help | no-further-action
    acknowledgedAt: instant('acknowledged_at'),
    confirmedInWritingAt: instant('confirmed_in_writing_at'),
    ...createdByNow(),
  },
  (t) => [index('referrals_case').on(t.caseId)],
);

/** Initial assessment (FD2); census AssessmentActualStartDate / AssessmentAuthorisationDate. */
export const assessments = pgTable('assessments', {
  ...id(),
  caseId: caseRef('case_id').notNull(),
  kind: text('kind').notNull().default('initial'), // initial | core
  startedOn: day('started_on').notNull(),
  completedOn: day('completed_on'),
  discussedWithChildAndFamily: boolean('discussed_with_child_and_family').notNull().default(false),
  factors: text('factors').array().notNull().default(sql`'{}'::text[]`), // census assessment factor codes
  summary: text('summary'),
  authorisedBy: userRef('authorised_by'),
  authorisedOn: day('authorised_on'),
  ...createdByNow(),
});

export interface StrategyParticipant {
  agency: string;
  name: string;
  role: string;
}

/** A strategy discussion about one or more children of a household (FD3). */
export const strategyDiscussions = pgTable('strategy_discussions', {
  ...id(),
  householdId: uuid('household_id').references(() => households.id),
  heldAt: instant('held_at').notNull(),
  participants: jsonb('participants').$type<StrategyParticipant[]>().notNull(),
  informationShared: text('information_shared').notNull(),
  decisions: text('decisions').notNull(),
  basisForDecisions: text('basis_for_decisions').notNull(),
  initiateSection47: boolean('initiate_section_47').notNull(),
  immediateSafetyActions: text('immediate_safety_actions'),
  sharedWithFamily: text('shared_with_family'),
  legalAction: text('legal_action'),
  /** Physical abuse or serious neglect: the discussion is due the same working day, the child seen within 24 hours. */
  physicalAbuseOrSeriousNeglect: boolean('physical_abuse_or_serious_neglect').notNull().default(false),
  concernRaisedAt: instant('concern_raised_at'),
  recordCirculatedAt: instant('record_circulated_at'),
  ...createdByNow(),
});

export const strategyDiscussionChildren = pgTable('strategy_discussion_children', {
  ...id(),
  strategyDiscussionId: uuid('strategy_discussion_id').notNull().references(() => strategyDiscussions.id),
  caseId: caseRef('case_id').notNull(),
});

export interface ChildSeen {
  date: string;
  seenAlone: boolean;
  whoWasPresent?: string;
  whyNotAlone?: string;
}

/** Section 47 enquiry / core assessment per child (FD4, FD5); census S47ActualStartDate, ICPCnotRequired. */
export const section47Enquiries = pgTable(
  'section_47_enquiries',
  {
    ...id(),
    caseId: caseRef('case_id').notNull(),
    strategyDiscussionId: uuid('strategy_discussion_id').notNull().references(() => strategyDiscussions.id),
    startedOn: day('started_on').notNull(),
    childSeen: jsonb('child_seen').$type<ChildSeen[]>().notNull().default(sql`'[]'::jsonb`),
    coreAssessmentCompletedOn: day('core_assessment_completed_on'),
    outcome: text('outcome'), // not-substantiated | no-continuing-risk | continuing-risk
    outcomeReasons: text('outcome_reasons'),
    outcomeRecordedAt: instant('outcome_recorded_at'),
    ...pending('endorsed'),
    icpcNotRequired: boolean('icpc_not_required').notNull().default(false),
    /** FD6: the social worker's judgement whether the child is of an age and understanding to receive the outcome record; null until made. */
    childUnderstands: boolean('child_understands'),
    childUnderstandingReasons: text('child_understanding_reasons'),
    ...pending('childUnderstanding'),
    ...createdByNow(),
  },
  (t) => [index('s47_case').on(t.caseId)],
);

/**
 * FD6 (`002` 2.78): the record of the section 47 outcome shared with one parent, or with the child,
 * before any initial conference: how, in what format and language, and on what day. Once per person.
 */
export const section47OutcomeShares = pgTable(
  'section_47_outcome_shares',
  {
    ...id(),
    enquiryId: uuid('enquiry_id').notNull().references(() => section47Enquiries.id),
    personId: personRef('person_id').notNull(),
    recipient: text('recipient').notNull(), // parent | child
    method: text('method').notNull(), // letter | in-person | other
    methodDetail: text('method_detail').notNull().default(''),
    format: text('format').notNull(), // see SHARE_FORMATS
    language: text('language').notNull(),
    interpreter: boolean('interpreter').notNull().default(false),
    sharedOn: day('shared_on').notNull(),
    ...done('recorded'),
  },
  (t) => [uniqueIndex('section_47_outcome_shares_once').on(t.enquiryId, t.personId)],
);

/** A partner agency's request that a conference be convened (FD5): agreed or declined, with reasons. */
export const agencyConferenceRequests = pgTable('agency_conference_requests', {
  ...id(),
  caseId: caseRef('case_id').notNull(),
  organisationId: organisationRef('organisation_id'),
  professionalName: text('professional_name').notNull(),
  professionalRole: text('professional_role').notNull(),
  reasons: text('reasons').notNull(),
  receivedAt: instant('received_at').notNull(),
  ...decision(), // agreed | declined
  conferenceId: uuid('conference_id'),
  ...version(),
});
