import type { Database, Queryable } from '../../db/client.js';
import type { BookingFinding } from '../../domain/booking/types.js';
import type { ConferenceEvent, ConferenceStatus } from '../../domain/conference/transitions.js';
import { transition } from '../shared/conference-transition.js';
import { bookingUpdate, checkOrRefuse, recheckDiary, updateIfUnchanged, type BookingInput } from './common.js';
import { loadBookingContext, type BookingContext } from './load-booking.js';

/** A new slot for a conference, checked against the rules and the diary as they were read. */
export interface SlotChange {
  booking: BookingContext;
  /** The status the conference moves to. */
  to: ConferenceStatus;
  /** Warnings and prompts the change goes ahead with; refusals have already been thrown. */
  findings: BookingFinding[];
  columns: ReturnType<typeof bookingUpdate>;
}

/**
 * Booking and rearranging check a slot the same way (CV4, CV5, CV6, TS4, TS30) before anything is
 * written, so a refusal costs no transaction.
 */
export async function checkSlotChange(db: Database, conferenceId: string, now: Date, event: Extract<ConferenceEvent, 'book' | 'rearrange'>, input: BookingInput): Promise<SlotChange> {
  const booking = await loadBookingContext(db, conferenceId, now);
  const to = transition(booking.conference.status, event);
  const findings = checkOrRefuse(booking, input);
  const columns = bookingUpdate(booking, input);
  return { booking, to, findings, columns };
}

/**
 * Inside the transaction: the diary is checked again under locks, then the conference takes the
 * slot only at the status and version the person saw.
 */
export async function takeSlot(tx: Queryable, change: SlotChange, input: BookingInput): Promise<void> {
  const { conference } = change.booking;
  await recheckDiary(tx, change.booking, input);
  await updateIfUnchanged(tx, conference, input.version ?? conference.version, { ...change.columns, status: change.to });
}
