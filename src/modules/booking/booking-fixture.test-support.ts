import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { cases, chairLeave, chairWorkingPatterns, conferenceChildren, conferences, conferenceStatusHistory, households, people, rooms } from '../../db/schema/index.js';
import type { ActionContext } from '../shared/action-context.js';
import type { RoleId } from '../../policies/roles.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';

/** Monday 2 March 2026, 08:00 in London: the booking tests' "now". */
export const NOW = new Date('2026-03-02T08:00:00Z');

type User = Awaited<ReturnType<typeof createUser>>;

export function contextOf(user: User, now = NOW): ActionContext {
  return { actor: { id: user.id, username: user.username, displayName: user.displayName, organisationId: user.organisationId, teamId: null, roles: user.roles as RoleId[] }, requestId: null, address: '127.0.0.1', now };
}

export interface BookingFixture {
  businessSupport: User;
  socialWorker: User;
  teamManager: User;
  serviceManager: User;
  chair: User;
  otherChair: User;
  roomId: string;
  familyRoomId: string;
  childId: string;
  caseId: string;
  householdId: string;
  /** A new requested conference for the fixture's child (each call makes another household). */
  conference(values?: Partial<typeof conferences.$inferInsert>, options?: { harmFrom?: string; lookedAfter?: boolean }): Promise<string>;
}

/**
 * A unit with two chairs (Ada works Monday to Friday 09:00–17:00; Bo Monday to Thursday and is on
 * leave on 4 March), two rooms, and a child whose social worker is line-managed by a team manager
 * who also chairs (so CV4 has someone to refuse). Conferences are TS1, due 10 March 2026.
 */
export async function createBookingFixture(db: Database): Promise<BookingFixture> {
  const tag = randomBytes(3).toString('hex');
  const org = await createOrganisation(db, { name: `Sampleshire Council ${tag}` });
  const user = (roles: RoleId[], displayName: string, extra: { managerId?: string } = {}) =>
    createUser(db, { roles, displayName, organisationId: org.id, username: `${displayName.split(' ')[0]!.toLowerCase()}-${tag}`, ...extra });
  const businessSupport = await user(['business-support'], 'Bee Supportington');
  const teamManager = await user(['team-manager', 'chair'], 'Tara Teamlead');
  const socialWorker = await user(['social-worker'], 'Sam Sampleford', { managerId: teamManager.id });
  const serviceManager = await user(['service-manager'], 'Sid Servicewell');
  const chair = await user(['chair'], 'Ada Chairwell');
  const otherChair = await user(['chair'], 'Bo Independent');
  for (const [c, days] of [[chair, [1, 2, 3, 4, 5]], [otherChair, [1, 2, 3, 4]], [teamManager, [1, 2, 3, 4, 5]]] as const) {
    await db.insert(chairWorkingPatterns).values(days.map((weekday) => ({ chairId: c.id, weekday, startTime: '09:00', endTime: '17:00', maxConferences: 3 })));
  }
  await db.insert(chairLeave).values({ chairId: otherChair.id, fromDate: '2026-03-04', toDate: '2026-03-04', reason: 'Annual leave' });
  const [room, familyRoom] = await db.insert(rooms).values([
    { name: `Conference Room ${tag}`, building: 'County Hall', capacity: 14, videoEquipped: true },
    { name: `Family Room ${tag}`, building: 'Family Centre', capacity: 8, videoEquipped: false },
  ]).returning();

  const [household] = await db.insert(households).values({ name: `Testington household ${tag}` }).returning();
  const [child] = await db.insert(people).values({ kind: 'child', givenNames: 'Alpha', familyName: 'Testington', dateOfBirth: '2019-05-04', laChildId: `BK${tag}` }).returning();
  const [caseRow] = await db.insert(cases).values({
    childId: child!.id, householdId: household!.id, organisationId: org.id, socialWorkerId: socialWorker.id, teamManagerId: teamManager.id, openedOn: '2026-02-01',
  }).returning();

  const conference: BookingFixture['conference'] = async (values = {}, options = {}) => {
    const [h] = await db.insert(households).values({ name: `Household ${randomBytes(3).toString('hex')}` }).returning();
    const [kid] = await db.insert(people).values({ kind: 'child', givenNames: 'Beta', familyName: 'Sampleford', dateOfBirth: '2018-01-01' }).returning();
    const [c] = await db.insert(cases).values({
      childId: kid!.id, householdId: h!.id, organisationId: org.id, socialWorkerId: socialWorker.id, teamManagerId: teamManager.id, openedOn: '2026-02-01',
      lookedAfter: options.lookedAfter ?? false,
    }).returning();
    const [row] = await db.insert(conferences).values({
      householdId: h!.id, kind: 'initial', status: 'requested', pack: 'national', dueDate: '2026-03-10', dueRuleId: 'TS1',
      dueFromFact: 'strategy discussion', dueFromDate: '2026-02-24', ...values,
    }).returning();
    await db.insert(conferenceChildren).values({ conferenceId: row!.id, caseId: c!.id, childId: kid!.id, role: 'subject', childType: 'initial', harmFrom: options.harmFrom ?? null });
    await db.insert(conferenceStatusHistory).values({ conferenceId: row!.id, fromStatus: 'awaiting-authorisation', toStatus: 'requested', event: 'authorise', at: NOW });
    return row!.id;
  };
  return {
    businessSupport, socialWorker, teamManager, serviceManager, chair, otherChair, roomId: room!.id, familyRoomId: familyRoom!.id,
    childId: child!.id, caseId: caseRow!.id, householdId: household!.id, conference,
  };
}
