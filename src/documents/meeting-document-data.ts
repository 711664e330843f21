import type { Outcome, ParentsView } from '../domain/conference/decision.js';
import type { OutlinePlanContent } from '../domain/conference/outline-plan.js';
import type { RecordSectionSpec } from '../domain/conference/record-sections.js';
import type { RecordForm } from '../domain/conference/record-rules.js';
import type { OnwardSharingConsent } from '../domain/conference/meeting-rules.js';

/** One child's decision as the decisions sheet and the record print it. Dates are YYYY-MM-DD. */
export interface ChildOutcomeData {
  name: string;
  dateOfBirth: string | null;
  outcome: Outcome;
  categories: readonly string[];
  sufferedHarm: boolean | null;
  sufferedHarmReasons: string;
  likelyHarm: boolean | null;
  likelyHarmReasons: string;
  basis: string | null;
  overruleReasons: string | null;
  furtherConferenceBy: string | null;
  quorate: boolean;
  inquorateReasons: string | null;
  earlyReview: boolean;
  categoryChangeGrounds: string | null;
  variationReason: string | null;
  leadSocialWorker: string | null;
  contactTeamManager: string | null;
  coreGroupMembers: readonly { name: string; role: string }[];
  firstCoreGroupOn: string | null;
  reviewOn: string | null;
  reviewTriggers: string | null;
  childInNeedRecommendation: string | null;
  legalActionRecommendation: string | null;
  interimSafetyPlan: string | null;
  reconvenedBy: string | null;
  writtenViewsSoughtBy: string | null;
  writtenResponsesBy: string | null;
  childrensCentre: string | null;
  childrensCentreReason: string | null;
  /** DC7: whether the parents agree with the decision, as the chair recorded it; null if not asked. */
  parentsView: ParentsView | null;
  complaintsRouteExplained: boolean;
  views: readonly { name: string; agency: string; planNeeded: boolean; categories: readonly string[]; reasons: string }[];
  dissents: readonly { name: string; agency: string; view: string }[];
  outline: OutlinePlanContent | null;
}

export interface ConferenceDocumentData {
  conferenceKindLabel: string;
  conferenceDate: string;
  /** The procedures in force (the pack's name): for staff screens, never printed as the document's heading. */
  areaName: string;
  /** The local authority holding the conference, and how to reach its conference team: printed on every document. */
  authority: { name: string; phone: string | null; email: string | null };
  chairName: string;
  minuteTakerName: string | null;
  children: readonly ChildOutcomeData[];
  householdChildren: readonly string[];
  /** RC4's notice in English, as the procedures word it. */
  confidentialityNotice: string;
  /** RC4: whose consent the notice names, as a code: what a translation keys on (never the English text). */
  confidentialityConsent: OnwardSharingConsent;
}

export interface AttendanceLine {
  name: string;
  role: string;
  agency: string;
  status: string;
  parts: string;
  left: string;
  writtenReport: string;
}

/** EX2: a chair's decision to exclude a family member, as the record states it. */
export interface ExclusionLine {
  name: string;
  grounds: string;
  decision: string;
  excludedFrom: string;
  recordGiven: string;
}

export interface RecordData extends ConferenceDocumentData {
  form: RecordForm;
  formReasons: readonly string[];
  version: number;
  approvedBy: string | null;
  approvedOn: string | null;
  attendance: readonly AttendanceLine[];
  /** EX2, EX3: who was excluded, on what grounds, for which parts, and the record they get (staff and professional copies only). */
  exclusions: readonly ExclusionLine[];
  sections: readonly { spec: RecordSectionSpec; text: string }[];
  addsRiskDissentsAndContingency: boolean;
}
