import type { Database } from '../../src/db/client.js';
import { cases, childProtectionPlans, conferenceChildren, conferences, households, householdMembers, people } from '../../src/db/schema/index.js';

/** A child in a household with an open case, a held ICPC and an open plan: the state after a conference. */
export async function childOnAPlan(db: Database, organisationId: string, options: { chairId?: string | null } = {}) {
  const [household] = await db.insert(households).values({ name: 'Testington household' }).returning();
  const [child] = await db
    .insert(people)
    .values({ kind: 'child', givenNames: 'Alpha', familyName: 'Testington', dateOfBirth: '2019-05-01', sex: 'F', laChildId: `T${Date.now()}${Math.floor(Math.random() * 1000)}` })
    .returning();
  await db.insert(householdMembers).values({ householdId: household!.id, personId: child!.id, fromDate: '2025-01-01' });
  const [caseRow] = await db.insert(cases).values({ childId: child!.id, householdId: household!.id, organisationId, openedOn: '2025-10-01' }).returning();
  const [conference] = await db
    .insert(conferences)
    .values({ householdId: household!.id, kind: 'initial', status: 'held', pack: 'national', heldOn: '2025-11-03', chairId: options.chairId ?? null })
    .returning();
  await db.insert(conferenceChildren).values({ conferenceId: conference!.id, caseId: caseRow!.id, childId: child!.id, role: 'subject', childType: 'initial' });
  const [plan] = await db
    .insert(childProtectionPlans)
    .values({ caseId: caseRow!.id, childId: child!.id, startConferenceId: conference!.id, startDate: '2025-11-03', initialCategories: ['NEG'], latestCategories: ['NEG'] })
    .returning();
  return { household: household!, child: child!, case: caseRow!, conference: conference!, plan: plan! };
}
