import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { outOfTimescaleAuthorisations } from '../../db/schema/index.js';
import { formatDate } from '../../domain/deadlines/format-date.js';
import { mayRequestOutOfTimescale } from '../../policies/booking.js';
import { auditForChildren } from '../audit/audit-children.js';
import { loadConferenceWithChildren } from '../shared/load-conference.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError, type FieldError } from '../shared/errors.js';
import { bookingClock, lateNeedsAuthorisation } from './load-booking.js';

export interface OutOfTimescaleRequest {
  proposedDate: string;
  reasons: string;
  riskMonitoring: string;
}

const OPEN_STATUSES = ['requested', 'booked', 'invitations-sent'];

/**
 * TS30: asking a service manager to authorise a conference after its due date, with the reasons
 * and how risk to the children is monitored meanwhile. One request waits at a time per conference.
 */
export async function requestOutOfTimescale(db: Database, context: ActionContext, conferenceId: string, input: OutOfTimescaleRequest): Promise<string> {
  if (!mayRequestOutOfTimescale(context.actor)) throw new ForbiddenError('Business support, the social worker or the team manager can ask for out-of-timescale authorisation.');
  const { conference, subjects } = await loadConferenceWithChildren(db, conferenceId);
  if (!OPEN_STATUSES.includes(conference.status)) throw new ConflictError('This conference is no longer being arranged, so there is nothing to authorise.');
  const errors: FieldError[] = [];
  if (!conference.dueDate || !lateNeedsAuthorisation(conference.pack, conference.dueRuleId)) {
    throw new ConflictError('This conference has no due date that needs out-of-timescale authorisation: book the date you need.');
  }
  if (input.proposedDate <= conference.dueDate) {
    errors.push({ field: 'proposedDate', message: `Authorisation is only needed for a date after the due date, ${formatDate(conference.dueDate)}` });
  } else if (Temporal.PlainDate.compare(Temporal.PlainDate.from(input.proposedDate), bookingClock(context.now).today) < 0) {
    errors.push({ field: 'proposedDate', message: 'The proposed date has already passed' });
  }
  if (!input.reasons.trim()) errors.push({ field: 'reasons', message: 'Enter the reasons the conference cannot be held by the due date' });
  if (!input.riskMonitoring.trim()) errors.push({ field: 'riskMonitoring', message: 'Enter how risk to the children will be monitored until the conference' });
  if (errors.length > 0) throw new ValidationError(errors);
  return db.transaction(async (tx) => {
    const pending = await tx.select({ id: outOfTimescaleAuthorisations.id }).from(outOfTimescaleAuthorisations)
      .where(and(eq(outOfTimescaleAuthorisations.conferenceId, conferenceId), isNull(outOfTimescaleAuthorisations.decision)));
    if (pending.length > 0) throw new ConflictError('A request for out-of-timescale authorisation is already waiting for a service manager’s decision.');
    const [row] = await tx.insert(outOfTimescaleAuthorisations).values({
      conferenceId, proposedDate: input.proposedDate, reasons: input.reasons.trim(), riskMonitoring: input.riskMonitoring.trim(),
      requestedBy: context.actor!.id, requestedAt: context.now,
    }).returning({ id: outOfTimescaleAuthorisations.id });
    if (!row) throw new Error('authorisation insert returned nothing');
    await auditForChildren(tx, context, subjects.map((s) => s.childId), {
      action: 'out-of-timescale-requested', recordType: 'out-of-timescale-authorisation', recordId: row.id,
      details: { conferenceId, proposedDate: input.proposedDate, dueDate: conference.dueDate },
    });
    return row.id;
  });
}
