import { Temporal } from 'temporal-polyfill';
import type { ChildFacts } from './case-facts.js';

export type InviteeKind = 'parent' | 'child' | 'family-member' | 'professional' | 'observer';
export type InvitationChannel = 'secure-email' | 'post' | 'hand';

/** Which partner service a professional suggestion stands for, so a named contact can be found for it. */
export type AgencyNeed =
  | 'police' | 'health-visitor' | 'school-nurse' | 'gp' | 'education' | 'midwifery' | 'housing' | 'fostering'
  | 'out-of-hours' | 'legal' | 'paediatrics' | 'childrens-centre' | 'guardian' | 'probation' | 'adult-mental-health'
  | 'substance-misuse' | 'domestic-abuse';

/** One line of the invitation checklist: who, in what role, and why the case suggests them. */
export interface Suggestion {
  inviteeKind: InviteeKind;
  name: string;
  role: string;
  organisationName: string | null;
  agency: AgencyNeed | null;
  personId: string | null;
  userId: string | null;
  email: string | null;
  postalAddress: string | null;
  channel: InvitationChannel;
  because: string;
  ruleId: 'IN1' | 'IN2' | 'UB2';
}

/** Children at this age or older are suggested; younger ones are left to the social worker (IN5). */
export const CHILD_INVITE_AGE = 12;

export function ageOn(dateOfBirth: string, on: string): number {
  return Temporal.PlainDate.from(dateOfBirth).until(Temporal.PlainDate.from(on), { largestUnit: 'years' }).years;
}

export function isUnborn(child: Pick<ChildFacts, 'dateOfBirth' | 'expectedDeliveryDate'>): boolean {
  return child.dateOfBirth === null && child.expectedDeliveryDate !== null;
}

