import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { eq } from 'drizzle-orm';
import { addresses, cases, conferenceChildren, conferences, households, invitations, people, professionals, relationships, strategyDiscussionChildren, strategyDiscussions } from '../../db/schema/index.js';
import type { ActionContext } from '../shared/action-context.js';
import type { Actor, RoleId } from '../../policies/roles.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { buildChecklist } from './build-checklist.js';
import { confirmAllSuggestions, confirmInvitation } from './confirm-invitations.js';
import { sendInvitations } from './send-invitations.js';

/** Thursday 5 March 2026, 10:00 in London (GMT): the booked conference. */
export const CONFERENCE_START = new Date('2026-03-05T10:00:00Z');
/** When the tests act: Monday 23 February 2026. */
export const NOW = new Date('2026-02-23T09:00:00Z');

export function contextFor(user: { id: string; username: string; displayName: string; organisationId: string; roles: string[] }, now = NOW): ActionContext {
  const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, organisationId: user.organisationId, teamId: null, roles: user.roles as RoleId[] };
  return { actor, requestId: null, address: '127.0.0.1', now };
}

export type InvitationFixture = Awaited<ReturnType<typeof createBookedConference>>;

/**
 * A booked conference about Alpha (6) and Tango (13) Testington: their mother at home (PR), their
 * father elsewhere (PR, no address), social housing, police in the strategy discussion, and a
 * police officer, health visitor and school in the directory.
 */
export async function createBookedConference(db: Database, options: { pack?: string; kind?: string; start?: Date } = {}) {
  const tag = randomBytes(3).toString('hex');
  const authority = await createOrganisation(db, { name: `Sampleshire Council ${tag}`, kind: 'local-authority', phone: '01632 960000' });
  const police = await createOrganisation(db, { name: `Sampleshire Police ${tag}`, kind: 'police', secureEmail: `mash-${tag}@police.example` });
  const health = await createOrganisation(db, { name: `Sampleshire Health ${tag}`, kind: 'health', secureEmail: `safeguarding-${tag}@health.example` });
  const school = await createOrganisation(db, { name: `Sampleton School ${tag}`, kind: 'education', secureEmail: `dsl-${tag}@school.example` });
  await db.insert(professionals).values([
    { organisationId: police.id, name: 'PC Petra Placeholder', role: 'Detective constable', secureEmail: `petra-${tag}@police.example` },
    { organisationId: health.id, name: 'Hana Exampleton', role: 'Health visitor', secureEmail: `hana-${tag}@health.example` },
    { organisationId: school.id, name: 'Tess Teacher', role: 'Designated safeguarding lead', secureEmail: `tess-${tag}@school.example` },
  ]);
  const user = (roles: RoleId[], displayName: string) =>
    createUser(db, { roles, displayName, organisationId: authority.id, username: `${displayName.split(' ')[0]!.toLowerCase()}-${tag}`, email: `${displayName.split(' ')[0]!.toLowerCase()}-${tag}@la.example` });
  const chair = await user(['chair'], 'Chris Chairington');
  const support = await user(['business-support'], 'Bea Supportwell');
  const socialWorker = await user(['social-worker'], 'Sam Sampleford');
  const teamManager = await user(['team-manager'], 'Tara Teamlead');

  const [household] = await db.insert(households).values({ name: `Testington ${tag}` }).returning();
  const person = async (values: Partial<typeof people.$inferInsert> & { familyName: string; kind: string }) => (await db.insert(people).values(values).returning())[0]!;
  const alpha = await person({ kind: 'child', givenNames: 'Alpha', familyName: 'Testington', dateOfBirth: '2019-05-04', gpPractice: 'Sampleton Surgery', laChildId: `A${tag}` });
  const tango = await person({ kind: 'child', givenNames: 'Tango', familyName: 'Testington', dateOfBirth: '2012-09-01', gpPractice: 'Sampleton Surgery', laChildId: `T${tag}` });
  const demi = await person({ kind: 'adult', givenNames: 'Demi', familyName: 'Testington', gpPractice: 'Mockbury Practice' });
  const fred = await person({ kind: 'adult', givenNames: 'Fred', familyName: 'Testington' });
  for (const p of [alpha, tango, demi]) {
    await db.insert(addresses).values({ personId: p.id, line1: '1 Example Row', town: 'Demoshire Town', postcode: 'ZZ1 1AA', fromDate: '2025-01-01', socialHousing: true });
  }
  for (const child of [alpha, tango]) {
    await db.insert(relationships).values([
      { childId: child.id, personId: demi.id, type: 'mother', parentalResponsibility: true, livesWithChild: true },
      { childId: child.id, personId: fred.id, type: 'father', parentalResponsibility: true, livesWithChild: false },
    ]);
  }
  const caseOf = async (childId: string) =>
    (await db.insert(cases).values({ childId, householdId: household!.id, organisationId: authority.id, socialWorkerId: socialWorker.id, teamManagerId: teamManager.id, openedOn: '2026-01-05' }).returning())[0]!;
  const alphaCase = await caseOf(alpha.id);
  const tangoCase = await caseOf(tango.id);
  const [discussion] = await db.insert(strategyDiscussions).values({
    householdId: household!.id, heldAt: new Date('2026-02-10T11:00:00Z'), participants: [{ agency: 'Police', name: 'DC Demo', role: 'Investigating officer' }],
    informationShared: 'x', decisions: 'x', basisForDecisions: 'x', initiateSection47: true,
  }).returning();
  await db.insert(strategyDiscussionChildren).values([{ strategyDiscussionId: discussion!.id, caseId: alphaCase.id }, { strategyDiscussionId: discussion!.id, caseId: tangoCase.id }]);
  const [conference] = await db.insert(conferences).values({
    householdId: household!.id, kind: options.kind ?? 'initial', status: 'booked', pack: options.pack ?? 'hertfordshire',
    chairId: chair.id, minuteTakerId: support.id, scheduledStart: options.start ?? CONFERENCE_START, slotMinutes: 90, format: 'face-to-face', venue: 'Conference Room 1, County Hall',
  }).returning();
  await db.insert(conferenceChildren).values([
    { conferenceId: conference!.id, caseId: alphaCase.id, childId: alpha.id, role: 'subject', childType: 'initial' },
    { conferenceId: conference!.id, caseId: tangoCase.id, childId: tango.id, role: 'subject', childType: 'initial' },
  ]);
  return { conferenceId: conference!.id, tag, chair, support, socialWorker, teamManager, alpha, tango, demi, fred };
}

/** The checklist built, the secure-email invitees without an address given one, everything confirmed. */
export async function readyToSend(db: Database, f: InvitationFixture): Promise<void> {
  const ctx = contextFor(f.support);
  await buildChecklist(db, ctx, f.conferenceId);
  const unaddressed = (await db.select().from(invitations).where(eq(invitations.conferenceId, f.conferenceId))).filter((r) => r.channel === 'secure-email' && !r.email);
  for (const i of unaddressed) {
    await confirmInvitation(db, ctx, f.conferenceId, i.id, { name: i.name, role: i.role, organisationName: i.organisationName, channel: 'secure-email', email: `inbox-${i.id.slice(0, 4)}@agency.example`, postalAddress: null }, i.version);
  }
  await confirmAllSuggestions(db, ctx, f.conferenceId);
}

/**
 * A booked conference whose invitations have gone out, ready to send and sent by business support;
 * `mother` records Demi's first language first, so her letters follow it (issue 14).
 */
export async function conferenceWithInvitationsSent(
  db: Database, options: { mother?: { firstLanguage: string; interpreterNeeded: boolean } } = {},
): Promise<InvitationFixture> {
  const f = await createBookedConference(db);
  if (options.mother) await db.update(people).set(options.mother).where(eq(people.id, f.demi.id));
  await readyToSend(db, f);
  await sendInvitations(db, contextFor(f.support), f.conferenceId);
  return f;
}
