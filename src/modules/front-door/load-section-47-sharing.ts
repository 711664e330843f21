import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { cases, conferenceChildren, conferences, organisations, people, relationships, section47Enquiries, section47OutcomeShares, users } from '../../db/schema/index.js';
import { isSection47Outcome } from '../../domain/front-door/outcomes.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { ageInYears, conferenceWarning, defaultShareFormat, isParentForSharing, sharingStatus, type Recipient, type SharingStatus } from '../../domain/front-door/section-47-sharing.js';
import { mayShareSection47Outcome } from '../../policies/children.js';
import type { Actor } from '../../policies/roles.js';
import { auditChildReads } from '../audit/child-access.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { childName } from '../shared/load-records.js';

type Person = typeof people.$inferSelect;
import { loadSection47 } from './load-section-47.js';

export type ShareRow = typeof section47OutcomeShares.$inferSelect;

export interface SharingRecipient {
  personId: string;
  name: string;
  recipient: Recipient;
  relationship: string;
  defaults: ReturnType<typeof defaultShareFormat>;
  share: ShareRow | null;
}

/** Initial conferences still to be held for a child (requested, booked or invitations sent). */
const OPEN_INITIAL = { kinds: ['initial', 'pre-birth'], statuses: ['requested', 'booked', 'invitations-sent'] };

async function parentsOf(db: Queryable, childId: string) {
  return (await parentsOfChildren(db, [childId])).get(childId) ?? [];
}

/** Each child's parents for sharing, for many children in one statement (the lists show up to 100). */
async function parentsOfChildren(db: Queryable, childIds: readonly string[]) {
  const byChild = new Map<string, { rel: typeof relationships.$inferSelect; person: Person }[]>();
  if (!childIds.length) return byChild;
  const rows = await db.select({ rel: relationships, person: people }).from(relationships).innerJoin(people, eq(relationships.personId, people.id)).where(inArray(relationships.childId, [...new Set(childIds)]));
  for (const r of rows) {
    if (!isParentForSharing(r.rel)) continue;
    const list = byChild.get(r.rel.childId);
    if (list) list.push(r);
    else byChild.set(r.rel.childId, [r]);
  }
  return byChild;
}

/** Who has received each enquiry's record, for many enquiries in one statement. */
async function sharedWith(db: Queryable, enquiryIds: readonly string[]) {
  const byEnquiry = new Map<string, { personId: string }[]>();
  if (!enquiryIds.length) return byEnquiry;
  const rows = await db.select({ enquiryId: section47OutcomeShares.enquiryId, personId: section47OutcomeShares.personId }).from(section47OutcomeShares).where(inArray(section47OutcomeShares.enquiryId, [...enquiryIds]));
  for (const r of rows) {
    const list = byEnquiry.get(r.enquiryId);
    if (list) list.push({ personId: r.personId });
    else byEnquiry.set(r.enquiryId, [{ personId: r.personId }]);
  }
  return byEnquiry;
}

/**
 * FD6: one child's section 47 outcome and who must receive its record: each parent, and the child
 * once judged old enough to understand it, each with the form suggested from their recorded needs
 * and what has been shared. Only the case's social worker or team manager (or a service manager)
 * opens it; the read is audited.
 */
export async function loadSection47Sharing(db: Queryable, ctx: ActionContext, enquiryId: string) {
  const found = await loadSection47(db, enquiryId);
  if (!mayShareSection47Outcome(ctx.actor, found.case)) throw new ForbiddenError('Only the child’s social worker or their team manager shares the outcome with the family.');
  await auditChildReads(db, ctx, [found.child.id], { recordType: 'section-47-sharing', recordId: enquiryId });
  const [parents, shares, conference, org, worker] = await Promise.all([
    parentsOf(db, found.child.id),
    db.select().from(section47OutcomeShares).where(eq(section47OutcomeShares.enquiryId, enquiryId)),
    nextInitialConference(db, found.child.id),
    db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, found.case.organisationId)),
    found.case.socialWorkerId ? db.select({ name: users.displayName }).from(users).where(eq(users.id, found.case.socialWorkerId)) : Promise.resolve([]),
  ]);
  const shareOf = (personId: string) => shares.find((s) => s.personId === personId) ?? null;
  const recipients: SharingRecipient[] = parents.map((p) => ({
    personId: p.person.id, name: childName(p.person), recipient: 'parent', relationship: p.rel.type, defaults: defaultShareFormat(p.person, 'parent'), share: shareOf(p.person.id),
  }));
  if (found.enquiry.childUnderstands) {
    recipients.push({ personId: found.child.id, name: found.name, recipient: 'child', relationship: 'the child', defaults: defaultShareFormat(found.child, 'child'), share: shareOf(found.child.id) });
  }
  const today = londonDateOf(ctx.now).toString();
  const status = statusOf(found.enquiry, found.child, found.name, parents.map((p) => ({ personId: p.person.id, name: childName(p.person) })), shares);
  return {
    ...found, recipients, status, conference,
    childAge: ageInYears(found.child.dateOfBirth, today),
    authorityName: org[0]?.name ?? 'Children’s social care',
    socialWorkerName: worker[0]?.name ?? null,
  };
}

function statusOf(
  enquiry: typeof section47Enquiries.$inferSelect, child: Person, name: string, parents: { personId: string; name: string }[], shares: { personId: string }[],
): SharingStatus {
  const shared = new Set(shares.map((s) => s.personId));
  return sharingStatus({
    outcomeRecorded: isSection47Outcome(enquiry.outcome),
    parents: parents.map((p) => ({ ...p, shared: shared.has(p.personId) })),
    child: { personId: child.id, name, understands: enquiry.childUnderstands, shared: shared.has(child.id) },
  });
}

async function nextInitialConference(db: Queryable, childId: string) {
  return (await nextInitialConferences(db, [childId])).get(childId) ?? null;
}

/** Each child's latest initial conference still to be held, for many children in one statement. */
async function nextInitialConferences(db: Queryable, childIds: readonly string[]) {
  const byChild = new Map<string, { id: string; scheduledStart: Date | null; status: string }>();
  if (!childIds.length) return byChild;
  const rows = await db
    .select({ childId: conferenceChildren.childId, id: conferences.id, scheduledStart: conferences.scheduledStart, status: conferences.status })
    .from(conferenceChildren)
    .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(and(inArray(conferenceChildren.childId, [...new Set(childIds)]), eq(conferenceChildren.role, 'subject'), inArray(conferences.kind, OPEN_INITIAL.kinds), inArray(conferences.status, OPEN_INITIAL.statuses)))
    .orderBy(desc(conferences.requestedAt));
  for (const { childId, ...conference } of rows) if (!byChild.has(childId)) byChild.set(childId, conference);
  return byChild;
}

/** Where sharing stands for each child's latest enquiry with an outcome: for the readiness check of an initial conference. */
export async function section47SharingForChildren(db: Queryable, childIds: readonly string[]) {
  if (!childIds.length) return [];
  const enquiries = await db
    .select({ enquiry: section47Enquiries, child: people })
    .from(section47Enquiries)
    .innerJoin(cases, eq(section47Enquiries.caseId, cases.id))
    .innerJoin(people, eq(cases.childId, people.id))
    .where(and(inArray(cases.childId, [...childIds]), isNotNull(section47Enquiries.outcome)))
    .orderBy(desc(section47Enquiries.outcomeRecordedAt));
  const latest = new Map<string, (typeof enquiries)[number]>();
  for (const e of enquiries) if (!latest.has(e.child.id)) latest.set(e.child.id, e);
  const chosen = [...latest.values()];
  const [parentsByChild, sharesByEnquiry] = await Promise.all([
    parentsOfChildren(db, chosen.map((c) => c.child.id)), sharedWith(db, chosen.map((c) => c.enquiry.id)),
  ]);
  return chosen.map(({ enquiry, child }) => {
    const parents = parentsByChild.get(child.id) ?? [];
    const shares = sharesByEnquiry.get(enquiry.id) ?? [];
    return { childId: child.id, enquiryId: enquiry.id, name: childName(child), status: statusOf(enquiry, child, childName(child), parents.map((p) => ({ personId: p.person.id, name: childName(p.person) })), shares) };
  });
}

/**
 * FD6 on the social worker's list: every enquiry on a case they hold whose outcome is recorded and
 * whose record has not yet reached every parent (and the child, once judged able), with the initial
 * conference's start where one is booked.
 */
export async function section47SharingQueueRows(db: Queryable, actor: Actor) {
  const rows = await db
    .select({ enquiry: section47Enquiries, child: people, caseId: cases.id })
    .from(section47Enquiries)
    .innerJoin(cases, eq(section47Enquiries.caseId, cases.id))
    .innerJoin(people, eq(cases.childId, people.id))
    .where(and(eq(cases.socialWorkerId, actor.id), isNull(cases.closedOn), isNotNull(section47Enquiries.outcome)))
    .orderBy(desc(section47Enquiries.outcomeRecordedAt))
    .limit(100);
  // Three statements for the whole list, whatever its length (the home page reads it on every load).
  const childIds = rows.map((r) => r.child.id);
  const [parentsByChild, sharesByEnquiry, conferencesByChild] = await Promise.all([
    parentsOfChildren(db, childIds), sharedWith(db, rows.map((r) => r.enquiry.id)), nextInitialConferences(db, childIds),
  ]);
  const out = [];
  for (const r of rows) {
    const parents = parentsByChild.get(r.child.id) ?? [];
    const shares = sharesByEnquiry.get(r.enquiry.id) ?? [];
    const conference = conferencesByChild.get(r.child.id) ?? null;
    const status = statusOf(r.enquiry, r.child, childName(r.child), parents.map((p) => ({ personId: p.person.id, name: childName(p.person) })), shares);
    if (!status.done) out.push({ enquiryId: r.enquiry.id, childId: r.child.id, childName: childName(r.child), status, conferenceStart: conference?.scheduledStart ?? null, outcomeRecordedAt: r.enquiry.outcomeRecordedAt });
  }
  return out;
}

/**
 * FD6 for the chair's readiness check of an initial conference: each subject child whose section 47
 * outcome has not yet reached the family, urgent when the conference is 5 working days away or less.
 */
export async function section47SharingWarnings(db: Queryable, childIds: readonly string[], conferenceStart: Date | null, now: Date) {
  const rows = await section47SharingForChildren(db, childIds);
  const calendar = conferenceStart ? await workingCalendar(db) : null;
  let days = Number.POSITIVE_INFINITY;
  if (calendar && conferenceStart) {
    try {
      days = calendar.workingDaysBetween(londonDateOf(now), londonDateOf(conferenceStart));
    } catch {
      days = 0; // outside the calendar: treat as near, so the warning is never lost
    }
  }
  return rows
    .map((r) => ({ ...r, level: conferenceWarning(r.status, days) }))
    .filter((r) => r.level !== 'none');
}
