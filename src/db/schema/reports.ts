import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { conferenceOfChild, conferenceRef } from './conferences.js';
import { invitations } from './invitations.js';
import { outboxMessages } from './outbox.js';
import { personRef } from './people.js';
import { instant, day, userRef, id, version, versioned, done, pending, languageNeeds } from './columns.js';

/** One contribution of a report, under a heading (RP1, RP2), marked as RP3 asks. */
export interface ReportSectionEntry {
  heading: string;
  text: string;
  marking: 'fact' | 'observation' | 'allegation' | 'opinion' | null;
  secondHand: boolean;
}

/**
 * A report to a conference (RP1, RP2) or the family's own views (RP6). The confidential section
 * (RP4) lives in its own columns so that nothing family-facing can pick it up by iterating sections.
 */
export const reports = pgTable(
  'reports',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    /** Null for an agency report covering every child of the conference. */
    childId: personRef('child_id'),
    kind: text('kind').notNull(), // social-work | agency | family-views
    authorId: userRef('author_id').notNull(),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    agency: text('agency'),
    authorDetails: jsonb('author_details').$type<Record<string, string>>().notNull().default({}),
    status: text('status').notNull().default('draft'), // draft | submitted | shared
    submittedAt: instant('submitted_at'),
    sections: jsonb('sections').$type<ReportSectionEntry[]>().notNull().default([]),
    confidentialText: text('confidential_text'),
    confidentialReason: text('confidential_reason'),
    confidentialCategories: text('confidential_categories').array().notNull().default(sql`'{}'::text[]`),
    /** RP4: how the chair decided the confidential section is presented at the conference. */
    confidentialChairDecision: text('confidential_chair_decision'),
    fileName: text('file_name'),
    fileType: text('file_type'),
    fileBase64: text('file_base64'),
    ...version(),
    /** `003` social work report: whether it recommends legal action, stated by the social worker in the report (then a service manager agrees before the conference). Null until answered. */
    legalActionRecommended: boolean('legal_action_recommended'),
    /** `003`: the recommendation of legal action, in the social worker's words, when the report makes one. */
    legalActionRecommendation: text('legal_action_recommendation'),
    /** `003`: the team manager's check of the social work report, valid for the version checked only. */
    ...pending('managerChecked'),
    managerCheckedVersion: integer('manager_checked_version'),
    /** `003`: the service manager's answer to a recommendation of legal action: agreed | not-agreed. */
    legalActionDecision: text('legal_action_decision'),
    legalActionReasons: text('legal_action_reasons'),
    ...pending('legalActionDecided'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('reports_conference').on(t.conferenceId), index('reports_author').on(t.authorId)],
);

/** Each time a report went to the family (RP5, TS13/TS15/TS16): who, how, when, in what language. */
export const reportShares = pgTable(
  'report_shares',
  {
    ...id(),
    reportId: uuid('report_id').notNull().references(() => reports.id),
    invitationId: uuid('invitation_id').references(() => invitations.id),
    recipientName: text('recipient_name').notNull(),
    method: text('method').notNull(), // visit | secure-email | post | hand
    language: text('language').notNull(),
    translated: boolean('translated').notNull().default(false),
    reportVersion: integer('report_version').notNull(),
    ...done('shared', { byRequired: true }),
  },
  (t) => [index('report_shares_report').on(t.reportId)],
);

/** Points of factual inaccuracy and disagreement the family raised about a report (RP5). */
export const reportDisagreements = pgTable(
  'report_disagreements',
  {
    ...id(),
    reportId: uuid('report_id').notNull().references(() => reports.id),
    raisedBy: text('raised_by').notNull(),
    kind: text('kind').notNull(), // factual-inaccuracy | disagreement
    detail: text('detail').notNull(),
    outcome: text('outcome').notNull(), // amended | noted
    ...done('recorded', { byRequired: true }),
  },
  (t) => [index('report_disagreements_report').on(t.reportId)],
);

/** IN5 and IN6 per subject child: the participation assessment, how views reach the conference, advocacy. */
export const childParticipation = pgTable(
  'child_participation',
  {
    ...id(),
    ...conferenceOfChild(),
    assessment: jsonb('assessment').$type<Record<string, string>>().notNull().default({}),
    wish: text('wish').notNull(), // attend | not-attend | undecided | too-young
    attendance: text('attendance').notNull(), // all | part | none
    withParent: boolean('with_parent').notNull().default(false),
    preMeetingWithChair: boolean('pre_meeting_with_chair').notNull().default(false),
    viewsRoutes: text('views_routes').array().notNull().default(sql`'{}'::text[]`),
    advocacyOfferedOn: text('advocacy_offered_on'),
    advocacyConsent: text('advocacy_consent').notNull(), // given | refused | not-yet-asked
    interpreterLanguage: text('interpreter_language'),
    ...versioned(),
  },
  (t) => [index('child_participation_conference').on(t.conferenceId)],
);

/** IN7 and IN8 per family member invited: interpreter, adjustments, preparation, own views (RP6). */
export const familyParticipation = pgTable(
  'family_participation',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    invitationId: uuid('invitation_id').notNull().references(() => invitations.id),
    ...languageNeeds(),
    interpreterName: text('interpreter_name'),
    interpreterAccredited: boolean('interpreter_accredited').notNull().default(false),
    learningDisability: boolean('learning_disability').notNull().default(false),
    needsTranslation: boolean('needs_translation').notNull().default(false),
    adjustments: text('adjustments'),
    supporterName: text('supporter_name'),
    preparation: text('preparation').array().notNull().default(sql`'{}'::text[]`),
    ...versioned(),
  },
  (t) => [index('family_participation_conference').on(t.conferenceId)],
);

/** EX1–EX4: a request to exclude a family member and the chair's decision on it. */
export const exclusionRequests = pgTable(
  'exclusion_requests',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    invitationId: uuid('invitation_id').notNull().references(() => invitations.id),
    grounds: text('grounds').array().notNull(),
    evidence: text('evidence').notNull(),
    scope: text('scope').notNull(), // whole | part
    ...done('requested', { byRequired: true }),
    /** TS18: whether the request reached the chair in time; late requests are still decided. */
    inTime: boolean('in_time').notNull(),
    status: text('status').notNull().default('pending'), // pending | excluded | refused
    decisionReasons: text('decision_reasons'),
    period: text('period'),
    legalAdviceTaken: boolean('legal_advice_taken').notNull().default(false),
    /** EX4: the supporter who leaves with the excluded person. */
    supporterName: text('supporter_name'),
    ...pending('decided'),
    /** EX2: the parts of the meeting the exclusion covers (every part for the whole conference). */
    excludedParts: text('excluded_parts').array().notNull().default(sql`'{}'::text[]`),
    /** EX3: the record they get: 'whole' or 'attended-part', and the ground for withholding the rest. */
    recordScope: text('record_scope'),
    recordWithheldGround: text('record_withheld_ground'),
    /** EX3: the letter telling them, sent through the outbox (email, or the letters-to-post batch). */
    letterOutboxId: uuid('letter_outbox_id').references(() => outboxMessages.id),
    letterMethod: text('letter_method'),
    ...pending('letterSent'),
    ...version(),
  },
  (t) => [index('exclusion_requests_conference').on(t.conferenceId)],
);

/**
 * IN10: a child's request that is not followed because it would not serve them: the request, the
 * reasons, and when and how the reasons were explained to the child. Until that is recorded it
 * stays on the social worker's list.
 */
export const childRequestsNotFollowed = pgTable(
  'child_requests_not_followed',
  {
    ...id(),
    ...conferenceOfChild(),
    request: text('request').notNull(),
    reasons: text('reasons').notNull(),
    sharedWithChildOn: day('shared_with_child_on'),
    sharedHow: text('shared_how').notNull().default(''),
    ...version(),
    ...done('recorded'),
  },
  (t) => [index('child_requests_not_followed_conference').on(t.conferenceId)],
);

/**
 * IN10: for a parent with a learning disability or a mental health need, whether an advocate was
 * considered (referred, or not with reasons) and, once referred, the follow-up.
 */
export const parentAdvocacy = pgTable('parent_advocacy', {
  ...id(),
  conferenceId: conferenceRef('conference_id').notNull(),
  invitationId: uuid('invitation_id').notNull().references(() => invitations.id).unique(),
  learningDisability: boolean('learning_disability').notNull().default(false),
  mentalHealthNeed: boolean('mental_health_need').notNull().default(false),
  decision: text('decision'), // referred | not-referred
  reasons: text('reasons').notNull().default(''),
  followUp: text('follow_up').notNull().default(''),
  followedUpOn: day('followed_up_on'),
  ...version(),
  ...done('recorded'),
});
