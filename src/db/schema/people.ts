import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, day, userRef, organisationRef, id, version, createdNow, done, decision, period, languageNeeds } from './columns.js';

export interface Alias {
  givenNames: string;
  familyName: string;
}

/**
 * A child (born or unborn) or an adult. Census facts live here from the start:
 * LAchildID, PersonBirthDate / ExpectedPersonBirthDate, Sex, Ethnicity, Disability, PersonDeathDate.
 */
export const people = pgTable(
  'people',
  {
    ...id(),
    kind: text('kind').notNull(), // child | adult
    laChildId: text('la_child_id'),
    givenNames: text('given_names').notNull().default(''),
    familyName: text('family_name').notNull(),
    aliases: jsonb('aliases').$type<Alias[]>().notNull().default(sql`'[]'::jsonb`),
    dateOfBirth: day('date_of_birth'),
    expectedDeliveryDate: day('expected_delivery_date'),
    sex: text('sex'), // census: M | F | U
    gender: text('gender'),
    ethnicity: text('ethnicity'), // census ethnicity code
    ...languageNeeds(),
    disabilities: text('disabilities').array().notNull().default(sql`'{}'::text[]`), // census disability codes
    communicationNeeds: text('communication_needs'),
    learningDisability: boolean('learning_disability').notNull().default(false),
    nationality: text('nationality'),
    immigrationStatus: text('immigration_status'),
    euSettlementStatus: text('eu_settlement_status'), // none | pre-settled | settled
    dateOfDeath: day('date_of_death'),
    /** Ten digits with a valid check digit (CP-IS matches children by it). */
    nhsNumber: text('nhs_number'),
    gpName: text('gp_name'),
    gpPractice: text('gp_practice'),
    /** The person's id in the system they were imported from (`register import-people`). */
    externalRef: text('external_ref'),
    /** A digest of the imported row, so importing the same row again changes nothing. */
    importDigest: text('import_digest'),
    ...createdNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    ...version(),
  },
  (t) => [
    uniqueIndex('people_la_child_id').on(t.laChildId),
    index('people_family_name_lower').on(sql`lower(${t.familyName})`),
    uniqueIndex('people_external_ref').on(t.externalRef),
  ],
);

/** A reference to a person (a child or an adult). */
export function personRef(name: string) {
  return uuid(name).references(() => people.id);
}

/**
 * The enquiry matcher's index (src/domain/matching/keys.ts): each person filed under a handful of
 * blocking keys (name sounds, date of birth, postcode), so a search reads an index, never a scan.
 * Rebuilt in the same transaction whenever a person's names, date of birth or addresses change.
 */
export const personMatchKeys = pgTable(
  'person_match_keys',
  {
    key: text('key').notNull(),
    personId: personRef('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.personId] }), index('person_match_keys_person').on(t.personId)],
);

export const addresses = pgTable(
  'addresses',
  {
  ...id(),
  personId: personRef('person_id').notNull(),
  line1: text('line1').notNull(),
  line2: text('line2'),
  town: text('town').notNull(),
  postcode: text('postcode').notNull(),
  ...period(),
  /** Council or housing-association property: housing is then suggested as an invitee (IN2). */
  socialHousing: boolean('social_housing').notNull().default(false),
  },
  (t) => [index('addresses_person').on(t.personId)],
);

export const households = pgTable('households', {
  ...id(),
  name: text('name').notNull(),
  ...createdNow(),
});

export const householdMembers = pgTable('household_members', {
  ...id(),
  householdId: uuid('household_id').notNull().references(() => households.id),
  personId: personRef('person_id').notNull(),
  ...period(),
}, (t) => [
  // A household's members and a person's households are read on every child's record and work
  // queue: without these each read scanned every membership (a simulated year of a large
  // authority read 14 million rows from 600 in a month).
  index('household_members_household').on(t.householdId),
  index('household_members_person').on(t.personId),
]);

/** How an adult or child relates to a child, and whether they hold parental responsibility. */
export const relationships = pgTable(
  'relationships',
  {
    ...id(),
    childId: personRef('child_id').notNull(),
    personId: personRef('person_id').notNull(),
    type: text('type').notNull(), // mother | father | step-parent | carer | sibling | grandparent | other
    parentalResponsibility: boolean('parental_responsibility').notNull().default(false),
    livesWithChild: boolean('lives_with_child').notNull().default(true),
  },
  // The enquiry reads the parents of up to 3,000 candidates at once by child, and finds the children
  // of a parent it was told of by parent (modules/enquiry/search-people.ts).
  (t) => [index('relationships_child').on(t.childId), index('relationships_person').on(t.personId)],
);

/** The child's episode of involvement (the census CIN episode). */
export const cases = pgTable(
  'cases',
  {
    ...id(),
    childId: personRef('child_id').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    organisationId: organisationRef('organisation_id').notNull(),
    socialWorkerId: userRef('social_worker_id'),
    teamManagerId: userRef('team_manager_id'),
    openedOn: day('opened_on').notNull(),
    primaryNeedCode: text('primary_need_code'), // census N0–N9
    closedOn: day('closed_on'),
    closureReason: text('closure_reason'), // census RC1–RC9
    /** Looked-after child: one planning and review process led by the IRO (CV5). */
    lookedAfter: boolean('looked_after').notNull().default(false),
    iroId: userRef('iro_id'),
    /** RG1: the child's legal status as the register shows it (e.g. "Interim care order"); null when none. */
    legalStatus: text('legal_status'),
    ...createdNow(),
    ...version(),
  },
  (t) => [
    index('cases_child').on(t.childId),
    index('cases_social_worker').on(t.socialWorkerId),
    // The access check finds an adult's cases through their household; a team manager's pages read their team's cases.
    index('cases_household').on(t.householdId),
    index('cases_team_manager').on(t.teamManagerId),
  ],
);

/** A reference to a case. */
export function caseRef(name: string) {
  return uuid(name).references(() => cases.id);
}

/** The case a row belongs to and the child it is for. */
export const caseOfChild = () => ({ caseId: caseRef('case_id').notNull(), childId: personRef('child_id').notNull() });

/** Who held a case from when: every change of social worker or team manager, with the reason. */
export const caseAllocations = pgTable(
  'case_allocations',
  {
    ...id(),
    caseId: caseRef('case_id').notNull(),
    socialWorkerId: userRef('social_worker_id'),
    teamManagerId: userRef('team_manager_id'),
    fromDate: day('from_date').notNull(),
    reason: text('reason').notNull(),
    ...done('recorded'),
  },
  (t) => [index('case_allocations_case').on(t.caseId)],
);

/**
 * CO4: a family's request for a change of social worker: who asked, when and why; the team
 * manager's answer with reasons, and the day the family was told. An agreed change is carried out
 * through the case's reallocation, so the allocation history shows it too.
 */
export const workerChangeRequests = pgTable(
  'worker_change_requests',
  {
    ...id(),
    ...caseOfChild(),
    requestedBy: text('requested_by').notNull(),
    requestedOn: day('requested_on').notNull(),
    reasons: text('reasons').notNull(),
    /** The social worker the family asked to move away from. */
    socialWorkerId: userRef('social_worker_id'),
    ...done('recorded'),
    familyToldOn: day('family_told_on'),
    newSocialWorkerId: userRef('new_social_worker_id'),
    ...decision(), // agreed | declined; null until answered
    ...version(),
  },
  (t) => [index('worker_change_requests_case').on(t.caseId)],
);

/**
 * Issue 19, break-glass: a person with no working relationship to a child gave a reason to open
 * the child's record. The grant holds for the session it was given in only (`sessionKey`, the
 * hash of the session id); the rows stay, so the auditor can see every use.
 */
export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    ...id(),
    userId: userRef('user_id').notNull(),
    childId: personRef('child_id').notNull(),
    sessionKey: text('session_key').notNull(),
    reason: text('reason').notNull(),
    grantedAt: instant('granted_at').notNull(),
  },
  (t) => [index('break_glass_grants_session').on(t.userId, t.sessionKey, t.childId), index('break_glass_grants_child').on(t.childId)],
);

/**
 * A child in need plan on a case (census CINPlanStartDate, CINPlanEndDate), recorded as the work
 * happens: started by hand (after an assessment, say), or by a conference that steps a child down
 * to child in need; ended by hand, when a child protection plan starts, or when the case closes.
 * One open at a time on a case; never open during a child protection plan (census check C19).
 */
export const childInNeedPlans = pgTable(
  'child_in_need_plans',
  {
    ...id(),
    ...caseOfChild(),
    startDate: day('start_date').notNull(),
    /** How it came to start: recorded (by hand), step-down (a conference ended the plan or decided none was needed). */
    startedBy: text('started_by').notNull(),
    endDate: day('end_date'),
    /** How it ended: recorded, step-up (a child protection plan started), case-closed. */
    endedBy: text('ended_by'),
    recordedBy: userRef('recorded_by'),
    createdAt: instant('created_at').notNull(),
    ...version(),
  },
  (t) => [
    index('child_in_need_plans_child').on(t.childId),
    uniqueIndex('child_in_need_plans_one_open').on(t.caseId).where(sql`${t.endDate} is null`),
  ],
);
