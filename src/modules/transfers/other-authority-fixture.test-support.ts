import type { Database } from '../../db/client.js';
import { childProtectionPlans, conferenceChildren, conferences, invitations } from '../../db/schema/index.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { contextFor, createFamily } from '../../../test/support/front-door-fixtures.js';
import { queueForRole } from '../work-queues/queue-for-role.js';

/**
 * TR3 test support: an authority with a designated manager; two children with cases here, one to
 * be found in an emergency, one living here on Exampleshire's plan with a health visitor and a
 * school invited to its transfer-in conference (one invitation removed); and a designated manager
 * of another authority, who has no relationship to either child.
 */
export async function otherAuthorityFixture(db: Database, now: Date) {
  const org = await createOrganisation(db);
  const officer = await createUser(db, { roles: ['register-officer'], organisationId: org.id });
  const elsewhere = await createUser(db, { roles: ['register-officer'], organisationId: (await createOrganisation(db, { name: 'Other Council' })).id });
  const family = await createFamily(db, org.id, 'Exampleton', [{ givenNames: 'Kilo', dateOfBirth: '2018-02-01' }, { givenNames: 'Lima', dateOfBirth: '2016-07-01' }]);
  const [found, resident] = family.children as [typeof family.children[number], typeof family.children[number]];
  const [plan] = await db.insert(childProtectionPlans).values({ caseId: resident.caseId, childId: resident.childId, startDate: '2026-01-05', initialCategories: ['N'], latestCategories: ['N'], responsibleAuthority: 'Exampleshire Council' }).returning();
  const [conference] = await db.insert(conferences).values({ kind: 'transfer-in', status: 'held', pack: 'national' }).returning();
  await db.insert(conferenceChildren).values({ conferenceId: conference!.id, caseId: resident.caseId, childId: resident.childId, role: 'subject', childType: 'initial' });
  await db.insert(invitations).values([
    { conferenceId: conference!.id, inviteeKind: 'professional', name: 'Hana Exampleton', role: 'Health visitor', organisationName: 'Sampleshire Health', email: 'hana@health.example', state: 'sent' },
    { conferenceId: conference!.id, inviteeKind: 'professional', name: 'Pat Placeholder', role: 'Teacher', organisationName: 'Sampleton Primary', email: 'pat@school.example', state: 'sent' },
    { conferenceId: conference!.id, inviteeKind: 'professional', name: 'Old Contact', role: 'Housing', email: 'old@housing.example', state: 'removed' },
    { conferenceId: conference!.id, inviteeKind: 'parent', name: 'Mia Exampleton', role: 'Mother', email: 'mia@family.example', state: 'sent' },
  ]);
  const as = (u: typeof officer, at = now) => contextFor(u, at);
  const items = async (at = now) => ((await queueForRole(db, as(officer, at).actor!, 'register-officer', at, 'national')).transfers ?? []).map((i) => [i.title, i.href]);
  return { org, officer, elsewhere, found, resident, planId: plan!.id, as, items };
}
