import { and, desc, eq, ne } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import { conferenceChildren, conferences, invitations, meetingDecisions, users } from '../../db/schema/index.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { computeDeadline } from '../../domain/deadlines/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';
import type { EndingFacts, EndingRoute } from '../../domain/plans/ending.js';
import { endingRecipients, type Invitee, type NoticeRecipient } from '../../domain/plans/ending-notice.js';
import type { loadPlanCore } from './load-plan.js';
import { familyLanguagesForConferences } from '../invitations/family-languages.js';
import type { FamilyLanguage } from '../../documents/family-language.js';

type PlanCore = Awaited<ReturnType<typeof loadPlanCore>>;

async function inviteesOf(db: Queryable, conferenceId: string | null): Promise<Invitee[]> {
  if (!conferenceId) return [];
  return db.select({ id: invitations.id, name: invitations.name, role: invitations.role, email: invitations.email, postalAddress: invitations.postalAddress })
    .from(invitations).where(and(eq(invitations.conferenceId, conferenceId), ne(invitations.state, 'removed')));
}

/** The facts the ending routes depend on (EN1, EN2, EN6, TS25). */
export async function endingFacts(db: Queryable, pack: PackId, calendar: WorkingCalendar, core: PlanCore, today: string): Promise<EndingFacts> {
  const dob = core.child.dateOfBirth;
  const eighteenth = dob ? computeDeadline({ ruleId: 'TS25', pack, from: Temporal.PlainDate.from(dob), calendar }) : null;
  const [pending] = await db.select({ id: meetingDecisions.id }).from(meetingDecisions)
    .where(and(eq(meetingDecisions.planId, core.plan.id), eq(meetingDecisions.discontinuationPending, true)));
  return {
    today, planStartedOn: core.plan.startDate, lookedAfter: core.case.lookedAfter, endingPending: pending !== undefined,
    eighteenthBirthday: eighteenth && eighteenth.due.kind === 'date' ? eighteenth.due.date : null,
  };
}

/** EN4: who is told, from the initial conference's invitations, the latest conference's, the GP and the lead social worker. */
/** Who is told that the plan ends, and who cannot be reached: the check page shows these before anything is sent. */
export async function recipientsFor(db: Queryable, pack: PackId, core: PlanCore, route: EndingRoute | 'review-decision') {
  const [latest] = await db.select({ id: conferences.id }).from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(eq(conferenceChildren.childId, core.plan.childId), eq(conferences.status, 'held')))
    .orderBy(desc(conferences.heldOn)).limit(1);
  const [lead] = core.plan.leadSocialWorkerId
    ? await db.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, core.plan.leadSocialWorkerId))
    : [];
  const gp = core.child.gpName || core.child.gpPractice
    ? { name: core.child.gpName ?? 'The GP', practice: core.child.gpPractice ?? '' }
    : null;
  const told = endingRecipients(pack, route, {
    initialInvitees: await inviteesOf(db, core.plan.startConferenceId),
    latestInvitees: await inviteesOf(db, latest?.id ?? null),
    gp: gp && gp.practice ? gp : null,
    leadSocialWorker: lead ?? null,
  });
  return { ...told, latestConferenceId: latest?.id ?? null };
}

/** recipientsFor, with the language each family member is written to in: what sending the notices needs. */
export async function noticeRecipientsFor(db: Queryable, pack: PackId, core: PlanCore, route: EndingRoute | 'review-decision') {
  const { latestConferenceId, ...told } = await recipientsFor(db, pack, core, route);
  // Issue 14: a family member is told in the language recorded for the conference they were
  // invited to, as their invitation and the decisions were; anyone absent from the map reads English.
  const conferenceIds = [core.plan.startConferenceId, latestConferenceId].filter((id): id is string => Boolean(id));
  const languages: Map<string, FamilyLanguage> = told.recipients.some((r) => r.invitationId)
    ? await familyLanguagesForConferences(db, [...new Set(conferenceIds)])
    : new Map();
  return { ...told, languageOf: (r: NoticeRecipient): FamilyLanguage | undefined => (r.invitationId ? languages.get(r.invitationId) : undefined) };
}

