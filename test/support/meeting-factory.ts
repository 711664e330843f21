import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { cases, conferenceChildren, conferences, households, invitations, meetingAttendance, meetings, people } from '../../src/db/schema/index.js';
import type { ActionContext } from '../../src/modules/shared/action-context.js';
import type { Actor, RoleId } from '../../src/policies/roles.js';
import { createOrganisation, createUser } from './factories.js';
import { MEETING_PARTS } from '../../src/domain/conference/meeting-parts.js';
import { OPENING_ITEMS } from '../../src/domain/conference/opening-checklist.js';
import type { DecisionInput } from '../../src/domain/conference/decision.js';
import type { OutlinePlanContent } from '../../src/domain/conference/outline-plan.js';
import { openMeeting } from '../../src/modules/meeting/open-meeting.js';
import { saveAttendance, type AttendanceInput } from '../../src/modules/meeting/save-attendance.js';
import { saveOpeningChecklist } from '../../src/modules/meeting/save-checklist.js';
import { concludeMeeting } from '../../src/modules/meeting/conclude-meeting.js';
import { recordDecision } from '../../src/modules/meeting/record-decision.js';
import { saveOutlinePlan } from '../../src/modules/meeting/save-outline-plan.js';
import { saveView, type ViewInput } from '../../src/modules/meeting/save-view.js';

/** The conference day the meeting tests use: Monday 2 March 2026, 10:00 in London (GMT). */
export const CONFERENCE_START = new Date('2026-03-02T10:00:00Z');

export function contextFor(user: { id: string; username: string; displayName: string; organisationId: string; roles: string[] }, now = CONFERENCE_START): ActionContext {
  const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, organisationId: user.organisationId, teamId: null, roles: user.roles as RoleId[] };
  return { actor, requestId: null, address: '127.0.0.1', now };
}

async function person(db: Database, values: Partial<typeof people.$inferInsert> & { familyName: string }) {
  const [row] = await db.insert(people).values({ kind: 'adult', ...values }).returning();
  return row!;
}

export interface MeetingFixture {
  conferenceId: string;
  alphaId: string;
  betaId: string;
  chair: Awaited<ReturnType<typeof createUser>>;
  minuteTaker: Awaited<ReturnType<typeof createUser>>;
  socialWorker: Awaited<ReturnType<typeof createUser>>;
  teamManager: Awaited<ReturnType<typeof createUser>>;
  invitationIds: Record<'mother' | 'father' | 'socialWorker' | 'police' | 'healthVisitor' | 'teacher' | 'housing', string>;
}

/**
 * A conference ready to meet: invitations sent, one subject child (Alpha, aged 6) and a household
 * child (Beta), parents and five professionals invited. Rows are inserted directly.
 */
export async function createMeetingFixture(
  db: Database,
  options: { pack?: string; kind?: string; childType?: 'initial' | 'review'; alphaBorn?: string; secondSubject?: boolean } = {},
): Promise<MeetingFixture> {
  const tag = randomBytes(3).toString('hex');
  const authority = await createOrganisation(db, { name: `Sampleshire Council ${tag}`, kind: 'local-authority' });
  const user = (roles: RoleId[], displayName: string) => createUser(db, { roles, displayName, organisationId: authority.id, username: `${displayName.split(' ')[0]!.toLowerCase()}-${tag}` });
  const chair = await user(['chair'], 'Chris Chairington');
  const minuteTaker = await user(['business-support'], 'Mo Minuteman');
  const socialWorker = await user(['social-worker'], 'Sam Sampleford');
  const teamManager = await user(['team-manager'], 'Tara Teamlead');

  const [household] = await db.insert(households).values({ name: `Testington household ${tag}` }).returning();
  const alpha = await person(db, { kind: 'child', givenNames: 'Alpha', familyName: 'Testington', dateOfBirth: options.alphaBorn ?? '2019-05-04', sex: 'F', laChildId: `A${tag}` });
  const beta = await person(db, { kind: 'child', givenNames: 'Beta', familyName: 'Testington', dateOfBirth: '2016-01-10', sex: 'M', laChildId: `B${tag}` });
  const caseOf = async (childId: string) =>
    (await db.insert(cases).values({ childId, householdId: household!.id, organisationId: authority.id, socialWorkerId: socialWorker.id, teamManagerId: teamManager.id, openedOn: '2026-01-05' }).returning())[0]!;
  const alphaCase = await caseOf(alpha.id);
  const betaCase = await caseOf(beta.id);

  const [conference] = await db
    .insert(conferences)
    .values({
      householdId: household!.id,
      kind: options.kind ?? 'initial',
      status: 'invitations-sent',
      pack: options.pack ?? 'hertfordshire',
      chairId: chair.id,
      minuteTakerId: minuteTaker.id,
      scheduledStart: CONFERENCE_START,
      slotMinutes: 90,
      format: 'face-to-face',
    })
    .returning();
  const conferenceId = conference!.id;
  await db.insert(conferenceChildren).values([
    { conferenceId, caseId: alphaCase.id, childId: alpha.id, role: 'subject', childType: options.childType ?? 'initial', likelyHarm: 'Physical harm', harmFrom: 'An adult in the household' },
    { conferenceId, caseId: betaCase.id, childId: beta.id, role: options.secondSubject ? 'subject' : 'household', childType: options.secondSubject ? (options.childType ?? 'initial') : null },
  ]);

  const invite = async (values: Partial<typeof invitations.$inferInsert> & { name: string; role: string; inviteeKind: string }) =>
    (await db.insert(invitations).values({ conferenceId, state: 'sent', channel: 'secure-email', ...values }).returning())[0]!.id;
  const invitationIds = {
    mother: await invite({ inviteeKind: 'parent', name: 'Demi Testington', role: 'Mother', email: `demi-${tag}@example.org` }),
    father: await invite({ inviteeKind: 'parent', name: 'Fred Testington', role: 'Father', channel: 'post', postalAddress: '1 Example Road, Sampletown, ST1 1AA' }),
    socialWorker: await invite({ inviteeKind: 'professional', name: 'Sam Sampleford', role: 'Social worker', organisationName: 'Sampleshire Council', email: `sam-${tag}@example.gov.uk`, userId: socialWorker.id }),
    police: await invite({ inviteeKind: 'professional', name: 'PC Petra Placeholder', role: 'Police constable', organisationName: 'Sampleshire Police', email: `petra-${tag}@example.police.uk` }),
    healthVisitor: await invite({ inviteeKind: 'professional', name: 'Hana Exampleton', role: 'Health visitor', organisationName: 'Sampleshire Health', email: `hana-${tag}@example.nhs.uk` }),
    teacher: await invite({ inviteeKind: 'professional', name: 'Pat Placeholder', role: 'Class teacher', organisationName: 'Sampletown Primary', email: `pat-${tag}@example.sch.uk` }),
    housing: await invite({ inviteeKind: 'professional', name: 'Hal Housington', role: 'Housing officer', organisationName: 'Sampleshire Homes', email: `hal-${tag}@example.org`, response: 'apologies' }),
  };
  return { conferenceId, alphaId: alpha.id, betaId: beta.id, chair, minuteTaker, socialWorker, teamManager, invitationIds };
}

// ---- Steps through the meeting, using the real actions. ----


export async function attendanceByName(db: Database, conferenceId: string) {
  const rows = await db.select().from(meetingAttendance).where(eq(meetingAttendance.conferenceId, conferenceId));
  return new Map(rows.map((r) => [r.name, r]));
}

export async function markPresent(db: Database, context: ActionContext, conferenceId: string, name: string, contactWith: string[], extra: Partial<AttendanceInput> = {}) {
  const row = (await attendanceByName(db, conferenceId)).get(name);
  if (!row) throw new Error(`${name} is not on the attendance list`);
  const input: AttendanceInput = {
    kind: row.kind as AttendanceInput['kind'],
    name: row.name,
    agency: row.agency as AttendanceInput['agency'],
    organisationName: row.organisationName,
    role: row.role,
    status: 'present',
    onBehalfOf: null,
    partsAttended: [...MEETING_PARTS],
    directContactChildIds: contactWith,
    writtenReportSubmitted: false,
    writtenReportPresented: false,
    supportsAttendanceId: null,
    recordScope: 'attended-part',
    recordScopeGrounds: null,
    ...extra,
  };
  return saveAttendance(db, context, conferenceId, row.id, input, row.version);
}

/**
 * Opens the meeting, ticks the opening checklist and marks the parents, the social worker, the
 * health visitor and the teacher present (and the police unless told not to), all with direct
 * contact with the subject children.
 */
export async function meetingUnderWay(db: Database, f: MeetingFixture, options: { police?: boolean; subjects?: string[]; now?: Date } = {}) {
  const chair = contextFor(f.chair, options.now);
  const minuteTaker = contextFor(f.minuteTaker, options.now);
  await openMeeting(db, minuteTaker, f.conferenceId);
  const subjects = options.subjects ?? [f.alphaId];
  const present = ['Sam Sampleford', 'Hana Exampleton', 'Pat Placeholder', ...(options.police === false ? [] : ['PC Petra Placeholder'])];
  for (const name of present) await markPresent(db, minuteTaker, f.conferenceId, name, subjects);
  for (const name of ['Demi Testington', 'Fred Testington']) await markPresent(db, minuteTaker, f.conferenceId, name, []);
  const [meeting] = await db.select().from(meetings).where(eq(meetings.conferenceId, f.conferenceId));
  await saveOpeningChecklist(db, chair, f.conferenceId, { ticked: [...OPENING_ITEMS], version: meeting!.version });
  return { chair, minuteTaker };
}

export function planDecision(f: MeetingFixture, extra: Partial<DecisionInput> = {}): DecisionInput {
  return {
    outcome: 'plan',
    sufferedHarm: true,
    sufferedHarmReasons: 'Unexplained bruising seen at school',
    likelyHarm: true,
    likelyHarmReasons: 'The adult responsible still visits',
    categories: ['PHY'],
    categoryChangeGrounds: '',
    chairView: null,
    overrule: false,
    overruleReasons: '',
    inquorateReasons: '',
    variationReason: '',
    childInNeedRecommendation: '',
    legalActionRecommendation: '',
    interimSafetyPlan: '',
    parentsView: 'agree',
    complaintsRouteExplained: false,
    leadSocialWorkerId: f.socialWorker.id,
    contactTeamManagerId: null,
    coreGroupMembers: [{ name: 'Demi Testington', role: 'Mother' }, { name: 'Hana Exampleton', role: 'Health visitor' }],
    firstCoreGroupOn: '2026-03-12',
    reviewOn: '2026-05-28',
    reviewTriggers: 'A new injury, or the adult moving back in',
    childrensCentre: null,
    childrensCentreReason: '',
    ...extra,
  };
}

export const COMPLETE_OUTLINE: OutlinePlanContent = {
  riskStatement: 'Physical harm from an adult visitor to the home',
  aim: 'Alpha is safe at home',
  outcomes: 'No further injuries',
  shortTermObjectives: 'Written safety agreement',
  longTermObjectives: 'Protective parenting sustained',
  actions: [{ action: 'Visit and see Alpha alone', owner: 'Sam Sampleford', ownerIsProfessional: true, ownerJobTitle: 'Social worker', timescale: 'Fortnightly', checkedBy: 'Team manager' }],
  nonNegotiables: 'No contact with the adult visitor',
  immediateActions: 'Safety agreement signed today',
  visitFrequencyWeeks: 2,
  contingency: 'Legal planning meeting if the adult returns',
  endConditions: 'Six months without incident',
  explainedToChild: 'The social worker explains with drawings',
  familyLanguage: 'English',
  familyCopyArrangements: 'Posted and talked through at home',
};

/** The same view from each of the people named, as {@link concludedMeeting} takes them. */
export function sameView(names: readonly string[], view: Omit<ViewInput, 'attendanceId'>): Record<string, Omit<ViewInput, 'attendanceId'>> {
  return Object.fromEntries(names.map((name) => [name, view]));
}

/**
 * Takes the meeting under way (as {@link meetingUnderWay}) to its end for Alpha: each view as given, by
 * the name of who gave it; the chair's decision (a plan, unless told otherwise); the outline plan
 * (complete, unless told otherwise); the meeting concluded. Returns the chair's and minute taker's contexts.
 */
export async function concludedMeeting(
  db: Database, f: MeetingFixture,
  input: { views: Record<string, Omit<ViewInput, 'attendanceId'>>; decision?: DecisionInput; outline?: OutlinePlanContent },
) {
  const { chair, minuteTaker } = await meetingUnderWay(db, f);
  const people = await attendanceByName(db, f.conferenceId);
  for (const [name, view] of Object.entries(input.views)) {
    await saveView(db, minuteTaker, f.conferenceId, f.alphaId, null, { attendanceId: people.get(name)!.id, ...view }, null);
  }
  await recordDecision(db, chair, f.conferenceId, f.alphaId, input.decision ?? planDecision(f), null);
  await saveOutlinePlan(db, minuteTaker, f.conferenceId, f.alphaId, input.outline ?? COMPLETE_OUTLINE, null);
  await concludeMeeting(db, chair, f.conferenceId, { version: 2 });
  return { chair, minuteTaker };
}

/** Views that no plan is needed but for the teacher's: a chair who decides on a plan overrules them (DC5). */
export const VIEWS_AGAINST_A_PLAN = {
  ...sameView(['Sam Sampleford', 'Hana Exampleton'], { planNeeded: false, categories: [], reasons: 'As discussed' }),
  'Pat Placeholder': { planNeeded: true, categories: ['NEG'], reasons: 'As discussed' },
  'PC Petra Placeholder': { planNeeded: false, categories: [], reasons: 'As discussed' },
} satisfies Record<string, Omit<ViewInput, 'attendanceId'>>;
