import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { cases, households, people } from './people.js';
import { createdNow, id } from './columns.js';

/** A referral about one child (census CINreferralDate, ReferralSource, ReferralNFA). FD1. */
export const referrals = pgTable(
  'referrals',
  {
    ...id(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
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
    decision: text('decision'), // initial-assessment | strategy-discussion | early-help | no-further-action
    decisionReasons: text('decision_reasons'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    confirmedInWritingAt: timestamp('confirmed_in_writing_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    ...createdNow(),
  },
  (t) => [index('referrals_case').on(t.caseId)],
);

/** Initial assessment (FD2); census AssessmentActualStartDate / AssessmentAuthorisationDate. */
export const assessments = pgTable('assessments', {
  ...id(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  kind: text('kind').notNull().default('initial'), // initial | core
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  completedOn: date('completed_on', { mode: 'string' }),
  discussedWithChildAndFamily: boolean('discussed_with_child_and_family').notNull().default(false),
  factors: text('factors').array().notNull().default(sql`'{}'::text[]`), // census assessment factor codes
  summary: text('summary'),
  authorisedBy: uuid('authorised_by').references(() => users.id),
  authorisedOn: date('authorised_on', { mode: 'string' }),
  createdBy: uuid('created_by').references(() => users.id),
  ...createdNow(),
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
  heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
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
  concernRaisedAt: timestamp('concern_raised_at', { withTimezone: true }),
  recordCirculatedAt: timestamp('record_circulated_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  ...createdNow(),
});

export const strategyDiscussionChildren = pgTable('strategy_discussion_children', {
  ...id(),
  strategyDiscussionId: uuid('strategy_discussion_id').notNull().references(() => strategyDiscussions.id),
  caseId: uuid('case_id').notNull().references(() => cases.id),
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
    caseId: uuid('case_id').notNull().references(() => cases.id),
    strategyDiscussionId: uuid('strategy_discussion_id').notNull().references(() => strategyDiscussions.id),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    childSeen: jsonb('child_seen').$type<ChildSeen[]>().notNull().default(sql`'[]'::jsonb`),
    coreAssessmentCompletedOn: date('core_assessment_completed_on', { mode: 'string' }),
    outcome: text('outcome'), // not-substantiated | no-continuing-risk | continuing-risk
    outcomeReasons: text('outcome_reasons'),
    outcomeRecordedAt: timestamp('outcome_recorded_at', { withTimezone: true }),
    endorsedBy: uuid('endorsed_by').references(() => users.id),
    endorsedAt: timestamp('endorsed_at', { withTimezone: true }),
    icpcNotRequired: boolean('icpc_not_required').notNull().default(false),
    /** FD6: the social worker's judgement whether the child is of an age and understanding to receive the outcome record; null until made. */
    childUnderstands: boolean('child_understands'),
    childUnderstandingReasons: text('child_understanding_reasons'),
    childUnderstandingBy: uuid('child_understanding_by').references(() => users.id),
    childUnderstandingAt: timestamp('child_understanding_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    ...createdNow(),
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
    personId: uuid('person_id').notNull().references(() => people.id),
    recipient: text('recipient').notNull(), // parent | child
    method: text('method').notNull(), // letter | in-person | other
    methodDetail: text('method_detail').notNull().default(''),
    format: text('format').notNull(), // see SHARE_FORMATS
    language: text('language').notNull(),
    interpreter: boolean('interpreter').notNull().default(false),
    sharedOn: date('shared_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('section_47_outcome_shares_once').on(t.enquiryId, t.personId)],
);

/** A partner agency's request that a conference be convened (FD5): agreed or declined, with reasons. */
export const agencyConferenceRequests = pgTable('agency_conference_requests', {
  ...id(),
  caseId: uuid('case_id').notNull().references(() => cases.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  professionalName: text('professional_name').notNull(),
  professionalRole: text('professional_role').notNull(),
  reasons: text('reasons').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  decision: text('decision'), // agreed | declined
  decisionReasons: text('decision_reasons'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  conferenceId: uuid('conference_id'),
  version: integer('version').notNull().default(1),
});
