import type { FastifyInstance } from 'fastify';
import { workingCalendar } from '../../../modules/calendar/calendar-store.js';
import { bookingClock } from '../../../modules/booking/load-booking.js';
import { loadConferenceWithChildren } from '../../../modules/front-door/load-conference.js';
import { NotFoundError } from '../../../modules/shared/errors.js';
import { mayBook, mayDecideOutOfTimescale, mayRequestOutOfTimescale, mayViewConference } from '../../../policies/booking.js';
import { mayRunMeeting } from '../../../policies/meeting.js';
import { auditReads } from '../front-door/form-fields.js';
import { conferenceDetails, dueSummary, kindLabel, statusLabel } from './presenter.js';

const NOTICES: Record<string, string> = {
  booked: 'The conference is booked. Send the invitations next.',
  rearranged: 'The conference is rearranged. Tell everyone invited: the invitations must go again.',
  cancelled: 'The conference is cancelled. Tell everyone invited, with the reason.',
  requested: 'Your request for out-of-timescale authorisation has been sent to the service managers.',
  approved: 'The late date is authorised. Business support can now book it.',
  refused: 'The late date is refused. The requester can see your note.',
};

const ARRANGING = ['requested', 'booked', 'invitations-sent'];

/** GET /conferences/:id — the conference: who it is about, when it is due, its booking, history and next steps. */
export default function conferencePage(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/conferences/:id', { config: { access: mayViewConference } }, async (request, reply) => {
    let loaded;
    try {
      loaded = await loadConferenceWithChildren(db, request.params.id);
    } catch (error) {
      if (error instanceof NotFoundError) return reply.callNotFound();
      throw error;
    }
    const { conference, subjects, householdChildren, childIds } = loaded;
    await auditReads(request, childIds, 'conference', conference.id);
    const calendar = await workingCalendar(db);
    const due = dueSummary(conference, calendar, bookingClock(request.actionContext().now).today);
    const details = await conferenceDetails(db, conference);
    const actor = request.actor;
    const status = conference.status;
    const pending = details.requests.find((r) => r.decision === null) ?? null;
    const books = mayBook(actor);
    return reply.view('conferences/show.njk', {
      title: kindLabel(conference.kind),
      conference, subjects, householdChildren, due, ...details,
      kindLabel: kindLabel(conference.kind), statusLabel: statusLabel(status),
      actions: {
        book: books && status === 'requested',
        rearrange: books && (status === 'booked' || status === 'invitations-sent'),
        cancel: books && ['awaiting-authorisation', 'requested', 'booked', 'invitations-sent'].includes(status),
        requestLate: mayRequestOutOfTimescale(actor) && ARRANGING.includes(status) && Boolean(due?.lateNeedsAuthorisation) && !pending,
        decideLate: mayDecideOutOfTimescale(actor) && pending !== null,
        meeting: mayRunMeeting(actor) && (status === 'invitations-sent' || status === 'held'),
        authorise: status === 'awaiting-authorisation',
      },
      pending,
      notice: NOTICES[request.query.done ?? ''] ?? null,
      backLink: { href: '/', text: 'Back to my work' },
    });
  });
}
