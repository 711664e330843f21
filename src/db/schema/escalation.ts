import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { conferenceRef, planOfChild, planRef } from './conferences.js';
import { caseRef, personRef } from './people.js';
import { day, userRef, id, version, createdNow, createdByNow, done, pending } from './columns.js';

/** A child on another authority's plan moving in (TR1), or ours moving out (TR2). */
export const transferNotices = pgTable('transfer_notices', {
  ...id(),
  direction: text('direction').notNull(), // in | out
  childId: personRef('child_id').notNull(),
  caseId: caseRef('case_id'),
  otherAuthority: text('other_authority').notNull(),
  otherContactName: text('other_contact_name').notNull(),
  otherContactEmail: text('other_contact_email').notNull(),
  otherPlanCategory: text('other_plan_category'),
  noticeReceivedOn: day('notice_received_on'),
  noticeSentOn: day('notice_sent_on'),
  movedOn: day('moved_on'),
  conferenceId: conferenceRef('conference_id'),
  temporaryPlanId: planRef('temporary_plan_id'),
  /** Transfer out: the receiving authority's conference, after which our plan may end. */
  theirConferenceOn: day('their_conference_on'),
  theirDecision: text('their_decision'),
  status: text('status').notNull(), // open | conference-requested | completed
  ...createdByNow(),
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
  conferenceId: conferenceRef('conference_id').notNull(),
  complainantName: text('complainant_name').notNull(),
  complainantRelationship: text('complainant_relationship').notNull(),
  about: text('about').notNull(), // process | category | plan-decision
  details: text('details').notNull(),
  receivedOn: day('received_on').notNull(),
  stage: text('stage').notNull(), // chair | complaints-procedure | reconvened-conference | review-panel | closed
  history: jsonb('history').$type<StageEntry[]>().notNull().default([]),
  reconvenedConferenceId: conferenceRef('reconvened_conference_id'),
  outcome: text('outcome'), // resolved | upheld | not-upheld
  ...version(),
  ...createdByNow(),
});

/** A professional's dissent from a decision that they believe leaves a child at greater risk (CO2). */
export const dissents = pgTable('dissents', {
  ...id(),
  conferenceId: conferenceRef('conference_id').notNull(),
  childId: personRef('child_id'),
  professionalName: text('professional_name').notNull(),
  agency: text('agency').notNull(),
  view: text('view').notNull(),
  raisedWith: text('raised_with').notNull(),
  raisedOn: day('raised_on').notNull(),
  stage: text('stage').notNull(), // raised | with-service-manager | upheld | review-brought-forward | partnership-chair
  decisionNote: text('decision_note'),
  ...pending('decided'),
  ...version(),
  ...createdByNow(),
});

/** A chair's practice concern (poor preparation, plan not progressing), tracked to resolution (CO3). */
export const practiceConcerns = pgTable('practice_concerns', {
  ...id(),
  conferenceId: conferenceRef('conference_id'),
  raisedBy: userRef('raised_by').notNull(),
  raisedWith: text('raised_with').notNull(),
  agency: text('agency').notNull(),
  concern: text('concern').notNull(),
  raisedOn: day('raised_on').notNull(),
  resolution: text('resolution'),
  resolvedOn: day('resolved_on'),
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
    childId: personRef('child_id').notNull(),
    responsibleAuthority: text('responsible_authority').notNull(),
    responsibleBecause: text('responsible_because').notNull(), // plan | looked-after
    emergencyAction: text('emergency_action').notNull(),
    foundOn: day('found_on').notNull(),
    consultedOn: day('consulted_on').notNull(),
    consultedName: text('consulted_name').notNull(),
    consultationNotes: text('consultation_notes').notNull().default(''),
    theirAnswer: text('their_answer'), // accepts | declines
    answeredOn: day('answered_on'),
    writtenConfirmationOn: day('written_confirmation_on'),
    writtenConfirmationReference: text('written_confirmation_reference').notNull().default(''),
    status: text('status').notNull(), // see EMERGENCY_STATUSES
    ...pending('passed'),
    ...version(),
    ...done('recorded'),
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
    ...planOfChild(),
    change: text('change').notNull(), // moved-on | plan-ended
    changedOn: day('changed_on').notNull(),
    details: text('details').notNull(),
    ...pending('agenciesTold'),
    agenciesTold: jsonb('agencies_told').$type<{ name: string; address: string }[]>().notNull().default([]),
    ...version(),
    ...done('recorded'),
  },
  (t) => [uniqueIndex('temporary_resident_changes_plan').on(t.planId)],
);
