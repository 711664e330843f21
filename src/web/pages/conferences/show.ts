import type { FastifyInstance } from 'fastify';
import { workingCalendar } from '../../../modules/calendar/calendar-store.js';
import { bookingClock } from '../../../modules/booking/load-booking.js';
import { loadConferenceDetails } from '../../../modules/booking/load-conference-details.js';
import { loadConferenceWithChildren } from '../../../modules/shared/load-conference.js';
import { mayBook, mayDecideOutOfTimescale, mayReadBooking, mayRequestOutOfTimescale, mayViewConference } from '../../../policies/booking.js';
import { mayRecordComplaint, mayRecordDissent } from '../../../policies/escalation.js';
import { mayViewInvitations } from '../../../policies/invitations.js';
import { mayFollowMeeting, mayReadConferenceOutcome, mayRunMeeting } from '../../../policies/meeting.js';
import { londonIsoDate } from '../../../domain/calendar/london-time.js';
import { mayRecordParticipation, mayRequestExclusion, mayViewConferenceReports, mayViewReadiness } from '../../../policies/reports.js';
import { auditReads } from '../../form-fields.js';
import { conferenceDetails, dueSummary, kindLabel, statusLabel } from './presenter.js';

const NOTICES: Record<string, string> = {
  booked: 'The conference is booked. Send the invitations next.',
  rearranged: 'The conference is rearranged. Anyone already sent an invitation has been told, with the reason; send the new invitations next.',
  cancelled: 'The conference is cancelled. Anyone already sent an invitation has been told, with the reason.',
  requested: 'Your request for out-of-timescale authorisation has been sent to the service managers.',
  approved: 'The late date is authorised. Business support can now book it.',
  refused: 'The late date is refused. The requester can see your note.',
};

const ARRANGING = ['requested', 'booked', 'invitations-sent'];
const PREPARED = ['booked', 'invitations-sent', 'held', 'adjourned'];

/** The meeting screen link: open it on the day, carry on while it runs, look back once held. */
function meetingLinkFor(status: string, meetingStatus: string | null, onTheDay: boolean): { text: string; primary: boolean } | null {
  if (meetingStatus === 'in-progress') return { text: 'Go to the meeting screen', primary: true };
  if (meetingStatus !== null || status === 'held' || status === 'adjourned') return { text: 'The meeting screen', primary: false };
  if (status === 'invitations-sent') return { text: onTheDay ? 'Open the meeting' : 'The meeting screen (the meeting opens on the day)', primary: onTheDay };
  return null;
}

/** GET /conferences/:id — the conference: who it is about, when it is due, its booking, history and next steps. */
export default function conferencePage(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/conferences/:id', { config: { access: mayViewConference } }, async (request, reply) => {
    // A conference that does not exist is a 404 from the error pages.
    const { conference, subjects, householdChildren, childIds } = await loadConferenceWithChildren(db, request.params.id);
    await auditReads(request, childIds, 'conference', conference.id);
    const calendar = await workingCalendar(db);
    const due = dueSummary(conference, calendar, bookingClock(request.actionContext().now).today);
    const loadedDetails = await loadConferenceDetails(db, conference);
    const details = conferenceDetails(conference, loadedDetails);
    const actor = request.actor;
    const status = conference.status;
    const pending = details.requests.find((r) => r.decision === null) ?? null;
    const books = mayBook(actor);
    const { meetingStatus } = loadedDetails;
    const today = londonIsoDate(request.actionContext().now);
    const onTheDay = conference.scheduledStart !== null && londonIsoDate(conference.scheduledStart) === today;
    const meetingLink = meetingLinkFor(status, meetingStatus, onTheDay);
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
        // The meeting screen, named for what it does now: for its chair and minute taker to run, for the children's social workers to follow.
        meeting: meetingLink && (mayRunMeeting(actor) || mayFollowMeeting(actor, subjects)) ? { ...meetingLink, text: mayRunMeeting(actor) ? meetingLink.text : 'Follow the conference meeting' } : null,
        viewBooking: !books && mayReadBooking(actor, subjects) && status !== 'cancelled',
        authorise: status === 'awaiting-authorisation',
      },
      // The work of preparing and holding it, each page only for those who may use it.
      prepare: [
        { text: 'Invitations and responses', href: `/conferences/${conference.id}/invitations`, show: mayViewInvitations(actor) && PREPARED.includes(status) },
        { text: 'Reports to the conference', href: `/conferences/${conference.id}/reports`, show: mayViewConferenceReports(actor) && PREPARED.includes(status) },
        { text: 'Readiness: reports, attendance and quorum', href: `/conferences/${conference.id}/readiness`, show: mayViewReadiness(actor) && PREPARED.includes(status) },
        { text: 'The child’s and family’s participation', href: `/conferences/${conference.id}/participation`, show: mayRecordParticipation(actor) && PREPARED.includes(status) },
        { text: 'Exclusion requests', href: `/conferences/${conference.id}/exclusions`, show: mayRequestExclusion(actor) && PREPARED.includes(status) },
        { text: 'Decisions sheet', href: `/conferences/${conference.id}/decisions`, show: mayReadConferenceOutcome(actor) && status === 'held' },
        { text: 'Record of the conference', href: `/conferences/${conference.id}/record`, show: mayReadConferenceOutcome(actor) && status === 'held' },
        { text: 'Record a complaint from the family', href: `/conferences/${conference.id}/complaints/new`, show: mayRecordComplaint(actor) && status === 'held' },
        { text: 'Record a professional’s dissent', href: `/conferences/${conference.id}/dissents/new`, show: mayRecordDissent(actor) && status === 'held' },
      ].filter((l) => l.show),
      pending,
      notice: NOTICES[request.query.done ?? ''] ?? null,
      backLink: { href: '/', text: 'Back to my work' },
    });
  });
}
