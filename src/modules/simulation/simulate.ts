import { and, eq, inArray, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { childProtectionPlans, chairLeave, people, chairWorkingPatterns, organisations, rooms, teams, users } from '../../db/schema/index.js';
import { findSlots, type SlotSuggestion } from '../../domain/booking/slot-finder.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { MEETING_PARTS } from '../../domain/conference/meeting-parts.js';
import { OPENING_ITEMS } from '../../domain/conference/opening-checklist.js';
import type { DecisionInput } from '../../domain/conference/decision.js';
import type { OutlinePlanContent } from '../../domain/conference/outline-plan.js';
import { NATIONAL_ICPC_LINES } from '../../domain/indicators/icpc-timeliness.js';
import { customPeriod } from '../../domain/indicators/period.js';
import { nextVisitDue } from '../../domain/plans/visits.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import { drawLateness, SeededRandom } from '../../domain/simulation/random.js';
import {
  breachesOf, checkGoals, checkVisibility, timelinessSvg, weeklyTimeliness, type Breach, type Goal, type SimDeadline, type VisibilityCheck, type WeekPoint,
} from '../../domain/simulation/report.js';
import type { Actor, RoleId } from '../../policies/roles.js';
import { bookConference } from '../booking/book-conference.js';
import { decideOutOfTimescale } from '../booking/decide-out-of-timescale.js';
import { loadBookingContext, type BookingContext } from '../booking/load-booking.js';
import { rearrangeConference } from '../booking/rearrange-conference.js';
import { requestOutOfTimescale } from '../booking/request-out-of-timescale.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { concludeMeeting } from '../meeting/conclude-meeting.js';
import { distributeDecisions } from '../meeting/distribute-decisions.js';
import { loadMeetingCore, loadMeetingState } from '../meeting/meeting-state.js';
import { openMeeting } from '../meeting/open-meeting.js';
import { recordDecision } from '../meeting/record-decision.js';
import { saveAttendance, type AttendanceInput } from '../meeting/save-attendance.js';
import { saveOpeningChecklist } from '../meeting/save-checklist.js';
import { saveOutlinePlan } from '../meeting/save-outline-plan.js';
import { saveView } from '../meeting/save-view.js';
import { authoriseDecisionToConvene } from '../front-door/authorise-decision-to-convene.js';
import { decideReferral } from '../front-door/decide-referral.js';
import { decideToConvene } from '../front-door/decide-to-convene.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import { londonInstant, londonIsoDate } from '../../domain/calendar/london-time.js';
import { recordReferral } from '../front-door/record-referral.js';
import { recordSection47Outcome } from '../front-door/record-section-47-outcome.js';
import { recordStrategyDiscussion } from '../front-door/record-strategy-discussion.js';
import { startSection47Enquiries } from '../front-door/start-section-47.js';
import { indicatorFigures, indicatorReport } from '../indicators/indicator-report.js';
import { addInvitee } from '../invitations/add-invitee.js';
import { sendInvitations } from '../invitations/send-invitations.js';
import { requestDueReviews } from '../plans/request-due-reviews.js';
import { reviewsOf } from '../plans/review-request.js';
import { recordVisit } from '../plans/record-visit.js';
import { recordCoreGroup } from '../plans/record-core-group.js';
import { createHousehold } from '../records/family.js';
import { createPerson, openCase, updatePerson } from '../records/save-person.js';
import type { ActionContext } from '../shared/action-context.js';
import { queueForRole } from '../work-queues/queue-for-role.js';

export type BookingPolicy = 'suggested' | 'first-free';

export interface SimulationOptions {
  pack: PackId;
  /** First simulated day, YYYY-MM-DD. */
  from: string;
  days: number;
  /** Referrals expected over the whole run (the Poisson mean is spread over its working days). */
  referrals: number;
  chairs: number;
  /** Conferences each chair may take in a day (their working pattern's maximum); 3 unless given. */
  perChairDay?: number | undefined;
  rooms: number;
  seed: number;
  policy: BookingPolicy;
  /**
   * A population already in the database (`demo generate`'s): called once the authority is set up,
   * it loads the people and returns its children; each referral is then about one of them (born by
   * then and under 17), chosen at random and referred once, instead of a child made up for it.
   */
  population?: (() => Promise<PopulationChild[]>) | undefined;
  /** Called after each simulated day (for a progress line). */
  onDay?: ((day: number, of: number) => void) | undefined;
  /** Told how long each kind of step took, in milliseconds (for the bench; never part of the result). */
  onStepTimed?: ((step: string, ms: number) => void) | undefined;
}

/** A child of a generated population, as a referral finds it. */
export interface PopulationChild {
  id: string;
  dateOfBirth: string;
}

export interface SimulationResult {
  options: Omit<SimulationOptions, 'onDay'>;
  period: { from: string; to: string };
  counts: {
    referrals: number;
    strategyDiscussions: number;
    section47: number;
    initialConferences: number;
    initialConferencesHeld: number;
    plansStarted: number;
    reviewsRequested: number;
    reviewsHeld: number;
    plansEnded: number;
    visits: number;
    coreGroups: number;
    decisionsSent: number;
    rearranged: number;
    adjourned: number;
    /** Days business support found no free slot at all and tried again the next working day. */
    bookingRetries: number;
    outOfTimescaleAuthorised: number;
    queueSnapshots: number;
  };
  indicators: ReturnType<typeof indicatorFigures>;
  icpc: { held: number; within15: number; percent: number | null; national: { year: number; percent: number } };
  weekly: WeekPoint[];
  deadlines: number;
  visibility: {
    checked: number;
    visible: number;
    neverOpen: number;
    percent: number | null;
    notVisible: VisibilityCheck[];
    /** Working mornings on which some conference's deadline was open (not in hand), counted per conference. */
    openMornings: number;
    /** Those mornings on which it was on nobody's queue with its due date. */
    unseenOpenMornings: { key: string; day: string; dueDate: string }[];
  };
  breaches: Breach[];
  goals: Goal[];
  /** Actions the product refused during the run: each is a gap in the simulation or a finding. */
  refusals: { day: string; step: string; record: string; message: string }[];
  conferences: { label: string; rule: string | null; createdOn: string; dueDate: string | null; firstSeen: string | null; inHandOn: string | null; heldOn: string | null; capacity: boolean; authorised: boolean; rearranged: boolean }[];
  svg: string;
}

type User = typeof users.$inferSelect;

interface Staff {
  socialWorkers: User[];
  teamManagers: User[];
  serviceManager: User;
  businessSupport: User;
  chairs: User[];
  everyone: User[];
}

interface ConferenceTrack {
  label: string;
  id: string;
  kind: 'initial' | 'review' | 'reconvened';
  householdId: string;
  subjects: { caseId: string; childId: string }[];
  socialWorker: User;
  teamManager: User;
  dueDate: string | null;
  dueRule: string | null;
  /** No on-time slot was free when business support came to book it. */
  capacity: boolean;
  /** Someone acted after the due date had passed, or too late for an on-time slot. */
  lateAction: boolean;
  authorisation: string | null;
  rearrangedReason: string | null;
  bookedOnTime: boolean | null;
  heldOn: string | null;
  createdOn: string;
  /** In hand: booked for a date on or before the due date, a later date authorised (TS30), or held. */
  metOn: string | null;
  seenBy: string | null;
  openMornings: number;
  rng: SeededRandom;
}

/** One statutory visit deadline (TS24) of a plan: due a visit frequency after the child was last seen. */
interface VisitDeadline {
  key: string;
  label: string;
  dueDate: string;
  seenBy: string;
  metOn: string | null;
  openMornings: number;
  /** The plan ended before it fell due: it no longer applies. */
  lapsed: boolean;
}

interface PlanTrack {
  id: string;
  label: string;
  childId: string;
  startedOn: string;
  frequencyWeeks: number | null;
  lastSeenOn: string | null;
  visitDeadlines: VisitDeadline[];
  socialWorker: User;
  ended: boolean;
  rng: SeededRandom;
  /** The next statutory visit's due date (TS24) as last worked out, and the last visit it followed. */
  nextVisit?: { after: string | null; due: string | null };
}

const NAMES = ['Alex', 'Billie', 'Casey', 'Dana', 'Eden', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jules', 'Kit', 'Lee', 'Morgan', 'Nico', 'Oakley', 'Parker', 'Quinn', 'Riley', 'Sage', 'Taylor'];
const FAMILY = ['Simford', 'Synthwell', 'Modelby', 'Trialton', 'Runwick', 'Seedley', 'Mockham', 'Samplow', 'Testbury', 'Examore'];

const RISK_ASSESSMENT = 'The adult named attends separately; the room has a second exit (simulated).';

const OUTLINE: OutlinePlanContent = {
  riskStatement: 'Physical harm from an adult in the household (simulated)',
  aim: 'The child is safe at home',
  outcomes: 'No further injuries',
  shortTermObjectives: 'Written safety agreement',
  longTermObjectives: 'Protective parenting sustained',
  actions: [{ action: 'Visit and see the child alone', owner: 'Allocated social worker', ownerIsProfessional: true, ownerJobTitle: 'Social worker', timescale: 'Fortnightly', checkedBy: 'Team manager' }],
  nonNegotiables: 'No contact with the adult named in the plan',
  immediateActions: 'Safety agreement signed today',
  visitFrequencyWeeks: 2,
  contingency: 'Legal planning meeting if the plan is not followed',
  endConditions: 'Six months without incident',
  explainedToChild: 'The social worker explains with drawings',
  familyLanguage: 'English',
  familyCopyArrangements: 'Posted and talked through at home',
};

function actorOf(user: User): Actor {
  return { id: user.id, username: user.username, displayName: user.displayName, organisationId: user.organisationId, teamId: user.teamId, roles: user.roles as RoleId[] };
}

function contextAt(user: User, now: Date): ActionContext {
  return { actor: actorOf(user), requestId: null, address: 'simulation', now };
}

/** The authority's reference data (organisations, staff, chairs' working weeks, rooms), as an administrator sets it up. */
async function createAuthority(db: Database, options: SimulationOptions, random: SeededRandom): Promise<Staff> {
  const [la, police, health, school] = await db.insert(organisations).values([
    { name: 'Simshire County Council (simulated)', kind: 'local-authority', secureEmail: 'safeguarding@simshire.example' },
    { name: 'Simshire Police (simulated)', kind: 'police', secureEmail: 'mash@police.simshire.example' },
    { name: 'Simshire Health Trust (simulated)', kind: 'health', secureEmail: 'safeguarding@health.simshire.example' },
    { name: 'Simshire Schools (simulated)', kind: 'education', secureEmail: 'dsl@schools.simshire.example' },
  ]).returning();
  if (!la || !police || !health || !school) throw new Error('organisations not created');
  const [field, unit] = await db.insert(teams).values([
    { organisationId: la.id, name: 'Simulated Safeguarding Team' },
    { organisationId: la.id, name: 'Simulated Conference and Review Unit' },
  ]).returning();
  if (!field || !unit) throw new Error('teams not created');
  // Simulated staff cannot sign in: the password hash is not a hash of anything.
  const make = async (role: RoleId, n: number, teamId: string, managerOf: (i: number) => string | null = () => null) =>
    db.insert(users).values(Array.from({ length: n }, (_, i) => ({
      username: `sim-${role}-${i + 1}`, displayName: `Sim ${role.replace(/-/g, ' ')} ${i + 1}`, email: `${role}-${i + 1}@simshire.example`,
      organisationId: la.id, teamId, roles: [role], passwordHash: '!simulated-no-sign-in', managerId: managerOf(i),
    }))).returning();
  const workers = Math.max(2, Math.ceil(options.referrals / 250));
  const teamManagers = await make('team-manager', Math.max(1, Math.ceil(workers / 6)), field.id);
  const socialWorkers = await make('social-worker', workers, field.id, (i) => teamManagers[i % teamManagers.length]!.id);
  const [serviceManager] = await make('service-manager', 1, field.id);
  const [businessSupport] = await make('business-support', 1, unit.id);
  const chairs = await make('chair', options.chairs, unit.id);
  if (chairs.length > 0) {
    await db.insert(chairWorkingPatterns).values(chairs.flatMap((c) => [1, 2, 3, 4, 5].map((weekday) => ({ chairId: c.id, weekday, startTime: '09:00', endTime: '17:00', maxConferences: options.perChairDay ?? 3 }))));
    // Each chair takes a week's leave for every ten weeks of the run (five in a year), in weeks drawn for it.
    const weeks = Math.max(1, Math.floor(options.days / 7));
    const firstMonday = Temporal.PlainDate.from(options.from).add({ days: (8 - Temporal.PlainDate.from(options.from).dayOfWeek) % 7 });
    const leave = chairs.flatMap((c) => {
      const chosen = new Set<number>();
      const wanted = Math.min(5, Math.floor(weeks / 10));
      while (chosen.size < wanted) chosen.add(random.int(0, weeks - 1));
      return [...chosen].sort((a, b) => a - b).map((w) => {
        const from = firstMonday.add({ weeks: w });
        return { chairId: c.id, fromDate: from.toString(), toDate: from.add({ days: 4 }).toString(), reason: 'Annual leave (simulated)' };
      });
    });
    if (leave.length > 0) await db.insert(chairLeave).values(leave);
  }
  await db.insert(rooms).values(Array.from({ length: options.rooms }, (_, i) => ({ name: `Sim Room ${i + 1}`, building: 'Simshire County Hall', capacity: 14, stepFreeAccess: true, videoEquipped: true })));
  return {
    socialWorkers, teamManagers, serviceManager: serviceManager!, businessSupport: businessSupport!, chairs,
    everyone: [...socialWorkers, ...teamManagers, serviceManager!, businessSupport!, ...chairs],
  };
}

const UUID_IN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Lives `days` days of an authority through Convene's own actions, on a clock that advances a
 * day at a time from `from` (never the wall clock), and reports what happened. The database
 * must be fresh and migrated; everything the run creates stays in it.
 */
export async function simulate(db: Database, options: SimulationOptions): Promise<SimulationResult> {
  const { onDay: _onDay, onStepTimed: _onStepTimed, population: _population, ...shown } = options;
  const random = new SeededRandom(options.seed);
  const arrivals = random.fork();
  // Each child has its own stream for everything that happens to it (and to its conferences and
  // plan), so a different booking policy or number of chairs changes only what they decide.
  const streamFor = (n: number) => new SeededRandom((Math.imul(options.seed >>> 0, 2654435761) + Math.imul(n, 40503)) >>> 0);
  const fallback = random.fork();
  const calendar: WorkingCalendar = await workingCalendar(db);
  const staff = await createAuthority(db, options, random.fork());
  const pack = options.pack;
  // Its own stream, so a run with a population draws everything else as a run without one would.
  const choosing = random.fork();
  const population = options.population ? await options.population() : null;

  const firstDay = Temporal.PlainDate.from(options.from);
  const lastDay = firstDay.add({ days: options.days - 1 });
  const lastIso = lastDay.toString();
  const addWd = (day: string, n: number) => calendar.addWorkingDays(Temporal.PlainDate.from(day), n).toString();
  const nextWorkingOnOrAfter = (day: string) => (calendar.isWorkingDay(Temporal.PlainDate.from(day)) ? day : addWd(day, 1));
  const late = (rng: SeededRandom) => drawLateness(rng);
  const at = (day: string, time: string) => londonInstant(day, time);

  const agenda = new Map<string, { step: string; record: string; run: () => Promise<void> }[]>();
  const schedule = (day: string, step: string, record: string, run: () => Promise<void>) => {
    if (day > lastIso) return;
    const list = agenda.get(day);
    const entry = { step, record, run };
    if (list) list.push(entry);
    else agenda.set(day, [entry]);
  };
  const refusals: SimulationResult['refusals'] = [];
  const firstSeen = new Map<string, string>();
  let openMornings = 0;
  const unseenOpenMornings: { key: string; day: string; dueDate: string }[] = [];
  const tracks: ConferenceTrack[] = [];
  const trackById = new Map<string, ConferenceTrack>();
  const plans: PlanTrack[] = [];
  const counts: SimulationResult['counts'] = {
    referrals: 0, strategyDiscussions: 0, section47: 0, initialConferences: 0, initialConferencesHeld: 0, plansStarted: 0,
    reviewsRequested: 0, reviewsHeld: 0, plansEnded: 0, visits: 0, coreGroups: 0, decisionsSent: 0, rearranged: 0, adjourned: 0, bookingRetries: 0, outOfTimescaleAuthorised: 0, queueSnapshots: 0,
  };
  let childNumber = 0;
  let today = options.from;

  const track = (id: string, kind: ConferenceTrack['kind'], householdId: string, subjects: ConferenceTrack['subjects'], socialWorker: User, teamManager: User, due: { dueDate: string | null; dueRuleId: string | null }, rng: SeededRandom) => {
    const t: ConferenceTrack = {
      label: `${{ initial: 'ICPC', review: 'RCPC', reconvened: 'RECONV' }[kind]}-${String(tracks.length + 1).padStart(4, '0')}`, id, kind, householdId, subjects, socialWorker, teamManager,
      dueDate: due.dueDate, dueRule: due.dueRuleId, capacity: false, lateAction: false, authorisation: null, rearrangedReason: null, bookedOnTime: null, heldOn: null,
      createdOn: today, metOn: null, seenBy: due.dueDate ? addWd(due.dueDate, -1) : null, openMornings: 0, rng,
    };
    tracks.push(t);
    trackById.set(id, t);
    return t;
  };

  // ---- the front door: a referral, the decision, a strategy discussion, section 47, the decision to convene

  async function referral(day: string): Promise<void> {
    childNumber += 1;
    const n = childNumber;
    const rng = streamFor(n);
    const worker = staff.socialWorkers[n % staff.socialWorkers.length]!;
    const manager = staff.teamManagers.find((m) => m.id === worker.managerId) ?? staff.teamManagers[0]!;
    const ctx = contextAt(worker, at(day, '09:30'));
    const ageYears = rng.int(0, 15);
    const born = Temporal.PlainDate.from(day).subtract({ years: ageYears, days: rng.int(1, 300) }).toString();
    let familyName = rng.pick(FAMILY);
    const laChildId = `SIM${String(n).padStart(6, '0')}`;
    const known = population ? await referredFromPopulation(day, ctx, laChildId) : null;
    if (population && !known) return;
    if (known) familyName = known.familyName;
    const childId = known?.id ?? await createPerson(db, ctx, {
      kind: 'child', unborn: false, givenNames: rng.pick(NAMES), familyName, aliases: [], dateOfBirth: born, expectedDeliveryDate: null,
      sex: rng.chance(0.5) ? 'F' : 'M', gender: null, ethnicity: null, firstLanguage: 'English', interpreterNeeded: false, disabilities: [],
      communicationNeeds: null, learningDisability: false, nationality: 'British', immigrationStatus: null, euSettlementStatus: null, gpName: null, gpPractice: null,
      laChildId,
    });
    const householdId = await createHousehold(db, ctx, { name: `${familyName} household (simulated ${n})`, personId: childId, fromDate: day });
    const caseId = await openCase(db, ctx, { childId, openedOn: day, primaryNeedCode: 'N1', socialWorkerId: worker.id, teamManagerId: manager.id, householdId });
    const referralId = await recordReferral(db, ctx, caseId, {
      receivedDate: day, receivedTime: '09:00', channel: 'telephone', sourceCode: '2A', referrerIsProfessional: true, anonymous: false,
      referrerName: 'Simulated Referrer', referrerRole: 'Designated safeguarding lead', referrerOrganisation: 'Simshire Schools (simulated)',
      natureOfConcerns: 'Simulated concern.', howConcernsArose: 'Simulated.', needs: 'Simulated.', referrerInvolvement: 'Simulated.',
    });
    counts.referrals += 1;
    const toSection47 = rng.chance(1 / 7);
    const decideOn = addWd(day, late(rng));
    schedule(decideOn, 'decide-referral', `child ${n}`, async () => {
      await decideReferral(db, contextAt(worker, at(today, '11:00')), referralId, {
        decision: toSection47 ? 'strategy-discussion' : rng.chance(0.6) ? 'initial-assessment' : 'no-further-action',
        reasons: 'Simulated decision.', decidedDate: today, decidedTime: '11:00',
      });
      if (toSection47) schedule(addWd(today, Math.min(late(rng), 1)), 'strategy-discussion', `child ${n}`, () => strategy(n, worker, manager, householdId, caseId, childId, rng));
    });
  }

  /**
   * A referral about a child of the population: one born by the day and under 17, chosen at random
   * and not referred before in the run. The social worker completes the record as the case opens
   * (the authority's child id, as the census needs), through the same action the person page uses.
   */
  async function referredFromPopulation(day: string, ctx: ActionContext, laChildId: string): Promise<{ id: string; familyName: string } | null> {
    const youngest = day;
    const oldest = Temporal.PlainDate.from(day).subtract({ years: 17 }).toString();
    for (let tries = 0; tries < 50 && population!.length > 0; tries += 1) {
      const at = choosing.int(0, population!.length - 1);
      const candidate = population![at]!;
      if (candidate.dateOfBirth >= youngest || candidate.dateOfBirth <= oldest) continue;
      population![at] = population![population!.length - 1]!;
      population!.pop();
      const [person] = await db.select().from(people).where(eq(people.id, candidate.id));
      if (!person) continue;
      await updatePerson(db, ctx, person.id, {
        kind: 'child', unborn: false, givenNames: person.givenNames, familyName: person.familyName, aliases: person.aliases, dateOfBirth: person.dateOfBirth,
        expectedDeliveryDate: null, sex: person.sex as 'M' | 'F' | null, gender: person.gender, ethnicity: person.ethnicity, firstLanguage: person.firstLanguage ?? 'English',
        interpreterNeeded: person.interpreterNeeded, disabilities: person.disabilities, communicationNeeds: person.communicationNeeds, learningDisability: person.learningDisability,
        nationality: person.nationality, immigrationStatus: person.immigrationStatus, euSettlementStatus: person.euSettlementStatus, gpName: person.gpName, gpPractice: person.gpPractice,
        laChildId: person.laChildId ?? laChildId,
      }, person.version);
      return { id: person.id, familyName: person.familyName };
    }
    return null;
  }

  async function strategy(n: number, worker: User, manager: User, householdId: string, caseId: string, childId: string, rng: SeededRandom): Promise<void> {
    const ctx = contextAt(worker, at(today, '12:30'));
    const discussionId = await recordStrategyDiscussion(db, ctx, householdId, {
      heldDate: today, heldTime: '12:00', caseIds: [caseId],
      participants: [
        { agency: 'childrens-social-care', name: worker.displayName, role: 'Social worker' },
        { agency: 'police', name: 'DC Sim Officer', role: 'Child abuse investigation' },
        { agency: 'health', name: 'Sim Named Nurse', role: 'Named nurse' },
      ],
      informationShared: 'Simulated.', decisions: 'Section 47 enquiries begin.', basisForDecisions: 'Reasonable cause to suspect significant harm (simulated).',
      initiateSection47: true, immediateSafetyActions: 'None', sharedWithFamily: 'The purpose of the enquiry.', legalAction: 'None', physicalAbuseOrSeriousNeglect: false,
    });
    counts.strategyDiscussions += 1;
    const [enquiryId] = await startSection47Enquiries(db, ctx, discussionId, [caseId]);
    counts.section47 += 1;
    const convene = rng.chance(0.5);
    schedule(addWd(today, rng.int(3, 7) + late(rng)), 'section-47-outcome', `child ${n}`, async () => {
      const c = contextAt(worker, at(today, '14:00'));
      await recordSection47Outcome(db, c, enquiryId!, {
        outcome: convene ? 'continuing-risk' : 'not-substantiated', reasons: 'Simulated.', icpcNotRequired: !convene,
      });
      if (!convene) return;
      const conferenceId = await decideToConvene(db, c, householdId, pack, {
        kind: 'initial', decisionDate: today, choices: [{ caseId, role: 'subject', likelyHarm: 'Physical harm (simulated)', harmFrom: 'An adult in the household (simulated)' }],
      });
      counts.initialConferences += 1;
      const { conference } = await loadConferenceWithChildren(db, conferenceId);
      const t = track(conferenceId, 'initial', householdId, [{ caseId, childId }], worker, manager, conference, rng.fork());
      schedule(addWd(today, Math.min(late(t.rng), 2)), 'authorise', t.label, async () => {
        const { conference: now } = await loadConferenceWithChildren(db, conferenceId);
        await authoriseDecisionToConvene(db, contextAt(manager, at(today, '16:00')), conferenceId, now.version);
        schedule(addWd(today, 1 + Math.min(late(t.rng), 2)), 'book', t.label, () => book(t));
      });
    });
  }

  // ---- booking, by the slot finder's first suggestion or by the first free slot

  function choose(context: BookingContext, relaxLate: boolean, wide = relaxLate): SlotSuggestion | null {
    const request = relaxLate ? { ...context.request, lateNeedsAuthorisation: false } : context.request;
    // Looking for a late date, business support looks as far as the slot finder goes (130 working days).
    const window = wide ? { windowWorkingDays: 130 } : {};
    if (options.policy === 'suggested') return findSlots(request, context.diary, context.calendar, context.clock, { count: 1, ...window })[0] ?? null;
    const all = findSlots(request, context.diary, context.calendar, context.clock, { count: Math.max(50, context.chairs.length * 140), ...window });
    let best: SlotSuggestion | null = null;
    for (const s of all) if (!best || s.date < best.date || (s.date === best.date && s.startMinute < best.startMinute)) best = s;
    return best;
  }

  async function book(t: ConferenceTrack): Promise<void> {
    const support = staff.businessSupport;
    const now = at(today, '16:30');
    let context = await loadBookingContext(db, t.id, now);
    let slot = choose(context, false);
    if (t.dueDate && today > t.dueDate) t.lateAction = true;
    if (!slot || (t.dueDate && slot.date > t.dueDate)) {
      // No on-time slot is free: capacity, unless the request itself reached business support too late.
      if (!t.lateAction) t.capacity = true;
      const lateSlot = choose(context, true);
      if (!lateSlot) {
        // Nothing free at all: it stays on business support's list and they try again tomorrow.
        counts.bookingRetries += 1;
        schedule(addWd(today, 1), 'book', t.label, () => book(t));
        return;
      }
      if (context.request.lateNeedsAuthorisation && t.dueDate && lateSlot.date > t.dueDate) {
        const reasons = t.lateAction ? 'The conference reached business support after its due date.' : 'No chair and room are free before the due date.';
        const authorisationId = await requestOutOfTimescale(db, contextAt(support, now), t.id, {
          proposedDate: lateSlot.date, reasons, riskMonitoring: 'The social worker visits weekly until the conference (simulated).',
        });
        await decideOutOfTimescale(db, contextAt(staff.serviceManager, at(today, '16:30')), authorisationId, { decision: 'approved', note: 'Approved (simulated).' });
        counts.outOfTimescaleAuthorised += 1;
        t.authorisation = reasons;
        // A service manager has looked at this deadline and authorised a later date in writing:
        // it is in hand, not drifting silently (the booked conference then shows undated on the chair's list).
        t.metOn ??= today;
        context = await loadBookingContext(db, t.id, now);
        slot = choose(context, false, true);
      } else {
        slot = lateSlot;
      }
    }
    if (!slot) throw new Error('the authorised date could not be booked');
    const result = await bookConference(db, contextAt(support, now), t.id, {
      date: slot.date, time: slot.time, chairId: slot.chairId, roomId: slot.roomId, format: 'face-to-face', familyRiskAssessment: RISK_ASSESSMENT, version: context.conference.version,
    });
    t.bookedOnTime = !t.dueDate || slot.date <= t.dueDate;
    if (t.bookedOnTime) t.metOn ??= today;
    const rearrange = t.rng.chance(0.06);
    const inviteOn = addWd(today, rearrange ? 1 : 0);
    if (rearrange) {
      schedule(inviteOn, 'rearrange', t.label, async () => {
        const ctx = contextAt(support, at(today, '09:00'));
        const c = await loadBookingContext(db, t.id, ctx.now);
        // The slot finder leaves the conference's own booking out of its clash checks; move it elsewhere.
        const candidates = findSlots(c.request, c.diary, c.calendar, c.clock, { count: 10 })
          .filter((s) => s.chairId !== result.chairId || s.date !== slot.date);
        const next = candidates[0];
        if (!next) return;
        const reason = 'The chair is off sick (simulated).';
        await rearrangeConference(db, ctx, t.id, {
          date: next.date, time: next.time, chairId: next.chairId, roomId: next.roomId, format: 'face-to-face', familyRiskAssessment: RISK_ASSESSMENT, version: c.conference.version,
          reason, consulted: 'The family and the social worker (simulated).',
        });
        t.rearrangedReason = reason;
        counts.rearranged += 1;
        await invite(t, '11:00');
      });
    } else {
      await invite(t, '16:45');
    }
  }

  async function invite(t: ConferenceTrack, time: string): Promise<void> {
    const ctx = contextAt(staff.businessSupport, at(today, time));
    const add = (inviteeKind: 'parent' | 'professional', name: string, role: string, organisationName: string | null, channel: 'secure-email' | 'post', contact: string) =>
      addInvitee(db, ctx, t.id, {
        inviteeKind, name, role, organisationName, channel,
        email: channel === 'secure-email' ? contact : null, postalAddress: channel === 'post' ? contact : null,
      });
    await add('parent', 'Sim Parent', 'Mother', null, 'post', '1 Simulated Road, Simtown, SM1 1AA');
    await add('professional', t.socialWorker.displayName, 'Social worker', 'Simshire County Council (simulated)', 'secure-email', t.socialWorker.email ?? 'sw@simshire.example');
    await add('professional', 'PC Sim Constable', 'Police constable', 'Simshire Police (simulated)', 'secure-email', 'pc@police.simshire.example');
    await add('professional', 'Sim Health Visitor', 'Health visitor', 'Simshire Health Trust (simulated)', 'secure-email', 'hv@health.simshire.example');
    await add('professional', 'Sim Teacher', 'Class teacher', 'Simshire Schools (simulated)', 'secure-email', 'teacher@schools.simshire.example');
    await sendInvitations(db, ctx, t.id);
    const { conference } = await loadConferenceWithChildren(db, t.id);
    const day = conference.scheduledStart ? londonIsoDate(conference.scheduledStart) : null;
    if (day) schedule(day, 'hold', t.label, () => hold(t));
  }

  // ---- the conference itself: attendance, views, the chair's decision, the outline plan, the end

  function decisionFor(t: ConferenceTrack, _childId: string, planNeeded: boolean, quorate: boolean, conferenceDay: string): DecisionInput {
    return {
      outcome: planNeeded ? 'plan' : 'no-plan-cin', sufferedHarm: planNeeded, sufferedHarmReasons: 'Simulated.', likelyHarm: planNeeded, likelyHarmReasons: 'Simulated.',
      categories: planNeeded ? ['PHY'] : [], categoryChangeGrounds: '', chairView: null, overrule: false, overruleReasons: '',
      inquorateReasons: quorate ? '' : 'The police sent apologies; the decision could not wait (simulated).', variationReason: '',
      childInNeedRecommendation: planNeeded ? '' : 'A child in need plan (simulated).', legalActionRecommendation: '', interimSafetyPlan: '',
      parentsView: 'agree', complaintsRouteExplained: false, leadSocialWorkerId: t.socialWorker.id, contactTeamManagerId: null,
      coreGroupMembers: [{ name: 'Sim Parent', role: 'Mother' }, { name: 'Sim Health Visitor', role: 'Health visitor' }],
      firstCoreGroupOn: addWd(conferenceDay, 8), reviewOn: Temporal.PlainDate.from(conferenceDay).add({ months: 3 }).subtract({ days: 7 }).toString(),
      reviewTriggers: 'A new injury (simulated)', childrensCentre: 'told', childrensCentreReason: '',
      endingException: null, childViewOnEnding: true, coreAssessmentComplete: true,
    } as DecisionInput;
  }

  async function hold(t: ConferenceTrack): Promise<void> {
    const { conference } = await loadConferenceWithChildren(db, t.id);
    const start = conference.scheduledStart!;
    const chair = staff.chairs.find((c) => c.id === conference.chairId);
    if (!chair) throw new Error('the booked chair is not a simulated chair');
    const minute = contextAt(staff.businessSupport, start);
    const chairCtx = contextAt(chair, new Date(start.getTime() + 5 * 60_000));
    await openMeeting(db, minute, t.id);
    let state = await loadMeetingState(db, t.id);
    const policePresent = t.rng.chance(0.85);
    for (const a of state.attendance) {
      if (a.kind === 'chair' || a.kind === 'minute-taker') continue;
      const absent = a.agency === 'police' && !policePresent;
      const input: AttendanceInput = {
        kind: a.kind as AttendanceInput['kind'], name: a.name, agency: a.agency as AttendanceInput['agency'], organisationName: a.organisationName, role: a.role,
        status: absent ? 'apologies' : 'present', onBehalfOf: null, partsAttended: absent ? [] : [...MEETING_PARTS],
        directContactChildIds: a.kind === 'professional' && !absent ? t.subjects.map((s) => s.childId) : [],
        writtenReportSubmitted: false, writtenReportPresented: false, supportsAttendanceId: null, recordScope: 'attended-part', recordScopeGrounds: null,
      };
      await saveAttendance(db, minute, t.id, a.id, input, a.version);
    }
    state = await loadMeetingState(db, t.id);
    await saveOpeningChecklist(db, chairCtx, t.id, { ticked: [...OPENING_ITEMS], version: state.meeting!.version });
    const planNeeded = t.kind === 'review' ? t.rng.chance(0.7) : t.rng.chance(0.85);
    // Now and then an initial conference cannot decide and adjourns (DC5): it reconvenes later.
    const adjourn = t.kind === 'initial' && t.rng.chance(0.04);
    // The checklist, views and decisions leave the attendance (and so each child's quorum) as read
    // after it was taken: the state is read again only for the meeting's version at the end.
    for (const s of t.subjects) {
      if (adjourn) {
        await recordDecision(db, chairCtx, t.id, s.childId, {
          ...decisionFor(t, s.childId, false, true, londonIsoDate(start)), outcome: 'adjourned', interimSafetyPlan: 'The child stays with a grandparent until the conference reconvenes (simulated).',
        }, null);
        continue;
      }
      for (const a of state.attendance) {
        if (a.kind !== 'professional' || a.status !== 'present') continue;
        await saveView(db, minute, t.id, s.childId, null, { attendanceId: a.id, planNeeded, categories: planNeeded ? ['PHY'] : [], reasons: 'Simulated view.' }, null);
      }
      const quorate = state.quorum.get(s.childId)?.quorate ?? true;
      const decision = decisionFor(t, s.childId, planNeeded, quorate, londonIsoDate(start));
      await recordDecision(db, chairCtx, t.id, s.childId, decision, null);
      if (planNeeded) await saveOutlinePlan(db, minute, t.id, s.childId, OUTLINE, null);
    }
    // Only the meeting's version is wanted here, not the whole state again.
    const { meeting } = await loadMeetingCore(db, t.id);
    const concluded = await concludeMeeting(db, contextAt(chair, new Date(start.getTime() + 80 * 60_000)), t.id, { version: meeting!.version });
    t.heldOn = londonIsoDate(start);
    t.metOn ??= t.heldOn;
    if (concluded.reconvenedConferenceId) {
      counts.adjourned += 1;
      const { conference: again } = await loadConferenceWithChildren(db, concluded.reconvenedConferenceId);
      const r = track(again.id, 'reconvened', t.householdId, t.subjects, t.socialWorker, t.teamManager, again, t.rng.fork());
      schedule(addWd(t.heldOn, 1 + Math.min(late(r.rng), 2)), 'book', r.label, () => book(r));
      return;
    }
    schedule(addWd(t.heldOn, Math.min(late(t.rng), 2)), 'send-decisions', t.label, async () => {
      await distributeDecisions(db, contextAt(staff.businessSupport, at(today, '10:00')), t.id);
      counts.decisionsSent += 1;
    });
    if (t.kind === 'review') counts.reviewsHeld += 1;
    else counts.initialConferencesHeld += 1;
    for (const s of t.subjects) {
      const [open] = await db.select({ id: childProtectionPlans.id, visitWeeks: childProtectionPlans.visitFrequencyWeeks }).from(childProtectionPlans)
        .where(and(eq(childProtectionPlans.childId, s.childId), isNull(childProtectionPlans.endDate)));
      const known = plans.find((p) => !p.ended && p.id === open?.id);
      if (open && !known) {
        counts.plansStarted += 1;
        const p: PlanTrack = {
          id: open.id, label: `PLAN-${String(plans.length + 1).padStart(4, '0')}`, childId: s.childId, socialWorker: t.socialWorker, ended: false, rng: t.rng.fork(),
          startedOn: t.heldOn, frequencyWeeks: open.visitWeeks, lastSeenOn: null, visitDeadlines: [],
        };
        plans.push(p);
        scheduleVisit(p, t.heldOn, (open.visitWeeks ?? 2) * 5);
        scheduleCoreGroup(p, t.heldOn, p.rng.int(4, 8));
      }
      if (!open) {
        const ended = plans.find((p) => !p.ended && p.childId === s.childId);
        if (ended) {
          ended.ended = true;
          counts.plansEnded += 1;
          for (const v of ended.visitDeadlines) if (v.metOn === null) v.lapsed = true;
        }
      }
    }
  }

  function scheduleCoreGroup(p: PlanTrack, from: string, workingDays: number): void {
    schedule(addWd(from, workingDays + late(p.rng)), 'core-group', p.label, async () => {
      if (p.ended) return;
      const [plan] = await db.select({ version: childProtectionPlans.version }).from(childProtectionPlans).where(eq(childProtectionPlans.id, p.id));
      await recordCoreGroup(db, contextAt(p.socialWorker, at(today, '15:30')), pack, p.id, {
        heldOn: today, chairName: p.socialWorker.displayName, chairRole: 'lead-social-worker',
        members: [
          { name: 'Sim Parent', role: 'Mother', agency: 'Family', attended: true, writtenViews: '' },
          { name: 'Sim Health Visitor', role: 'Health visitor', agency: 'Health', attended: true, writtenViews: '' },
        ],
        decisions: 'Plan reviewed (simulated).', actionsAgreed: 'See plan actions.', nextIntervalWeeks: 6, planUpdated: true,
        planDistributedOn: today, distributedTo: 'All members by secure email', dischargePlan: '', collectiveReviewReport: false, planVersion: plan!.version,
      });
      counts.coreGroups += 1;
      scheduleCoreGroup(p, today, 27);
    });
  }

  function scheduleVisit(p: PlanTrack, from: string, everyWorkingDays: number): void {
    // Usually a few working days inside the frequency; now and then (a late draw of 3 or more) after it.
    const day = addWd(from, Math.max(1, everyWorkingDays - 3 + late(p.rng)));
    schedule(day, 'visit', p.label, async () => {
      if (p.ended) return;
      await recordVisit(db, contextAt(p.socialWorker, at(today, '15:00')), p.id, {
        visitedOn: today, childSeen: true, seenAlone: p.rng.chance(0.7), visitedBy: p.socialWorker.displayName, notSeenReason: '',
      });
      counts.visits += 1;
      p.lastSeenOn = today;
      for (const v of p.visitDeadlines) if (v.metOn === null && !v.lapsed) v.metOn = today;
      scheduleVisit(p, today, everyWorkingDays);
    });
  }

  // ---- each morning: what the work queues show, before anyone acts

  /**
   * Whose queue to read next this morning: someone whose queue should show a deadline not yet
   * found (business support or the team manager for a conference, the lead social worker for a
   * visit), and once none is left, everyone not yet read in turn. Reading stops once every open
   * deadline has been found, so only the cost depends on this choice, never what is found: a
   * deadline on nobody's queue still means every queue is read. Nor can a deadline's first
   * sighting move: a deadline is open, so looked for, from its first morning until it is in hand.
   */
  function nextReader(unseen: ReadonlySet<string>, owners: ReadonlyMap<string, readonly User[]>, read: ReadonlySet<string>): User | null {
    for (const key of unseen) for (const u of owners.get(key) ?? []) if (!read.has(u.id)) return u;
    return staff.everyone.find((u) => !read.has(u.id)) ?? null;
  }

  async function snapshotQueues(day: string): Promise<void> {
    const now = at(day, '08:00');
    const seenToday = new Set<string>();
    for (const t of tracks) if (t.metOn === null && t.seenBy !== null && day <= t.seenBy) t.openMornings += 1;
    // Each open plan's next statutory visit, worked out by the product's own rule (TS24).
    const openVisits: VisitDeadline[] = [];
    const owners = new Map<string, readonly User[]>();
    for (const p of plans) {
      if (p.ended) continue;
      // The rule's answer turns only on the plan's start, frequency and last visit, not on the day:
      // worked out again only when the child has been seen since.
      if (!p.nextVisit || p.nextVisit.after !== p.lastSeenOn) {
        const next = nextVisitDue({ pack, calendar, planStartedOn: p.startedOn, frequencyWeeks: p.frequencyWeeks, visits: p.lastSeenOn ? [{ visitedOn: p.lastSeenOn, childSeen: true }] : [] });
        const dueOn = !next.deadline ? null : next.deadline.due.kind === 'date' ? next.deadline.due.date.toString() : next.deadline.due.dateTime.toString().slice(0, 10);
        p.nextVisit = { after: p.lastSeenOn, due: dueOn };
      }
      const due = p.nextVisit.due;
      if (!due) continue;
      let v = p.visitDeadlines.find((x) => x.dueDate === due && x.metOn === null && !x.lapsed);
      if (!v) {
        v = { key: `${p.id}:${due}`, label: `${p.label}-visit-${p.visitDeadlines.length + 1}`, dueDate: due, seenBy: addWd(due, -1), metOn: null, openMornings: 0, lapsed: false };
        p.visitDeadlines.push(v);
      }
      openVisits.push(v);
      owners.set(v.key, [p.socialWorker]);
    }
    const openConferences = tracks.filter((t) => t.metOn === null && t.dueDate !== null);
    // The deadlines open this morning (not yet in hand): each must be on someone's queue. Queues are
    // read, whole and through queueForRole, until every one has been found on one; a deadline on
    // nobody's queue means every member of staff's queue is read, as before. A sighting that
    // matters (an open deadline, on or before the morning it had to be seen by) is found the same
    // way; sightings of deadlines already in hand are not looked for, so a deadline is never
    // counted visible that reading every queue would not have counted.
    const unseen = new Set([...openConferences.map((t) => `${t.id}:${t.dueDate}`), ...openVisits.map((v) => v.key)]);
    for (const t of openConferences) owners.set(`${t.id}:${t.dueDate}`, [staff.businessSupport, t.teamManager]);
    const read = new Set<string>();
    for (let user = nextReader(unseen, owners, read); user && unseen.size > 0; user = nextReader(unseen, owners, read)) {
      read.add(user.id);
      const actor = actorOf(user);
      for (const role of actor.roles) {
        const queue = await queueForRole(db, actor, role, now, pack);
        counts.queueSnapshots += 1;
        for (const items of Object.values(queue)) {
          for (const item of items) {
            if (!item.dueDate) continue;
            for (const id of item.href.match(UUID_IN) ?? []) {
              const key = `${id}:${item.dueDate}`;
              seenToday.add(key);
              unseen.delete(key);
              if (!firstSeen.has(key)) firstSeen.set(key, day);
            }
          }
        }
      }
    }
    for (const v of openVisits) {
      if (day <= v.seenBy) v.openMornings += 1;
      openMornings += 1;
      if (!seenToday.has(v.key)) unseenOpenMornings.push({ key: v.label, day, dueDate: v.dueDate });
    }
    // Stricter than the goal: every morning a deadline is open (not yet in hand), it is on a queue.
    for (const t of openConferences) {
      openMornings += 1;
      if (!seenToday.has(`${t.id}:${t.dueDate}`)) unseenOpenMornings.push({ key: t.label, day, dueDate: t.dueDate! });
    }
  }

  // ---- the days

  const working: string[] = [];
  for (let d = firstDay; Temporal.PlainDate.compare(d, lastDay) <= 0; d = d.add({ days: 1 })) if (calendar.isWorkingDay(d)) working.push(d.toString());
  const perWorkingDay = working.length === 0 ? 0 : options.referrals / working.length;

  for (let i = 0; i < options.days; i += 1) {
    today = firstDay.add({ days: i }).toString();
    if (calendar.isWorkingDay(Temporal.PlainDate.from(today))) {
      await attempt(today, 'queue-snapshot', 'all', () => snapshotQueues(today));
      let reviews: Awaited<ReturnType<typeof requestDueReviews>> = { checked: 0, requested: [] };
      await attempt(today, 'request-due-reviews', 'all', async () => {
        reviews = await requestDueReviews(db, at(today, '08:30'), pack);
      });
      for (const r of reviews.requested) {
        counts.reviewsRequested += 1;
        const { conference, subjects } = await loadConferenceWithChildren(db, r.conferenceId);
        const plan = plans.find((p) => p.id === r.planId);
        const worker = plan?.socialWorker ?? staff.socialWorkers[0]!;
        const manager = staff.teamManagers.find((m) => m.id === worker.managerId) ?? staff.teamManagers[0]!;
        const t = track(r.conferenceId, 'review', conference.householdId ?? '', subjects.map((s) => ({ caseId: s.caseId, childId: s.childId })), worker, manager, conference, (plan?.rng ?? fallback).fork());
        schedule(addWd(today, 1 + Math.min(late(t.rng), 3)), 'book', t.label, () => book(t));
      }
      const arriving = arrivals.poisson(perWorkingDay);
      for (let k = 0; k < arriving; k += 1) await attempt(today, 'referral', 'new', () => referral(today));
      for (const entry of agenda.get(today) ?? []) await attempt(today, entry.step, entry.record, entry.run);
      agenda.delete(today);
    } else {
      // Nobody works today: anything due moves to the next working day, in order.
      const moved = agenda.get(today) ?? [];
      agenda.delete(today);
      const next = nextWorkingOnOrAfter(today);
      for (const entry of moved) schedule(next, entry.step, entry.record, entry.run);
    }
    options.onDay?.(i + 1, options.days);
  }

  async function attempt(day: string, step: string, record: string, run: () => Promise<void>): Promise<void> {
    const started = options.onStepTimed ? performance.now() : 0;
    try {
      await run();
    } catch (error) {
      refusals.push({ day, step, record, message: error instanceof Error ? error.message : String(error) });
    }
    options.onStepTimed?.(step, performance.now() - started);
  }

  // ---- the report

  const period = customPeriod(options.from, lastIso);
  const report = await indicatorReport(db, { period, filter: {}, pack, today: lastIso });
  const indicators = indicatorFigures(report);
  const icpcItems = report.icpcTimeliness.items;
  const weekly = weeklyTimeliness(icpcItems, options.from, options.days);
  const national = NATIONAL_ICPC_LINES[NATIONAL_ICPC_LINES.length - 1]!;

  const deadlines: SimDeadline[] = tracks.filter((t) => t.dueDate).map((t) => ({
    key: `${t.id}:${t.dueDate}`, recordId: t.label, rule: t.dueRule ?? '', what: `${{ initial: 'Initial', review: 'Review', reconvened: 'Reconvened' }[t.kind]} conference ${t.label}`, dueDate: t.dueDate!, metOn: t.metOn, openMornings: t.openMornings,
  }));
  const visitDeadlines = plans.flatMap((p) => p.visitDeadlines.filter((v) => !v.lapsed));
  for (const v of visitDeadlines) {
    deadlines.push({ key: v.key, recordId: v.label, rule: 'TS24', what: `Statutory visit ${v.label}`, dueDate: v.dueDate, metOn: v.metOn, openMornings: v.openMornings });
  }
  const minusOne = (day: string) => addWd(day, -1);
  const checks = checkVisibility(deadlines, firstSeen, lastIso, minusOne);
  const labelOf = new Map([...tracks.map((t) => [`${t.id}:${t.dueDate}`, t.label] as const), ...visitDeadlines.map((v) => [v.key, v.label] as const)]);
  const labelled = checks.map((c) => ({ ...c, key: labelOf.get(c.key) ?? c.key }));

  const breaches = breachesOf(tracks.map((t) => ({
    label: t.label, kind: t.kind, rule: t.dueRule, dueDate: t.dueDate, heldOn: t.heldOn, capacity: t.capacity,
    authorisation: t.authorisation, rearrangedReason: t.rearrangedReason, bookedOnTime: t.bookedOnTime,
  })), lastIso);
  // A plan still open at the end whose review fell due in the run with no review conference for it
  // at all (never requested): the product's own rule says when it was due; no reason is on record.
  const stillOpen = plans.filter((p) => !p.ended);
  const openRows = stillOpen.length
    ? await db.select({ plan: childProtectionPlans, dateOfBirth: people.dateOfBirth }).from(childProtectionPlans)
      .innerJoin(people, eq(childProtectionPlans.childId, people.id)).where(inArray(childProtectionPlans.id, stillOpen.map((p) => p.id)))
    : [];
  const rowsById = new Map(openRows.map((r) => [r.plan.id, r]));
  const nextReviews = await reviewsOf(db, pack, calendar, openRows);
  for (const p of stillOpen) {
    const row = rowsById.get(p.id);
    if (!row || row.plan.endDate) continue;
    const { review } = nextReviews.get(p.id)!;
    if (review.holdBy > lastIso) continue;
    const covered = tracks.some((t) => t.kind === 'review' && t.heldOn === null && t.subjects.some((x) => x.childId === p.childId));
    if (covered) continue;
    breaches.push({
      recordId: `${p.label}-review-${review.number}`, rule: review.statutory.ruleId, what: `Review ${review.number} of plan ${p.label}`, dueDate: review.holdBy, metOn: null,
      cause: 'late-action', authorised: false, recordedReason: null,
      explanation: `due by ${review.holdBy} and never requested: no review conference was arranged for it`,
    });
  }
  const icpcBreachesByCapacity = breaches.filter((b) => b.cause === 'capacity' && b.recordId.startsWith('ICPC')).length;
  const goals = checkGoals({
    visibility: labelled, breaches, icpcHeld: report.icpcTimeliness.count, icpcWithin15: report.icpcTimeliness.within15, capacityBreaches: icpcBreachesByCapacity,
  });
  const visible = checks.filter((c) => c.visible).length;
  return {
    options: shown,
    period: { from: options.from, to: lastIso },
    counts,
    indicators,
    icpc: { held: report.icpcTimeliness.count, within15: report.icpcTimeliness.within15, percent: report.icpcTimeliness.within15Percent, national: { year: national.year, percent: national.within15Percent } },
    weekly,
    deadlines: deadlines.length,
    visibility: { checked: checks.length, visible, neverOpen: checks.filter((c) => c.neverOpen).length, percent: checks.length === 0 ? null : Math.round((1000 * visible) / checks.length) / 10, notVisible: labelled.filter((c) => !c.visible), openMornings, unseenOpenMornings },
    breaches,
    goals,
    refusals,
    conferences: tracks.map((t) => ({
      label: t.label, rule: t.dueRule, createdOn: t.createdOn, dueDate: t.dueDate, firstSeen: t.dueDate ? (firstSeen.get(`${t.id}:${t.dueDate}`) ?? null) : null,
      inHandOn: t.metOn, heldOn: t.heldOn, capacity: t.capacity, authorised: t.authorisation !== null, rearranged: t.rearrangedReason !== null,
    })),
    svg: timelinessSvg(weekly, { label: `England ${national.year}`, percent: national.within15Percent }, `ICPCs within 15 working days by week, ${options.from} to ${lastIso} (seed ${options.seed}, ${options.policy})`),
  };
}
