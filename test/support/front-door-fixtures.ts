import type { Database } from '../../src/db/client.js';
import { cases, householdMembers, households, people, users } from '../../src/db/schema/index.js';
import type { Actor, RoleId } from '../../src/policies/roles.js';
import type { ActionContext } from '../../src/modules/shared/action-context.js';
import type { ReferralInput } from '../../src/modules/front-door/record-referral.js';
import type { StrategyDiscussionInput } from '../../src/modules/front-door/record-strategy-discussion.js';
import { createOrganisation, createUser } from './factories.js';

// Test support for the front-door tests (not used by the product): synthetic families and actors.

export interface FixtureChild {
  givenNames: string;
  dateOfBirth?: string | null;
  expectedDeliveryDate?: string | null;
  /** Lives in the household without an open case. */
  noCase?: boolean;
  lookedAfter?: boolean;
  iroId?: string | null;
}

export async function createFamily(db: Database, organisationId: string, familyName: string, children: FixtureChild[]) {
  const [household] = await db.insert(households).values({ name: `${familyName} household` }).returning();
  if (!household) throw new Error('household not created');
  const made = [];
  for (const c of children) {
    const [person] = await db
      .insert(people)
      .values({
        kind: 'child', givenNames: c.givenNames, familyName,
        dateOfBirth: c.dateOfBirth === undefined ? '2019-05-01' : c.dateOfBirth, expectedDeliveryDate: c.expectedDeliveryDate ?? null,
        nationality: 'British', immigrationStatus: 'British citizen',
      })
      .returning();
    if (!person) throw new Error('child not created');
    await db.insert(householdMembers).values({ householdId: household.id, personId: person.id, fromDate: '2025-01-01' });
    let caseId = '';
    if (!c.noCase) {
      const [row] = await db
        .insert(cases)
        .values({ childId: person.id, householdId: household.id, organisationId, openedOn: '2026-02-01', lookedAfter: c.lookedAfter ?? false, iroId: c.iroId ?? null })
        .returning();
      caseId = row!.id;
    }
    made.push({ childId: person.id, caseId, name: c.givenNames ? `${c.givenNames} ${familyName}` : `Unborn baby ${familyName}` });
  }
  return { householdId: household.id, children: made };
}

export type FrontDoorUser = typeof users.$inferSelect;

/** The front door's people: an authority with a social worker who takes the referrals and the team manager who authorises. */
export async function frontDoorStaff(db: Database) {
  const orgId = (await createOrganisation(db)).id;
  const worker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
  const manager = await createUser(db, { roles: ['team-manager'], organisationId: orgId });
  return { db, orgId, worker, manager };
}

export type FrontDoorStaff = Awaited<ReturnType<typeof frontDoorStaff>>;

export function actorOf(user: typeof users.$inferSelect): Actor {
  return {
    id: user.id, username: user.username, displayName: user.displayName, organisationId: user.organisationId,
    teamId: user.teamId, roles: user.roles as RoleId[],
  };
}

export function contextFor(user: typeof users.$inferSelect, now: Date): ActionContext {
  return { actor: actorOf(user), requestId: null, address: 'test', now };
}

/** A professional's telephone referral received on Monday 2 March 2026 at 09:30. */
export const referralInput = (over: Partial<ReferralInput> = {}): ReferralInput => ({
  receivedDate: '2026-03-02', receivedTime: '09:30', channel: 'telephone', sourceCode: '2A', referrerIsProfessional: true, anonymous: false,
  referrerName: 'Rita Sampleton', referrerRole: 'Designated safeguarding lead', referrerOrganisation: 'Sampleton Primary School',
  natureOfConcerns: 'Bruising seen on the arm (synthetic).', howConcernsArose: 'Noticed in PE (synthetic).',
  needs: 'Safety and support for the parent (synthetic).', referrerInvolvement: 'Teaches the child daily (synthetic).', ...over,
});

/** A strategy discussion with social care, police and health, on Tuesday 3 March 2026 at 10:00. */
export const discussionInput = (caseIds: string[], over: Partial<StrategyDiscussionInput> = {}): StrategyDiscussionInput => ({
  heldDate: '2026-03-03', heldTime: '10:00', caseIds,
  participants: [
    { agency: 'childrens-social-care', name: 'Sam Worker', role: 'Social worker' },
    { agency: 'police', name: 'DC Test', role: 'Child abuse investigation' },
    { agency: 'health', name: 'Nurse Example', role: 'Named nurse' },
  ],
  informationShared: 'Synthetic information.', decisions: 'Joint visit tomorrow.', basisForDecisions: 'Reasonable cause to suspect significant harm.',
  initiateSection47: true, immediateSafetyActions: 'None', sharedWithFamily: 'The purpose of the enquiry.', legalAction: 'None',
  physicalAbuseOrSeriousNeglect: false, ...over,
});
