import type { Database } from '../../db/client.js';
import { reports, meetings, conferenceRecords, conferenceRecordVersions, meetingAttendance, people, referrals, relationships, householdMembers } from '../../db/schema/index.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';

export const CONFIDENTIAL_TEXT = 'Police intelligence: an ongoing investigation into a named adult, not to be shared.';
export const CONFIDENTIAL_REPORT_TEXT = 'Health visitor in confidence: the GP holds a safeguarding flag on the lodger.';

/**
 * A child (Alpha Testington) with a mother (Beth, the requester), a father and a lodger who are
 * third parties, a referral by a neighbour, and a held conference whose approved record names the
 * father and has a confidential section.
 */
export async function subjectAccessFixture(db: Database, tag: string) {
  const orgId = (await createOrganisation(db, { kind: 'local-authority' })).id;
  const ig = await createUser(db, { roles: ['auditor'], organisationId: orgId, username: `ig-${tag}`, displayName: 'Ida Governance' });
  const ig2 = await createUser(db, { roles: ['auditor'], organisationId: orgId, username: `ig2-${tag}`, displayName: 'Ivo Governance' });
  const admin = await createUser(db, { roles: ['administrator'], organisationId: orgId, username: `admin-${tag}` });
  const f = await childOnAPlan(db, orgId);
  const adult = async (givenNames: string, familyName: string) => (await db.insert(people).values({ kind: 'adult', givenNames, familyName }).returning())[0]!;
  const mother = await adult('Beth', 'Testington');
  const father = await adult('Carl', 'Testington');
  const lodger = await adult('Larry', 'Lodgerson');
  await db.insert(relationships).values([
    { childId: f.child.id, personId: mother.id, type: 'mother', parentalResponsibility: true },
    { childId: f.child.id, personId: father.id, type: 'father', parentalResponsibility: true },
  ]);
  await db.insert(householdMembers).values({ householdId: f.household.id, personId: lodger.id, fromDate: '2025-01-01' });
  await db.insert(referrals).values({
    caseId: f.case.id, receivedAt: new Date('2025-10-01T09:00:00Z'), channel: 'telephone', sourceCode: '9', referrerName: 'Nora Neighbourly',
    natureOfConcerns: 'Nora Neighbourly heard Carl shouting and Alpha crying late at night.', howConcernsArose: 'Heard through the wall; Larry Lodgerson confirmed it.', decision: 'strategy-discussion',
  });
  await db.insert(meetings).values({ conferenceId: f.conference.id, status: 'held', conferenceDate: '2025-11-03', openedAt: new Date('2025-11-03T10:00:00Z'), concludedAt: new Date('2025-11-03T11:30:00Z'), updatedAt: new Date('2025-11-03T11:30:00Z') });
  const at = { createdAt: new Date('2025-11-03T10:00:00Z'), updatedAt: new Date('2025-11-03T10:00:00Z'), status: 'present', conferenceId: f.conference.id };
  await db.insert(meetingAttendance).values([
    { ...at, kind: 'parent', name: 'Beth Testington', role: 'Mother', agency: null, organisationName: null },
    { ...at, kind: 'parent', name: 'Carl Testington', role: 'Father', agency: null, organisationName: null },
    { ...at, kind: 'professional', name: 'Hana Exampleton', agency: 'health', organisationName: 'Sampleshire Health', role: 'Health visitor' },
  ]);
  const [record] = await db.insert(conferenceRecords).values({
    conferenceId: f.conference.id, form: 'chairs-record', status: 'approved', currentVersion: 1, approvedVersion: 1, updatedAt: new Date('2025-11-10T10:00:00Z'),
  }).returning();
  await db.insert(conferenceRecordVersions).values({
    recordId: record!.id, number: 1, savedAt: new Date('2025-11-10T10:00:00Z'),
    sections: { summary: 'Beth spoke for the family. Carl Testington did not accept the concerns. Hana Exampleton described Alpha’s weight.', 'confidential-information': CONFIDENTIAL_TEXT, conclusions: 'Alpha needs a plan under neglect.' },
  });
  const author = await createUser(db, { roles: ['agency-practitioner'], organisationId: orgId, username: `hv-${tag}`, displayName: 'Hana Exampleton' });
  await db.insert(reports).values({
    conferenceId: f.conference.id, childId: f.child.id, kind: 'agency', authorId: author.id, agency: 'health', status: 'shared', submittedAt: new Date('2025-10-28T10:00:00Z'),
    sections: [{ heading: 'Health and development', text: 'Alpha is under weight; Carl Testington missed two appointments.', marking: 'fact', secondHand: false }],
    confidentialText: CONFIDENTIAL_REPORT_TEXT, confidentialReason: 'third-party information', createdAt: new Date('2025-10-28T10:00:00Z'), updatedAt: new Date('2025-10-28T10:00:00Z'),
  });
  return { orgId, ig, ig2, admin, f, mother, father, lodger };
}
