import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { cases, people, relationships, subjectAccessRequests, users } from '../../db/schema/index.js';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { formatDate } from '../../domain/deadlines/format-date.js';
import {
  extensionProblems, REQUESTER_RELATIONSHIPS, releaseProblems, subjectAccessDue, subjectAccessProblems, subjectAccessState, type RequesterRelationship,
} from '../../domain/records/subject-access.js';
import { mayHandleSubjectAccess, mayRecordSubjectAccess } from '../../policies/records.js';
import type { Actor } from '../../policies/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import { enqueueMessage } from '../outbox/enqueue-message.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { updateAtVersion } from '../shared/versioned-update.js';

const changedMeanwhile = () => new ConflictError('Someone else changed this request since you opened it.');

export interface SubjectAccessInput {
  childGivenNames: string;
  childFamilyName: string;
  childDateOfBirth: string;
  requesterName: string;
  relationship: string;
  receivedOn: string;
  identityCheckedOn: string | null;
  identityEvidence: string;
  responsibleUserId: string | null;
}

const today = (context: ActionContext) => londonDateOf(context.now).toString();
const fullName = (p: { givenNames: string; familyName: string }) => `${p.givenNames} ${p.familyName}`.trim();
const same = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

/** Information governance staff of the organisation who may be made responsible for a request. */
export async function subjectAccessHandlers(db: Queryable, organisationId: string) {
  const rows = await db.select({ id: users.id, displayName: users.displayName, roles: users.roles, active: users.active }).from(users).where(eq(users.organisationId, organisationId)).orderBy(asc(users.displayName));
  return rows.filter((u) => u.active && u.roles.includes('auditor')).map((u) => ({ id: u.id, displayName: u.displayName }));
}

/**
 * RC7 (UK GDPR Articles 12, 15): information governance records a subject access request: who asks,
 * about which child (found by exact name and date of birth among this authority's cases, so the
 * form reveals nothing about anyone else), when it arrived, and the identity check. It goes on the
 * responsible person's home list, due one calendar month after receipt or the identity check.
 */
export async function recordSubjectAccessRequest(db: Database, context: ActionContext, input: SubjectAccessInput): Promise<string> {
  const actor = context.actor;
  if (!actor || !mayRecordSubjectAccess(actor)) throw new ForbiddenError('Subject access requests are recorded by information governance.');
  const problems = subjectAccessProblems(input, today(context));
  if (problems.length) throw new ValidationError(problems);
  const matches = await db
    .selectDistinct({ id: people.id, givenNames: people.givenNames, familyName: people.familyName })
    .from(people)
    .innerJoin(cases, eq(cases.childId, people.id))
    .where(and(
      eq(cases.organisationId, actor.organisationId), eq(people.kind, 'child'), eq(people.dateOfBirth, input.childDateOfBirth),
      sql`lower(${people.familyName}) = lower(${input.childFamilyName.trim()})`, sql`lower(${people.givenNames}) = lower(${input.childGivenNames.trim()})`,
    ));
  if (matches.length !== 1) {
    throw new ValidationError([{ field: 'childFamilyName', message: matches.length === 0 ? 'No child in our records has exactly that name and date of birth: check them with the requester' : 'More than one child has that name and date of birth: ask the social work team to identify the child' }]);
  }
  const child = matches[0]!;
  const handlers = await subjectAccessHandlers(db, actor.organisationId);
  const responsible = input.responsibleUserId ?? actor.id;
  if (!handlers.some((h) => h.id === responsible)) throw new ValidationError([{ field: 'responsibleUserId', message: 'Choose someone in information governance to answer the request' }]);
  let requesterPersonId: string | null = null;
  const relationship = input.relationship as RequesterRelationship;
  if (relationship === 'the-child') requesterPersonId = same(fullName(child), input.requesterName) ? child.id : null;
  else if (relationship === 'parent' || relationship === 'parent-own') {
    const related = await db.select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName }).from(relationships).innerJoin(people, eq(people.id, relationships.personId)).where(eq(relationships.childId, child.id));
    requesterPersonId = related.find((p) => same(fullName(p), input.requesterName))?.id ?? null;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(subjectAccessRequests).values({
      organisationId: actor.organisationId, childId: child.id, requesterName: input.requesterName.trim(), relationship, requesterPersonId, receivedOn: input.receivedOn,
      identityChecked: input.identityCheckedOn !== null, identityCheckedOn: input.identityCheckedOn, identityEvidence: input.identityEvidence.trim() || null,
      responsibleUserId: responsible, recordedBy: actor.id, recordedAt: context.now,
    }).returning({ id: subjectAccessRequests.id });
    if (!row) throw new Error('subject access insert returned nothing');
    await recordAudit(tx, context, {
      action: 'subject-access-recorded', recordType: 'subject-access-request', recordId: row.id, childId: child.id,
      details: { relationship, receivedOn: input.receivedOn, identityCheckedOn: input.identityCheckedOn, responsibleUserId: responsible },
    });
    return row.id;
  });
}

/** The request, if this person handles it; 404 otherwise (nobody learns a request exists). */
export async function loadSubjectAccessRequest(db: Queryable, context: ActionContext, id: string, calendar?: WorkingCalendar) {
  const [row] = await db.select({ r: subjectAccessRequests, child: { givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth } })
    .from(subjectAccessRequests).innerJoin(people, eq(people.id, subjectAccessRequests.childId)).where(eq(subjectAccessRequests.id, id));
  if (!row || !mayHandleSubjectAccess(context.actor, row.r)) throw new NotFoundError('We could not find that request.');
  const cal = calendar ?? (await workingCalendar(db));
  const due = subjectAccessDue(row.r, (d) => cal.isWorkingDay(d));
  return {
    ...row.r, childName: fullName(row.child), childDateOfBirth: row.child.dateOfBirth, relationshipLabel: REQUESTER_RELATIONSHIPS[row.r.relationship as RequesterRelationship] ?? row.r.relationship,
    due, state: subjectAccessState(row.r, due, today(context)),
  };
}

/** The identity check arrives after the request: the month starts from it. */
export async function recordIdentityCheck(db: Database, context: ActionContext, id: string, input: { identityCheckedOn: string; identityEvidence: string; version: number }): Promise<void> {
  const request = await loadSubjectAccessRequest(db, context, id);
  if (request.identityChecked) throw new ConflictError('The requester’s identity is already recorded as checked.');
  const problems = subjectAccessProblems({ receivedOn: request.receivedOn, identityCheckedOn: input.identityCheckedOn, relationship: request.relationship }, today(context));
  if (!input.identityEvidence.trim()) problems.push({ field: 'identityEvidence', message: 'Say what was seen to check the identity' });
  if (problems.length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, subjectAccessRequests, { id, version: input.version }, { identityChecked: true, identityCheckedOn: input.identityCheckedOn, identityEvidence: input.identityEvidence.trim() }, changedMeanwhile,
    );
    await recordAudit(tx, context, { action: 'subject-access-identity-checked', recordType: 'subject-access-request', recordId: id, childId: request.childId, details: { identityCheckedOn: input.identityCheckedOn } });
  });
}

export interface ExtensionInput {
  reason: string;
  channel: 'email' | 'post';
  address: string;
  version: number;
}

/**
 * RC7, UK GDPR Art. 12(3): a complex request is extended by two further months before the first
 * month runs out, with the reason; the deadline moves, and a letter telling the requester the new
 * date and the reason leaves through the outbox in the same transaction. Audited with both dates.
 */
export async function extendSubjectAccess(db: Database, context: ActionContext, id: string, input: ExtensionInput): Promise<string> {
  const request = await loadSubjectAccessRequest(db, context, id);
  const problems = extensionProblems(input, { today: today(context), due: request.due, released: request.releasedOn !== null, extendedOn: request.extendedOn });
  if (problems.length === 0 && !input.address.trim()) problems.push({ field: 'address', message: input.channel === 'email' ? 'Enter the requester’s email address' : 'Enter the requester’s postal address' });
  if (problems.length === 0 && input.channel === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.address.trim())) problems.push({ field: 'address', message: 'Enter an email address like name@example.com' });
  if (problems.length) throw new ValidationError(problems);
  const cal = await workingCalendar(db);
  const extendedOn = today(context);
  const newDue = subjectAccessDue({ ...request, extendedOn }, (d) => cal.isWorkingDay(d));
  return db.transaction(async (tx) => {
    await updateAtVersion(
      tx, subjectAccessRequests, { id, version: input.version }, { extendedOn, extensionReason: input.reason.trim(), extendedBy: context.actor!.id }, changedMeanwhile,
      and(isNull(subjectAccessRequests.releasedOn), isNull(subjectAccessRequests.extendedOn)),
    );
    // The letter names no child: it answers the person who asked, about their request.
    const messageId = await enqueueMessage(tx, {
      channel: input.channel, toName: request.requesterName, toAddress: input.address.trim(),
      subject: 'Your request for records: we need more time to answer',
      bodyText: [
        `Dear ${request.requesterName},`,
        '',
        `Thank you for your request for records, which we received on ${request.receivedOn}.`,
        `Your request is complex, so we are taking two further months to answer it, as UK GDPR Article 12(3) allows. The reason: ${input.reason.trim()}`,
        '',
        `We will answer by ${newDue.dueOn}. You do not need to do anything. If you are unhappy with this, you may complain to us or to the Information Commissioner's Office (ico.org.uk).`,
        '',
        'Information governance',
      ].join('\n'),
      relatedType: 'subject-access-extension', relatedId: id,
    }, context.now);
    await recordAudit(tx, context, {
      action: 'subject-access-extended', recordType: 'subject-access-request', recordId: id, childId: request.childId,
      // The reason stays on the request (cleared with it at disposal); the append-only trail keeps the dates.
      details: { oldDueOn: request.due.dueOn, newDueOn: newDue.dueOn, told: input.channel, outboxMessageId: messageId },
    });
    return newDue.dueOn!;
  });
}

/** RC7: the release of the bundle is recorded and audited, with a digest of exactly what was released. */
export async function recordSubjectAccessRelease(db: Database, context: ActionContext, id: string, input: { releasedOn: string; method: string; version: number }, bundleSha256: string): Promise<void> {
  const request = await loadSubjectAccessRequest(db, context, id);
  const problems = releaseProblems(input, { today: today(context), identityCheckedOn: request.identityCheckedOn, receivedOn: request.receivedOn, released: request.releasedOn !== null });
  if (problems.length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, subjectAccessRequests, { id, version: input.version }, { releasedOn: input.releasedOn, releaseMethod: input.method.trim(), releasedBy: context.actor!.id, bundleSha256 }, changedMeanwhile,
      isNull(subjectAccessRequests.releasedOn),
    );
    await recordAudit(tx, context, {
      action: 'subject-access-released', recordType: 'subject-access-request', recordId: id, childId: request.childId,
      details: { releasedOn: input.releasedOn, method: input.method.trim(), bundleSha256, dueOn: request.due.dueOn },
    });
  });
}

/** The requests this person is responsible for, open ones first, with their dates worked out now. */
export async function subjectAccessRequestsFor(db: Queryable, actor: Actor, day: string) {
  const cal = await workingCalendar(db);
  const rows = await db.select({ r: subjectAccessRequests, givenNames: people.givenNames, familyName: people.familyName })
    .from(subjectAccessRequests).innerJoin(people, eq(people.id, subjectAccessRequests.childId))
    .where(and(eq(subjectAccessRequests.responsibleUserId, actor.id), eq(subjectAccessRequests.organisationId, actor.organisationId)))
    .orderBy(asc(subjectAccessRequests.receivedOn)).limit(200);
  return rows.map(({ r, ...child }) => {
    const due = subjectAccessDue(r, (d) => cal.isWorkingDay(d));
    return { ...r, childName: fullName(child), due, state: subjectAccessState(r, due, day), receivedLabel: formatDate(r.receivedOn) };
  });
}
