import { choiceSet } from '../choices.js';

/**
 * The agencies and key disciplines a quorum counts (CF1) and, in Pan-Dorset, that each give one
 * view (DC2). Disciplines of one organisation count separately (a health visitor and a GP are two
 * disciplines), as the procedures speak of "agencies or key disciplines".
 */
export const { labels: AGENCY_LABELS, values: AGENCIES, is: isAgencyId } = choiceSet({
  'childrens-social-care': "Children's social care",
  police: 'Police',
  'health-visiting': 'Health visiting',
  'school-nursing': 'School nursing',
  midwifery: 'Midwifery',
  gp: 'GP',
  paediatrics: 'Paediatrics',
  'other-health': 'Other health service',
  'adult-mental-health': 'Adult mental health',
  education: 'School or education',
  'early-years': "Early years or children's centre",
  housing: 'Housing',
  probation: 'Probation',
  'youth-justice': 'Youth justice',
  'substance-misuse': 'Substance misuse service',
  'domestic-abuse': 'Domestic abuse service',
  voluntary: 'Voluntary organisation',
  legal: 'Local authority legal services',
  other: 'Other agency',
});
export type AgencyId = (typeof AGENCIES)[number];

/** Who someone is at the meeting; only professionals count towards a quorum or give a view. */
export const { labels: ATTENDEE_KIND_LABELS, values: ATTENDEE_KINDS } = choiceSet({
  chair: 'Chair',
  'minute-taker': 'Minute taker',
  professional: 'Professional',
  parent: 'Parent or carer',
  child: 'Child',
  'family-member': 'Other family member',
  supporter: 'Supporter, friend or solicitor',
  advocate: 'Advocate',
  interpreter: 'Interpreter',
  observer: 'Observer',
});
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];

/** Family members' copies leave out confidential sections (RP4) and parts they were excluded from (EX3). */
export function isFamilyKind(kind: string): boolean {
  return kind === 'parent' || kind === 'child' || kind === 'family-member' || kind === 'supporter';
}

export const { labels: ATTENDANCE_STATUS_LABELS, values: ATTENDANCE_STATUSES } = choiceSet({
  expected: 'Not yet marked',
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent without apologies',
  excluded: 'Excluded from the whole conference',
});
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
