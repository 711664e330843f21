import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, integer } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { childProtectionPlans, conferences } from './conferences.js';
import { cases, people } from './people.js';
import { createdNow, id } from './columns.js';

/** A child on another authority's plan moving in (TR1), or ours moving out (TR2). */
export const transferNotices = pgTable('transfer_notices', {
  ...id(),
  direction: text('direction').notNull(), // in | out
  childId: uuid('child_id').notNull().references(() => people.id),
  caseId: uuid('case_id').references(() => cases.id),
  otherAuthority: text('other_authority').notNull(),
  otherContactName: text('other_contact_name').notNull(),
  otherContactEmail: text('other_contact_email').notNull(),
  otherPlanCategory: text('other_plan_category'),
  noticeReceivedOn: date('notice_received_on', { mode: 'string' }),
  noticeSentOn: date('notice_sent_on', { mode: 'string' }),
  movedOn: date('moved_on', { mode: 'string' }),
  conferenceId: uuid('conference_id').references(() => conferences.id),
  temporaryPlanId: uuid('temporary_plan_id').references(() => childProtectionPlans.id),
  /** Transfer out: the receiving authority's conference, after which our plan may end. */
  theirConferenceOn: date('their_conference_on', { mode: 'string' }),
  theirDecision: text('their_decision'),
  status: text('status').notNull(), // open | conference-requested | completed
  createdBy: uuid('created_by').references(() => users.id),
  ...createdNow(),
});

export interface StageEntry {
  stage: string;
  startedOn: string;
  outcome?: string;
  outcomeOn?: string;
  note?: string;
  by?: string;
}

/** A family's complaint about a conference (CO1), moving through its stages. */
export const complaints = pgTable('complaints', {
  ...id(),
  conferenceId: uuid('conference_id').notNull().references(() => conferences.id),
  complainantName: text('complainant_name').notNull(),
  complainantRelationship: text('complainant_relationship').notNull(),
  about: text('about').notNull(), // process | category | plan-decision
  details: text('details').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  stage: text('stage').notNull(), // chair | complaints-procedure | reconvened-conference | review-panel | closed
  history: jsonb('history').$type<StageEntry[]>().notNull().default([]),
  reconvenedConferenceId: uuid('reconvened_conference_id').references(() => conferences.id),
  outcome: text('outcome'), // resolved | upheld | not-upheld
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  ...createdNow(),
});

/** A professional's dissent from a decision that they believe leaves a child at greater risk (CO2). */
export const dissents = pgTable('dissents', {
  ...id(),
  conferenceId: uuid('conference_id').notNull().references(() => conferences.id),
  childId: uuid('child_id').references(() => people.id),
  professionalName: text('professional_name').notNull(),
  agency: text('agency').notNull(),
  view: text('view').notNull(),
  raisedWith: text('raised_with').notNull(),
  raisedOn: date('raised_on', { mode: 'string' }).notNull(),
  stage: text('stage').notNull(), // raised | with-service-manager | upheld | review-brought-forward | partnership-chair
  decisionNote: text('decision_note'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  ...createdNow(),
});

/** A chair's practice concern (poor preparation, plan not progressing), tracked to resolution (CO3). */
export const practiceConcerns = pgTable('practice_concerns', {
  ...id(),
  conferenceId: uuid('conference_id').references(() => conferences.id),
  raisedBy: uuid('raised_by').notNull().references(() => users.id),
  raisedWith: text('raised_with').notNull(),
  agency: text('agency').notNull(),
  concern: text('concern').notNull(),
  raisedOn: date('raised_on', { mode: 'string' }).notNull(),
  resolution: text('resolution'),
  resolvedOn: date('resolved_on', { mode: 'string' }),
  ...createdNow(),
});

/**
 * TR3 (`002` 2.56): a child found here needing emergency action who is on another authority's plan
 * or looked after by it. That authority is consulted; responsibility passes to it only when it
 * explicitly accepts and the acceptance is confirmed in writing.
 */
export const emergencyResponsibility = pgTable(
  'emergency_responsibility',
  {
    ...id(),
    childId: uuid('child_id').notNull().references(() => people.id),
    responsibleAuthority: text('responsible_authority').notNull(),
    responsibleBecause: text('responsible_because').notNull(), // plan | looked-after
    emergencyAction: text('emergency_action').notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    consultedOn: date('consulted_on', { mode: 'string' }).notNull(),
    consultedName: text('consulted_name').notNull(),
    consultationNotes: text('consultation_notes').notNull().default(''),
    theirAnswer: text('their_answer'), // accepts | declines
    answeredOn: date('answered_on', { mode: 'string' }),
    writtenConfirmationOn: date('written_confirmation_on', { mode: 'string' }),
    writtenConfirmationReference: text('written_confirmation_reference').notNull().default(''),
    status: text('status').notNull(), // see EMERGENCY_STATUSES
    passedAt: timestamp('passed_at', { withTimezone: true }),
    passedBy: uuid('passed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('emergency_responsibility_child').on(t.childId)],
);

/**
 * TR3 (`003` temporary residents): a child of another authority living here on its plan has moved
 * on, or that authority ended the plan: the change is recorded and the local agencies told.
 */
export const temporaryResidentChanges = pgTable(
  'temporary_resident_changes',
  {
    ...id(),
    planId: uuid('plan_id').notNull().references(() => childProtectionPlans.id),
    childId: uuid('child_id').notNull().references(() => people.id),
    change: text('change').notNull(), // moved-on | plan-ended
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    details: text('details').notNull(),
    agenciesToldAt: timestamp('agencies_told_at', { withTimezone: true }),
    agenciesToldBy: uuid('agencies_told_by').references(() => users.id),
    agenciesTold: jsonb('agencies_told').$type<{ name: string; address: string }[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('temporary_resident_changes_plan').on(t.planId)],
);
