import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cases, people, relationships } from '../../db/schema/index.js';
import { createUser } from '../../../test/support/factories.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { decideReferral } from './decide-referral.js';
import { contextFor, createFamily, discussionInput, referralInput } from '../../../test/support/front-door-fixtures.js';
import { recordChildSeen } from './record-child-seen.js';
import { recordReferral } from './record-referral.js';
import { recordStrategyDiscussion } from './record-strategy-discussion.js';
import { startSection47Enquiries } from './start-section-47.js';

/**
 * FD6 test support: a child (11) on a section 47 enquiry held by a social worker and team manager,
 * seen once with her mother; a mother whose language is Polish (interpreter), a father, and an aunt
 * (not a parent). Another social worker of the same authority holds none of it.
 */
export async function createSharingFixture(db: Database, orgId: string, now: Date) {
  const worker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
  const manager = await createUser(db, { roles: ['team-manager'], organisationId: orgId });
  const stranger = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
  const family = await createFamily(db, orgId, 'Testington', [{ givenNames: 'Alpha', dateOfBirth: '2014-05-01' }]);
  const child = family.children[0]!;
  await db.update(cases).set({ socialWorkerId: worker.id, teamManagerId: manager.id }).where(eq(cases.id, child.caseId));
  const [mother] = await db.insert(people).values({ kind: 'adult', givenNames: 'Demi', familyName: 'Testington', firstLanguage: 'Polish', interpreterNeeded: true }).returning();
  const [father] = await db.insert(people).values({ kind: 'adult', givenNames: 'Fred', familyName: 'Testington', firstLanguage: 'English' }).returning();
  const [aunt] = await db.insert(people).values({ kind: 'adult', givenNames: 'Ada', familyName: 'Testington' }).returning();
  await db.insert(relationships).values([
    { childId: child.childId, personId: mother!.id, type: 'mother', parentalResponsibility: true },
    { childId: child.childId, personId: father!.id, type: 'father', parentalResponsibility: false },
    { childId: child.childId, personId: aunt!.id, type: 'other', parentalResponsibility: false },
  ]);
  const sw = (at = now) => contextFor(worker, at);
  const referral = await recordReferral(db, sw(), child.caseId, referralInput());
  await decideReferral(db, sw(), referral, { decision: 'strategy-discussion', reasons: 'Possible harm', decidedDate: '2026-03-02', decidedTime: '14:00' });
  const discussion = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput([child.caseId]));
  const [enquiryId] = await startSection47Enquiries(db, sw(), discussion, [child.caseId]);
  await recordChildSeen(db, sw(), enquiryId!, { date: '2026-03-04', seenAlone: false, whoWasPresent: 'her mother', whyNotAlone: 'She asked for her mother to stay.' });
  const items = async (at = now) => ((await queueForRole(db, contextFor(worker, at).actor!, 'social-worker', at, 'national'))['section-47-sharing'] ?? [])
    .filter((i) => i.href === `/section-47/${enquiryId}/sharing`);
  return { worker, manager, stranger, child, mother: mother!, father: father!, aunt: aunt!, enquiryId: enquiryId!, sw, items };
}
