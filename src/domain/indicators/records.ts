import type { PackId } from '../packs/pack-id.js';

/**
 * The plain facts the indicators are computed from, as staff recorded them. Loaded by
 * src/modules/indicators/load-indicators.ts; built by hand in the tests. Dates are ISO dates;
 * date-times are London wall-clock times ('YYYY-MM-DDTHH:MM').
 */

/** A child considered as a subject at a conference. */
export interface ConferenceSubject {
  readonly childId: string;
  /** The team of the child's social worker; null when unallocated. */
  readonly teamId: string | null;
  /** The start of the section 47 enquiry that led to this conference (census S47ActualStartDate). */
  readonly s47StartedOn: string | null;
  /** The chair's decision for this child (CF1 quorum per child), once decided. */
  readonly decided: boolean;
  readonly quorate: boolean | null;
}

export interface ChildParticipationFact {
  readonly childId: string;
  readonly wish: string; // attend | not-attend | undecided | too-young
  readonly attendance: string; // all | part | none
  readonly viewsRoutes: readonly string[];
  readonly advocacyOffered: boolean;
  readonly advocacyConsent: string; // given | refused | not-yet-asked
}

export interface ConferenceFact {
  readonly id: string;
  readonly kind: string; // initial | pre-birth | transfer-in | review | designated-review | reconvened
  readonly status: string;
  readonly pack: PackId;
  readonly chairId: string | null;
  readonly heldOn: string | null;
  /** The statutory due date stored at convening (TS1, TS2, TS3 or a review's date). */
  readonly dueDate: string | null;
  readonly dueRuleId: string | null;
  /** London wall-clock start, when booked. */
  readonly scheduledStart: string | null;
  readonly subjects: readonly ConferenceSubject[];
  /** CV7: each rearrangement and the cancellation, with the day and the reason recorded. */
  readonly rearrangements: readonly { on: string; reason: string }[];
  readonly cancellation: { on: string; reason: string } | null;
  /** TS30: the latest out-of-timescale authorisation asked for, and its decision. */
  readonly outOfTimescale: { decision: string | null } | null;
  /** TS10 / TS11: when the decisions sheet and the approved record were first sent (London time). */
  readonly decisionsFirstSentAt: string | null;
  readonly recordFirstSentAt: string | null;
  /** CF3 / KP10: family members who were expected, by attendance status. */
  readonly parents: readonly { status: string }[];
  readonly childParticipation: readonly ChildParticipationFact[];
}

export interface PlanFact {
  readonly id: string;
  readonly childId: string;
  readonly teamId: string | null;
  /** The chair of the conference that made the plan. */
  readonly chairId: string | null;
  readonly pack: PackId;
  readonly startDate: string;
  readonly endDate: string | null;
  /** Census NumberOfPreviousCPP as recorded. */
  readonly previousPlans: number;
  /** Review conferences held for this child while the plan ran. */
  readonly reviews: readonly { heldOn: string; kind: string }[];
  readonly coreGroups: readonly { heldOn: string; nextIntervalWeeks: number | null }[];
  readonly visitFrequencyWeeks: number | null;
  readonly visits: readonly { visitedOn: string; childSeen: boolean }[];
}

export interface ReportFact {
  readonly id: string;
  readonly conferenceId: string;
  /** The child the report is about; an agency report covering every child names the first subject. */
  readonly childIds: readonly string[];
  readonly kind: string; // social-work | agency | family-views
  readonly submittedAt: string | null;
  readonly firstSharedAt: string | null;
}

export interface IndicatorRecords {
  readonly conferences: readonly ConferenceFact[];
  readonly plans: readonly PlanFact[];
  readonly reports: readonly ReportFact[];
}

export interface IndicatorFilter {
  readonly teamId?: string | undefined;
  readonly chairId?: string | undefined;
  readonly pack?: PackId | undefined;
}
