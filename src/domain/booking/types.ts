import type { Temporal } from 'temporal-polyfill';
import type { PlanSpan } from '../census/rules.js';

// Booking works on London wall-clock time: a day number (days since 1970-01-01) and minutes since
// midnight. The module converts stored instants once; the domain then compares integers only.

export const CONFERENCE_FORMATS = ['face-to-face', 'virtual', 'hybrid'] as const;
export type ConferenceFormat = (typeof CONFERENCE_FORMATS)[number];

export type Severity = 'refuse' | 'warn' | 'prompt';

/** One outcome of the booking checks, with the form field it concerns where there is one. */
export interface BookingFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  field?: string;
}

export interface WorkingPattern {
  /** ISO weekday, Monday = 1 … Friday = 5. */
  weekday: number;
  startMinute: number;
  endMinute: number;
  maxConferences: number;
}

export interface ChairDiaryEntry {
  id: string;
  name: string;
  patterns: readonly WorkingPattern[];
  /** Inclusive ISO dates. */
  leave: readonly { from: string; to: string }[];
}

export interface RoomEntry {
  id: string;
  name: string;
  videoEquipped: boolean;
}

/** A conference already in the diary (booked or invitations sent). */
export interface ExistingBooking {
  conferenceId: string;
  chairId: string | null;
  roomId: string | null;
  day: number;
  startMinute: number;
  slotMinutes: number;
}

/** The people who hold the case: none of them may chair it (CV4). */
export interface CaseStaff {
  socialWorkerId: string | null;
  /** The social worker's line manager (users.managerId). */
  lineManagerId: string | null;
  teamManagerId: string | null;
}

/** What is known about the conference being booked. */
export interface BookingRequest {
  conferenceId: string;
  kind: string;
  /** Statutory date it must be held by, ISO, and the rule that set it. */
  dueDate: string | null;
  dueRuleId: string | null;
  /** Whether the pack's TS30 covers the due rule: then a late date needs a service manager's authorisation. */
  lateNeedsAuthorisation: boolean;
  /** Dates a service manager has approved for a late conference (TS30). */
  approvedLateDates: readonly string[];
  previousChairId: string | null;
  caseStaff: readonly CaseStaff[];
  epoExpiresOn: string | null;
  /** A subject child's likely harm is recorded as coming from a named person (FD5): CV6 risk assessment. */
  familyRiskFlagged: boolean;
  /** A subject child is looked after (CV5). */
  lookedAfter: boolean;
  slotMinutes: number;
  /** The subject children's open plans here, which a review must fall inside (census C09). */
  subjectPlans?: readonly PlanSpan[] | undefined;
  /** The closing date of each subject child's case that has closed (census C12). */
  casesClosedOn?: readonly string[] | undefined;
}

export interface ProposedBooking {
  date: string;
  startMinute: number;
  chairId: string;
  roomId: string | null;
  format: ConferenceFormat;
  familyRiskAssessment?: string | null | undefined;
  iroId?: string | null | undefined;
  lacChairArrangement?: string | null | undefined;
}

/** "Now" on the London clock, and the calendar the authority counts working days on. */
export interface BookingClock {
  today: Temporal.PlainDate;
  minuteOfDay: number;
}
