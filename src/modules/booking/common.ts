import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferences, rooms, users } from '../../db/schema/index.js';
import { checkBooking } from '../../domain/booking/checks.js';
import { Diary, minuteOfTime } from '../../domain/booking/diary.js';
import type { BookingFinding, ConferenceFormat, ProposedBooking } from '../../domain/booking/types.js';
import { londonInstant } from '../../domain/calendar/london-time.js';
import { ConflictError, ValidationError, type FieldError } from '../shared/errors.js';
import { loadBookings, type BookingContext } from './load-booking.js';

// Pages that show which step a booking takes ask here, beside the rest of booking.
export { transition } from '../shared/conference-transition.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/** What a person chooses when booking or rearranging. */
export interface BookingInput {
  date: string;
  time: string;
  chairId: string;
  roomId: string | null;
  format: ConferenceFormat;
  familyRiskAssessment?: string | undefined;
  iroId?: string | null | undefined;
  lacChairArrangement?: string | undefined;
  /** The version the person saw; a second submit of the same form then finds it changed (409). */
  version?: number | undefined;
}


export function proposalOf(input: BookingInput): ProposedBooking {
  return {
    date: input.date, startMinute: minuteOfTime(input.time), chairId: input.chairId,
    roomId: input.format === 'virtual' ? null : input.roomId, format: input.format,
    familyRiskAssessment: input.familyRiskAssessment ?? null, iroId: input.iroId ?? null, lacChairArrangement: input.lacChairArrangement ?? null,
  };
}

/** Refusals as field errors, one per field (the first is the most basic), so the form says exactly what is needed. */
export function refusalErrors(findings: readonly BookingFinding[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const f of findings) {
    if (f.severity !== 'refuse') continue;
    const field = f.field ?? 'form';
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: f.message });
  }
  return errors;
}

/** Checks a proposal against the diary as loaded; throws the refusals as a 400. */
export function checkOrRefuse(context: BookingContext, input: BookingInput): BookingFinding[] {
  const findings = checkBooking(context.request, proposalOf(input), context.diary, context.calendar, context.clock);
  const errors = refusalErrors(findings);
  if (errors.length > 0) throw new ValidationError(errors);
  return findings;
}

/**
 * Inside the transaction: lock the chair and then the room (always in that order, so two bookings
 * cannot wait on each other), then check their day again, so two people booking the same chair or
 * the same room at once cannot both succeed.
 */
export async function recheckDiary(tx: Queryable, context: BookingContext, input: BookingInput): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, input.chairId)).for('update');
  if (input.roomId) await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, input.roomId)).for('update');
  const fresh = await loadBookings(tx, input.date, 1);
  const diary = new Diary([...context.diary.chairs.values()], [...context.diary.rooms.values()], fresh);
  const findings = checkBooking(context.request, proposalOf(input), diary, context.calendar, context.clock);
  const errors = refusalErrors(findings.filter((f) => f.ruleId === 'DIARY'));
  if (errors.length > 0) throw new ValidationError(errors);
}

/**
 * What a booking (or a new date) writes: the slot, and for a looked-after child the IRO, who must
 * be one of the listed chairs, and the agreed chairing arrangement (CV5).
 */
export function bookingUpdate(context: BookingContext, input: BookingInput) {
  if (context.request.lookedAfter && input.iroId && !context.chairs.some((c) => c.id === input.iroId)) {
    throw new ValidationError([{ field: 'iroId', message: 'Select the independent reviewing officer from the list' }]);
  }
  return {
    ...bookingColumns(input),
    ...(context.request.lookedAfter ? { iroId: input.iroId ?? null, lacChairArrangement: input.lacChairArrangement?.trim() ?? null } : {}),
  };
}

export function bookingColumns(input: BookingInput) {
  return {
    scheduledStart: londonInstant(input.date, input.time),
    chairId: input.chairId,
    roomId: input.format === 'virtual' ? null : input.roomId,
    format: input.format,
    familyRiskAssessment: input.familyRiskAssessment?.trim() ? input.familyRiskAssessment.trim() : null,
  };
}

/**
 * The optimistic update: only if the status and version are still those seen. Nothing updated
 * means someone (or a second click) got there first.
 */
export async function updateIfUnchanged(
  tx: Queryable,
  conference: { id: string; status: string; version: number },
  seenVersion: number,
  values: Partial<typeof conferences.$inferInsert>,
): Promise<void> {
  await updateAtVersion(
    tx, conferences, { id: conference.id, version: seenVersion }, values,
    () => new ConflictError('This conference changed while you were working on it (perhaps the form was sent twice): look at it again before you continue.'),
    eq(conferences.status, conference.status),
  );
}

export const warningsOf = (findings: readonly BookingFinding[]) =>
  findings.filter((f) => f.severity !== 'refuse').map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message }));
