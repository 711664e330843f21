import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, time, uuid } from 'drizzle-orm/pg-core';
import { caseOfChild, households, personRef } from './people.js';
import { instant, day, userRef, organisationRef, id, version, createdNow, done, pending, statusChange } from './columns.js';

/** Meeting rooms for face-to-face and hybrid conferences (CV6). */
export const rooms = pgTable('rooms', {
  ...id(),
  name: text('name').notNull(),
  building: text('building').notNull(),
  /** The building's address, printed on letters and calendar entries so people can find it. */
  street: text('street'),
  town: text('town'),
  postcode: text('postcode'),
  capacity: integer('capacity').notNull(),
  stepFreeAccess: boolean('step_free_access').notNull().default(true),
  hearingLoop: boolean('hearing_loop').notNull().default(false),
  videoEquipped: boolean('video_equipped').notNull().default(false),
  active: boolean('active').notNull().default(true),
});

/** When a chair can chair: weekday 1 (Monday) … 5, and the hours. */
export const chairWorkingPatterns = pgTable('chair_working_patterns', {
  ...id(),
  chairId: userRef('chair_id').notNull(),
  weekday: integer('weekday').notNull(),
  startTime: time('start_time').notNull(),
  endTime: time('end_time').notNull(),
  maxConferences: integer('max_conferences').notNull().default(3),
});

export const chairLeave = pgTable('chair_leave', {
  ...id(),
  chairId: userRef('chair_id').notNull(),
  fromDate: day('from_date').notNull(),
  toDate: day('to_date').notNull(),
  reason: text('reason'),
});

/**
 * A conference, from the authorised decision to convene to held or cancelled (CV1).
 * Status changes go through the transitions table in src/domain/conference and are kept in
 * conference_status_history.
 */
export const conferences = pgTable(
  'conferences',
  {
    ...id(),
    householdId: uuid('household_id').references(() => households.id),
    kind: text('kind').notNull(), // initial | pre-birth | transfer-in | review | designated-review | reconvened
    status: text('status').notNull(), // awaiting-authorisation | requested | booked | invitations-sent | held | adjourned | cancelled
    pack: text('pack').notNull(),
    decisionToConveneOn: day('decision_to_convene_on'),
    ...pending('requested'),
    ...pending('authorised'),
    /** The statutory due date (census InitialCPCtarget for an ICPC) and what it was counted from. */
    dueDate: day('due_date'),
    dueRuleId: text('due_rule_id'),
    dueFromFact: text('due_from_fact'),
    dueFromDate: day('due_from_date'),
    chairId: userRef('chair_id'),
    minuteTakerId: userRef('minute_taker_id'),
    roomId: uuid('room_id').references(() => rooms.id),
    format: text('format'), // face-to-face | virtual | hybrid
    venue: text('venue'),
    scheduledStart: instant('scheduled_start'),
    slotMinutes: integer('slot_minutes').notNull().default(90),
    familyRiskAssessment: text('family_risk_assessment'),
    epoExpiresOn: day('epo_expires_on'),
    transferNoticeReceivedOn: day('transfer_notice_received_on'),
    reconvenedFromId: uuid('reconvened_from_id'),
    iroId: userRef('iro_id'),
    lacChairArrangement: text('lac_chair_arrangement'),
    heldOn: day('held_on'),
    ...version(),
    ...createdNow(),
  },
  (t) => [index('conferences_status').on(t.status), index('conferences_chair_start').on(t.chairId, t.scheduledStart)],
);

/** A reference to a conference. */
export function conferenceRef(name: string) {
  return uuid(name).references(() => conferences.id);
}

/** The conference a row belongs to and the child it is for (one row per child of a conference). */
export const conferenceOfChild = () => ({ conferenceId: conferenceRef('conference_id').notNull(), childId: personRef('child_id').notNull() });

/** The children a conference considers: subjects (each initial or review) and other household children (CV1, CV2). */
export const conferenceChildren = pgTable(
  'conference_children',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    ...caseOfChild(),
    role: text('role').notNull(), // subject | household
    childType: text('child_type'), // initial | review (subjects only)
    likelyHarm: text('likely_harm'),
    harmFrom: text('harm_from'),
  },
  (t) => [index('conference_children_conference').on(t.conferenceId), index('conference_children_child').on(t.childId)],
);

export const conferenceStatusHistory = pgTable('conference_status_history', {
  ...id(),
  conferenceId: conferenceRef('conference_id').notNull(),
  ...statusChange(),
  reason: text('reason'),
  consulted: text('consulted'),
  details: jsonb('details').$type<Record<string, unknown>>(),
});

/** TS30: booking after the due date needs reasons, risk monitoring and a service manager's approval. */
export const outOfTimescaleAuthorisations = pgTable('out_of_timescale_authorisations', {
  ...id(),
  conferenceId: conferenceRef('conference_id').notNull(),
  proposedDate: day('proposed_date').notNull(),
  reasons: text('reasons').notNull(),
  riskMonitoring: text('risk_monitoring').notNull(),
  ...done('requested', { byRequired: true }),
  decision: text('decision'), // approved | refused
  decisionNote: text('decision_note'),
  ...pending('decided'),
  /** TS30: each written approval so far; where the pack names two signatories the decision waits for the second. */
  signatures: jsonb('signatures').$type<{ userId: string; name: string; note: string; at: string }[]>().notNull().default([]),
});

/** Census: a child protection plan per child (CPPstartDate, categories, NumberOfPreviousCPP, CPPendDate). */
export const childProtectionPlans = pgTable(
  'child_protection_plans',
  {
    ...id(),
    ...caseOfChild(),
    startConferenceId: conferenceRef('start_conference_id'),
    startDate: day('start_date').notNull(),
    initialCategories: text('initial_categories').array().notNull().default(sql`'{}'::text[]`),
    latestCategories: text('latest_categories').array().notNull().default(sql`'{}'::text[]`),
    leadSocialWorkerId: userRef('lead_social_worker_id'),
    visitFrequencyWeeks: integer('visit_frequency_weeks'),
    previousPlans: integer('previous_plans').notNull().default(0),
    endDate: day('end_date'),
    endReason: text('end_reason'),
    /** RG1: a child placed here on another authority's plan; null when the plan is ours. */
    responsibleAuthority: text('responsible_authority'),
    /** UB2: for a plan made before birth, how the baby goes home from hospital; prompted until written. */
    dischargeHomePlan: text('discharge_home_plan'),
    /** UB2: who last wrote the discharge-home plan, and when. */
    ...pending('dischargeHomePlan'),
    ...version(),
    ...createdNow(),
  },
  (t) => [
    index('plans_child').on(t.childId), index('plans_open_start').on(t.startDate, t.endDate),
    // A social worker's home page, the simulator's mornings and plan lists read a worker's open plans:
    // without it the planner filters every open plan of the authority (5,000 rows for 100).
    index('plans_lead_open').on(t.leadSocialWorkerId).where(sql`${t.endDate} is null`),
  ],
);

/** A reference to a child protection plan. */
export function planRef(name: string) {
  return uuid(name).references(() => childProtectionPlans.id);
}

/** The plan a row belongs to and the child it is for. */
export const planOfChild = () => ({ planId: planRef('plan_id').notNull(), childId: personRef('child_id').notNull() });

/** Professionals of partner agencies, with or without a Convene account (invitations, reports). */
export const professionals = pgTable('professionals', {
  ...id(),
  organisationId: organisationRef('organisation_id').notNull(),
  userId: userRef('user_id'),
  name: text('name').notNull(),
  role: text('role').notNull(),
  secureEmail: text('secure_email'),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
});
