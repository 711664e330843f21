import type { FastifyInstance } from 'fastify';
import bookingPages from './book.js';
import cancelPages from './cancel.js';
import outOfTimescalePages from './out-of-timescale.js';
import conferencePage from './show.js';

/** The conference page, booking (CV4–CV7, TS4, TS30), cancelling and late-date authorisation. */
export default function conferencePages(app: FastifyInstance): void {
  conferencePage(app);
  bookingPages(app);
  cancelPages(app);
  outOfTimescalePages(app);
}
