import type { ConferenceKind } from '../conference/kinds.js';
import type { PackId } from '../packs/pack-id.js';

/** A child the conference considers, as the invitation checklist needs to see them. */
export interface ChildFacts {
  personId: string;
  name: string;
  /** Subject children are the conference's concern; household children only widen the GP and school lists. */
  role: 'subject' | 'household';
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  gpName: string | null;
  gpPractice: string | null;
  /** Census disability codes; any code means a medical disorder or disability (paediatrician, IN2). */
  disabilities: readonly string[];
  lookedAfter: boolean;
  iro: StaffFacts | null;
}

export interface StaffFacts {
  userId: string;
  name: string;
  email: string | null;
}

export interface RelationshipFacts {
  childId: string;
  type: string; // mother | father | step-parent | carer | grandparent | other
  parentalResponsibility: boolean;
  livesWithChild: boolean;
}

export interface AdultFacts {
  personId: string;
  name: string;
  gpName: string | null;
  gpPractice: string | null;
  postalAddress: string | null;
  relationships: readonly RelationshipFacts[];
}

/**
 * What only a person can tell the checklist: nothing in the record says so. The checklist page
 * asks for these; every flag absent means "no".
 */
export interface Circumstances {
  policeInvestigation?: boolean;
  domesticAbuse?: boolean;
  neglect?: boolean;
  newInjury?: boolean;
  newMedicalReport?: boolean;
  disputedMedicalFindings?: boolean;
  growthOrDevelopmentConcern?: boolean;
  childrensCentreWorkingIntensively?: boolean;
  proceedingsLive?: boolean;
  fosterCarers?: boolean;
  incidentBeganOutOfHours?: boolean;
  protectionViaOutOfHours?: boolean;
  outOfHoursReferralsLastSixMonths?: number;
  legalAdviceRequestedByTeamManager?: boolean;
  involvedServices?: readonly AdultService[];
}

export const ADULT_SERVICES = ['probation', 'adult-mental-health', 'substance-misuse', 'domestic-abuse'] as const;
export type AdultService = (typeof ADULT_SERVICES)[number];

/** Everything the invitation checklist (IN1, IN2) is computed from. */
export interface CaseFacts {
  pack: PackId;
  conferenceKind: ConferenceKind;
  /** The conference date (for ages); the day the checklist is built when not booked yet. */
  onDate: string;
  children: readonly ChildFacts[];
  adults: readonly AdultFacts[];
  socialWorker: StaffFacts | null;
  teamManager: StaffFacts | null;
  /** Police took part in the strategy discussion or the enquiries. */
  policeInEnquiries: boolean;
  /** The family lives in council or housing-association property. */
  socialHousing: boolean;
  circumstances: Circumstances;
}
