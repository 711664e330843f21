import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cases, childProtectionPlans, conferenceChildren, conferences, users } from '../../db/schema/index.js';
import { contextFor, createMeetingFixture } from '../../../test/support/meeting-factory.js';
import { createUser } from '../../../test/support/factories.js';
import type { ActionContext } from '../shared/action-context.js';

/**
 * A child (Alpha) on a plan made at an initial conference held on Monday 2 March 2026, with
 * the conference's invitations (parents and five professionals) and one user per role.
 */
export async function planFixture(db: Database, options: { pack?: string; now?: Date; dateOfBirth?: string } = {}) {
  const meeting = await createMeetingFixture(db, { pack: options.pack ?? 'national', ...(options.dateOfBirth ? { alphaBorn: options.dateOfBirth } : {}) });
  await db.update(conferences).set({ status: 'held', heldOn: '2026-03-02' }).where(eq(conferences.id, meeting.conferenceId));
  await db.update(users).set({ email: `lead-${meeting.socialWorker.id.slice(0, 6)}@example.gov.uk` }).where(eq(users.id, meeting.socialWorker.id));
  const [alphaCase] = await db.select().from(cases).where(eq(cases.childId, meeting.alphaId));
  const [plan] = await db.insert(childProtectionPlans).values({
    caseId: alphaCase!.id, childId: meeting.alphaId, startConferenceId: meeting.conferenceId, startDate: '2026-03-02',
    initialCategories: ['PHY'], latestCategories: ['PHY'], leadSocialWorkerId: meeting.socialWorker.id, visitFrequencyWeeks: 2,
  }).returning();
  const org = meeting.chair.organisationId;
  const serviceManager = await createUser(db, { roles: ['service-manager'], organisationId: org, displayName: 'Sid Servicemanager' });
  const secondManager = await createUser(db, { roles: ['team-manager'], organisationId: org, displayName: 'Tess Teamtwo' });
  const now = options.now ?? new Date('2026-04-20T10:00:00Z');
  const as = (u: Parameters<typeof contextFor>[0]): ActionContext => contextFor(u, now);
  return {
    meeting, plan: plan!, caseId: alphaCase!.id,
    as: {
      socialWorker: as(meeting.socialWorker), teamManager: as(meeting.teamManager), chair: as(meeting.chair),
      serviceManager: as(serviceManager), secondTeamManager: as(secondManager), businessSupport: as(meeting.minuteTaker),
    },
  };
}

/** A designated review, held for Alpha on 6 December 2027 by the fixture's chair, that kept the plan. */
export async function holdDesignatedReview(db: Database, f: Awaited<ReturnType<typeof planFixture>>): Promise<string> {
  const [start] = await db.select().from(conferences).where(eq(conferences.id, f.meeting.conferenceId));
  const [review] = await db.insert(conferences).values({
    householdId: start!.householdId, kind: 'designated-review', status: 'held', pack: 'newcastle', chairId: f.meeting.chair.id, heldOn: '2027-12-06', dueDate: '2027-12-06',
  }).returning({ id: conferences.id });
  await db.insert(conferenceChildren).values({ conferenceId: review!.id, caseId: f.caseId, childId: f.meeting.alphaId, role: 'subject', childType: 'review' });
  return review!.id;
}

