import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { cases, households, people } from './people.js';
import { createdNow, id } from './columns.js';

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
  chairId: uuid('chair_id').notNull().references(() => users.id),
  weekday: integer('weekday').notNull(),
  startTime: time('start_time').notNull(),
  endTime: time('end_time').notNull(),
  maxConferences: integer('max_conferences').notNull().default(3),
});

export const chairLeave = pgTable('chair_leave', {
  ...id(),
  chairId: uuid('chair_id').notNull().references(() => users.id),
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }).notNull(),
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
    decisionToConveneOn: date('decision_to_convene_on', { mode: 'string' }),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    authorisedBy: uuid('authorised_by').references(() => users.id),
    authorisedAt: timestamp('authorised_at', { withTimezone: true }),
    /** The statutory due date (census InitialCPCtarget for an ICPC) and what it was counted from. */
    dueDate: date('due_date', { mode: 'string' }),
    dueRuleId: text('due_rule_id'),
    dueFromFact: text('due_from_fact'),
    dueFromDate: date('due_from_date', { mode: 'string' }),
    chairId: uuid('chair_id').references(() => users.id),
    minuteTakerId: uuid('minute_taker_id').references(() => users.id),
    roomId: uuid('room_id').references(() => rooms.id),
    format: text('format'), // face-to-face | virtual | hybrid
    venue: text('venue'),
    scheduledStart: timestamp('scheduled_start', { withTimezone: true }),
    slotMinutes: integer('slot_minutes').notNull().default(90),
    familyRiskAssessment: text('family_risk_assessment'),
    epoExpiresOn: date('epo_expires_on', { mode: 'string' }),
    transferNoticeReceivedOn: date('transfer_notice_received_on', { mode: 'string' }),
    reconvenedFromId: uuid('reconvened_from_id'),
    iroId: uuid('iro_id').references(() => users.id),
    lacChairArrangement: text('lac_chair_arrangement'),
    heldOn: date('held_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    ...createdNow(),
  },
  (t) => [index('conferences_status').on(t.status), index('conferences_chair_start').on(t.chairId, t.scheduledStart)],
);

/** The children a conference considers: subjects (each initial or review) and other household children (CV1, CV2). */
export const conferenceChildren = pgTable(
  'conference_children',
  {
    ...id(),
    conferenceId: uuid('conference_id').notNull().references(() => conferences.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    childId: uuid('child_id').notNull().references(() => people.id),
    role: text('role').notNull(), // subject | household
    childType: text('child_type'), // initial | review (subjects only)
    likelyHarm: text('likely_harm'),
    harmFrom: text('harm_from'),
  },
  (t) => [index('conference_children_conference').on(t.conferenceId), index('conference_children_child').on(t.childId)],
);

export const conferenceStatusHistory = pgTable('conference_status_history', {
  ...id(),
  conferenceId: uuid('conference_id').notNull().references(() => conferences.id),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  event: text('event').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  by: uuid('by').references(() => users.id),
  reason: text('reason'),
  consulted: text('consulted'),
  details: jsonb('details').$type<Record<string, unknown>>(),
});

/** TS30: booking after the due date needs reasons, risk monitoring and a service manager's approval. */
export const outOfTimescaleAuthorisations = pgTable('out_of_timescale_authorisations', {
  ...id(),
  conferenceId: uuid('conference_id').notNull().references(() => conferences.id),
  proposedDate: date('proposed_date', { mode: 'string' }).notNull(),
  reasons: text('reasons').notNull(),
  riskMonitoring: text('risk_monitoring').notNull(),
  requestedBy: uuid('requested_by').notNull().references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  decision: text('decision'), // approved | refused
  decisionNote: text('decision_note'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  /** TS30: each written approval so far; where the pack names two signatories the decision waits for the second. */
  signatures: jsonb('signatures').$type<{ userId: string; name: string; note: string; at: string }[]>().notNull().default([]),
});

/** Census: a child protection plan per child (CPPstartDate, categories, NumberOfPreviousCPP, CPPendDate). */
export const childProtectionPlans = pgTable(
  'child_protection_plans',
  {
    ...id(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    childId: uuid('child_id').notNull().references(() => people.id),
    startConferenceId: uuid('start_conference_id').references(() => conferences.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    initialCategories: text('initial_categories').array().notNull().default(sql`'{}'::text[]`),
    latestCategories: text('latest_categories').array().notNull().default(sql`'{}'::text[]`),
    leadSocialWorkerId: uuid('lead_social_worker_id').references(() => users.id),
    visitFrequencyWeeks: integer('visit_frequency_weeks'),
    previousPlans: integer('previous_plans').notNull().default(0),
    endDate: date('end_date', { mode: 'string' }),
    endReason: text('end_reason'),
    /** RG1: a child placed here on another authority's plan; null when the plan is ours. */
    responsibleAuthority: text('responsible_authority'),
    /** UB2: for a plan made before birth, how the baby goes home from hospital; prompted until written. */
    dischargeHomePlan: text('discharge_home_plan'),
    /** UB2: who last wrote the discharge-home plan, and when. */
    dischargeHomePlanBy: uuid('discharge_home_plan_by').references(() => users.id),
    dischargeHomePlanAt: timestamp('discharge_home_plan_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...createdNow(),
  },
  (t) => [
    index('plans_child').on(t.childId), index('plans_open_start').on(t.startDate, t.endDate),
    // A social worker's home page, the simulator's mornings and plan lists read a worker's open plans:
    // without it the planner filters every open plan of the authority (5,000 rows for 100).
    index('plans_lead_open').on(t.leadSocialWorkerId).where(sql`${t.endDate} is null`),
  ],
);

/** Professionals of partner agencies, with or without a Convene account (invitations, reports). */
export const professionals = pgTable('professionals', {
  ...id(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  userId: uuid('user_id').references(() => users.id),
  name: text('name').notNull(),
  role: text('role').notNull(),
  secureEmail: text('secure_email'),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
});
