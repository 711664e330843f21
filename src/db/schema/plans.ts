import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { conferenceRef, planOfChild, planRef } from './conferences.js';
import { personRef } from './people.js';
import { instant, day, userRef, id, version, versioned, done, pending } from './columns.js';

/** One line of the detailed plan the core group keeps (PL2): who does what, by when, and how it is going. */
export const planActions = pgTable(
  'plan_actions',
  {
    ...id(),
    ...planOfChild(),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    ownerRole: text('owner_role').notNull(),
    dueOn: day('due_on'),
    progress: text('progress').notNull().default(''),
    status: text('status').notNull().default('not-started'), // see PLAN_ACTION_STATUSES
    coreGroupId: uuid('core_group_id'),
    createdAt: instant('created_at').notNull(),
    ...versioned(),
  },
  (t) => [index('plan_actions_plan').on(t.planId)],
);

export interface PlanActionSnapshot {
  action: string;
  owner: string;
  ownerRole: string;
  dueOn: string | null;
  progress: string;
  status: string;
}

/** Every version of a plan action, so the plan as it stood at any core group can be shown. */
export const planActionVersions = pgTable('plan_action_versions', {
  ...id(),
  actionId: uuid('action_id').notNull().references(() => planActions.id),
  version: integer('version').notNull(),
  snapshot: jsonb('snapshot').$type<PlanActionSnapshot>().notNull(),
  at: instant('at').notNull(),
  by: userRef('by'),
});

export interface CoreGroupMember {
  name: string;
  role: string;
  agency: string;
  attended: boolean;
  /** An absent member's written views (CG1). */
  writtenViews: string;
}

/** A core group meeting (CG1, TS8, TS9, TS27, UB2, RV3). */
export const coreGroupMeetings = pgTable(
  'core_group_meetings',
  {
    ...id(),
    ...planOfChild(),
    heldOn: day('held_on').notNull(),
    chairName: text('chair_name').notNull(),
    chairRole: text('chair_role').notNull(), // lead-social-worker | team-manager | other
    members: jsonb('members').$type<CoreGroupMember[]>().notNull().default([]),
    decisions: text('decisions').notNull(),
    actionsAgreed: text('actions_agreed').notNull().default(''),
    /** The interval to the next meeting (TS9 where the conference sets it), in weeks. */
    nextIntervalWeeks: integer('next_interval_weeks'),
    planUpdated: boolean('plan_updated').notNull().default(false),
    planDistributedOn: day('plan_distributed_on'),
    distributedTo: text('distributed_to'),
    dischargePlan: text('discharge_plan'),
    collectiveReviewReport: boolean('collective_review_report').notNull().default(false),
    ...version(),
    ...done('created'),
  },
  (t) => [index('core_group_meetings_plan').on(t.planId)],
);

/** CG2: a professional who cannot carry out their part of the plan, told to their manager and the lead social worker. */
export const planActionConcerns = pgTable('plan_action_concerns', {
  ...id(),
  ...planOfChild(),
  planActionId: uuid('plan_action_id').references(() => planActions.id),
  reporterName: text('reporter_name').notNull(),
  reporterAgency: text('reporter_agency').notNull(),
  whatCannotBeDone: text('what_cannot_be_done').notNull(),
  reason: text('reason').notNull(),
  managerName: text('manager_name').notNull(),
  managerEmail: text('manager_email').notNull(),
  ...done('reported'),
});

/** A statutory visit to one child (CG3, TS24): seen or not seen, and seen alone. */
export const planVisits = pgTable(
  'plan_visits',
  {
    ...id(),
    ...planOfChild(),
    visitedOn: day('visited_on').notNull(),
    childSeen: boolean('child_seen').notNull(),
    seenAlone: boolean('seen_alone').notNull().default(false),
    visitedBy: text('visited_by').notNull(),
    notSeenReason: text('not_seen_reason'),
    ...done('created'),
  },
  (t) => [index('plan_visits_plan').on(t.planId), index('plan_visits_seen').on(t.planId, t.visitedOn).where(sql`${t.childSeen}`)],
);

/** A change to how often the child is visited: asked for with reasons, approved by a team manager (CG3). */
export const visitFrequencyChanges = pgTable('visit_frequency_changes', {
  ...id(),
  ...planOfChild(),
  fromWeeks: integer('from_weeks'),
  proposedWeeks: integer('proposed_weeks').notNull(),
  reasons: text('reasons').notNull(),
  status: text('status').notNull().default('pending'), // pending | approved | refused
  ...done('requested'),
  ...pending('decided'),
  decisionNote: text('decision_note'),
  ...version(),
});

/** RV2: a reason to bring the review forward, and the review request it led to. */
export const reviewTriggers = pgTable('review_triggers', {
  ...id(),
  ...planOfChild(),
  trigger: text('trigger').notNull(), // see REVIEW_TRIGGERS; 'due' for an automatic request
  details: text('details').notNull().default(''),
  occurredOn: day('occurred_on').notNull(),
  holdBy: day('hold_by'),
  chairConsulted: boolean('chair_consulted').notNull().default(false),
  /** RV2 (newcastle, `004` 2.2.9): the IRO consulted about bringing the review forward: who, the day, and what they said. */
  iroConsultedName: text('iro_consulted_name'),
  iroConsultedOn: day('iro_consulted_on'),
  iroConsultedNote: text('iro_consulted_note'),
  conferenceId: conferenceRef('conference_id'),
  ...done('recorded'),
});

export interface EndingConsultee {
  name: string;
  role: string;
  response: 'agreed' | 'objected' | 'no-reply';
}

export interface EndingRecipient {
  name: string;
  role: string;
  channel: 'email' | 'post';
  address: string;
}

/** How a plan ended outside a review conference (EN1, EN2, EN4, EN5, EN6). */
export const planEndings = pgTable('plan_endings', {
  ...id(),
  ...planOfChild(),
  route: text('route').notNull(), // see ENDING_ROUTES
  endedOn: day('ended_on').notNull(),
  reason: text('reason').notNull(),
  decidedBy: userRef('decided_by'),
  decidedByName: text('decided_by_name').notNull(),
  secondManagerName: text('second_manager_name'),
  consultation: jsonb('consultation').$type<EndingConsultee[]>().notNull().default([]),
  continuingSupport: text('continuing_support').notNull(),
  continuingSupportDetails: text('continuing_support_details').notNull().default(''),
  notified: jsonb('notified').$type<EndingRecipient[]>().notNull().default([]),
  createdAt: instant('created_at').notNull(),
});

/** TS7: after a designated review that keeps the plan, the chair's note to service managers on why. */
export const designatedReviewBriefings = pgTable('designated_review_briefings', {
  ...id(),
  ...planOfChild(),
  conferenceId: conferenceRef('conference_id'),
  note: text('note').notNull(),
  ...done('written'),
});

/**
 * RV4: after a designated review that keeps the plan, the team manager records that legal advice
 * was sought and what it said, so no child stays on a plan in chronic difficulty without it.
 */
export const designatedReviewLegalAdvice = pgTable('designated_review_legal_advice', {
  ...id(),
  ...planOfChild(),
  conferenceId: conferenceRef('conference_id').notNull().unique(),
  soughtOn: date('sought_on').notNull(),
  adviser: text('adviser').notNull(),
  advice: text('advice').notNull(),
  ...done('recorded'),
});

/**
 * PL4: what the plan says about the child's identity and family: culture (diet, disability,
 * personal care), language, spiritual or religious needs and how any shortfall is met, contact
 * with the birth family, and whether a family group conference was considered. One per plan,
 * kept up to date by the lead social worker; a blank answer is a gap the plan page flags.
 */
export const planIdentityNeeds = pgTable('plan_identity_needs', {
  ...id(),
  planId: planRef('plan_id').notNull().unique(),
  childId: personRef('child_id').notNull(),
  culture: text('culture').notNull().default(''),
  language: text('language').notNull().default(''),
  religion: text('religion').notNull().default(''),
  shortfalls: text('shortfalls').notNull().default(''),
  birthFamilyContact: text('birth_family_contact').notNull().default(''),
  familyGroupConference: text('family_group_conference'), // referred | considered-not-referred | not-yet-considered
  familyGroupConferenceReasons: text('family_group_conference_reasons').notNull().default(''),
  ...version(),
  ...done('updated'),
});
