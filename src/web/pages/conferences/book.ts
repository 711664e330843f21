import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONFERENCE_FORMATS, type ConferenceFormat } from '../../../domain/booking/types.js';
import { findSlots } from '../../../domain/booking/slot-finder.js';
import { formatDate } from '../../../domain/deadlines/format-date.js';
import { bookConference } from '../../../modules/booking/book-conference.js';
import { transition, type BookingInput } from '../../../modules/booking/common.js';
import { loadBookingContext, type BookingContext } from '../../../modules/booking/load-booking.js';
import { rearrangeConference } from '../../../modules/booking/rearrange-conference.js';
import { londonDateTimeOf } from '../../../domain/calendar/london-time.js';
import { ForbiddenError, type FieldError } from '../../../modules/shared/errors.js';
import { mayBook, mayReachBookingPage, mayReadBooking } from '../../../policies/booking.js';
import { parseForm } from '../../forms.js';
import { auditReads } from '../../form-fields.js';
import { answerRefusal } from '../../forms/run-action.js';
import { apiBookForm, bookForm, rearrangeReasonForm, slotValue } from './form.js';
import { formatLabel, kindLabel, londonStart } from './presenter.js';
import { isOneOf } from '../../../domain/choices.js';

type Req = FastifyRequest<{ Params: { id: string }; Querystring: { format?: string } }>;
type Mode = 'book' | 'rearrange';

const isFormat = (v: unknown): v is ConferenceFormat => isOneOf(CONFERENCE_FORMATS, v);

/** Things to know before choosing, from the rules (CV4, CV5, CV6, TS4, TS30). */
function advice(ctx: BookingContext): string[] {
  const r = ctx.request;
  const out: string[] = [];
  if (r.dueDate) out.push(`Due by ${formatDate(r.dueDate)} (${r.dueRuleId ?? ''}).${r.lateNeedsAuthorisation ? ' A later date needs a service manager’s out-of-timescale authorisation (TS30).' : ''}`);
  if (r.approvedLateDates.length) out.push(`Authorised late date${r.approvedLateDates.length > 1 ? 's' : ''}: ${r.approvedLateDates.map(formatDate).join(', ')} (TS30).`);
  if (r.previousChairId) out.push(`${ctx.diary.chairs.get(r.previousChairId)?.name ?? 'The previous chair'} chaired the last conference: keep the same chair where possible (CV4).`);
  if (r.epoExpiresOn) out.push(`The emergency protection order expires on ${formatDate(r.epoExpiresOn)}: book before then where possible (TS4).`);
  if (r.familyRiskFlagged) out.push('The decision to convene names who the harm is likely from: if the family meet in person, record a risk assessment (CV6).');
  if (r.lookedAfter) out.push('A subject child is looked after: record the IRO and the chairing arrangement the IRO and chair agreed (CV5).');
  return out;
}

/** The book and rearrange forms: suggested slots with why, or a date, time, chair and room chosen by hand. */
export default function bookingPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayBook } };

  async function render(request: Req, reply: FastifyReply, mode: Mode, extra: { errors?: FieldError[]; values?: Record<string, unknown> } = {}) {
    const ctx = await loadBookingContext(db, request.params.id, request.actionContext().now);
    if (!mayBook(request.actor)) return readOnly(request, reply, ctx);
    await auditReads(request, ctx.childIds, 'conference-booking', ctx.conference.id);
    const { conference } = ctx;
    // A conference already booked (or cancelled) says so at once, not after the form is filled in.
    transition(conference.status, mode);
    const chosen = extra.values?.format ?? request.query.format;
    const format: ConferenceFormat = isFormat(chosen) ? chosen : (isFormat(conference.format) ? conference.format : 'face-to-face');
    const slots = findSlots(ctx.request, ctx.diary, ctx.calendar, ctx.clock, { count: 5, format })
      .map((s) => ({ ...s, value: slotValue(s), label: `${londonStartText(s.date, s.time)} with ${s.chairName}${s.roomName ? ` in ${s.roomName}` : ''}` }));
    const current = conference.scheduledStart ? londonDateTimeOf(conference.scheduledStart) : null;
    const values = extra.values ?? {
      format, slot: mode === 'book' && slots[0] ? slots[0].value : 'manual', version: conference.version,
      date: current?.toPlainDate().toString() ?? '', time: current?.toPlainTime().toString().slice(0, 5) ?? '',
      chairId: conference.chairId ?? '', roomId: conference.roomId ?? '', familyRiskAssessment: conference.familyRiskAssessment ?? '',
      iroId: conference.iroId ?? '', lacChairArrangement: conference.lacChairArrangement ?? '',
    };
    // Only a well-formed date can be the late date to authorise: a typed 'not a date' is an error for the field, not a 500.
    const date = typeof values.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? values.date : '';
    const r = ctx.request;
    const lateDate = extra.errors && r.dueDate && r.lateNeedsAuthorisation && date > r.dueDate && !r.approvedLateDates.includes(date) ? date : null;
    if (extra.errors) reply.code(400);
    return reply.view('conferences/book.njk', {
      title: mode === 'book' ? 'Book the conference' : 'Rearrange the conference',
      mode, conference, kindLabel: kindLabel(conference.kind), slots, advice: advice(ctx),
      chairs: ctx.chairs.map((c) => ({ value: c.id, text: c.name })),
      rooms: ctx.rooms.map((x) => ({ value: x.id, text: `${x.name}, ${x.building}${x.videoEquipped ? ' (video)' : ''}` })),
      formats: CONFERENCE_FORMATS.map((f) => ({ value: f, text: formatLabel(f) })),
      lookedAfter: r.lookedAfter, riskFlagged: r.familyRiskFlagged,
      currentStart: londonStart(conference.scheduledStart),
      lateDate, lateDateText: lateDate ? formatDate(lateDate) : null,
      errors: extra.errors, values,
      backLink: { href: `/conferences/${conference.id}`, text: 'Back to the conference' },
    });
  }

  /** The allocated social worker of a subject child sees the booking and the times that would suit, and changes nothing. */
  async function readOnly(request: Req, reply: FastifyReply, ctx: BookingContext) {
    if (!mayReadBooking(request.actor, ctx.request.caseStaff)) throw new ForbiddenError('Only business support and the children’s social workers see the booking page.');
    await auditReads(request, ctx.childIds, 'conference-booking', ctx.conference.id);
    const { conference } = ctx;
    const format: ConferenceFormat = isFormat(conference.format) ? conference.format : 'face-to-face';
    const bookable = conference.status === 'requested' || conference.status === 'booked' || conference.status === 'invitations-sent';
    const slots = bookable && !conference.scheduledStart
      ? findSlots(ctx.request, ctx.diary, ctx.calendar, ctx.clock, { count: 5, format }).map((s) => ({ label: `${londonStartText(s.date, s.time)} with ${s.chairName}${s.roomName ? ` in ${s.roomName}` : ''}` }))
      : [];
    const room = ctx.rooms.find((r) => r.id === conference.roomId);
    return reply.view('conferences/book-view.njk', {
      title: 'The booking', conference, kindLabel: kindLabel(conference.kind), advice: advice(ctx), slots,
      currentStart: londonStart(conference.scheduledStart),
      chairName: conference.chairId ? (ctx.chairs.find((c) => c.id === conference.chairId)?.name ?? null) : null,
      formatText: isFormat(conference.format) ? formatLabel(conference.format) : 'Not chosen yet',
      roomName: room ? `${room.name}, ${room.building}` : null,
      backLink: { href: `/conferences/${conference.id}`, text: 'Back to the conference' },
    });
  }

  /**
   * A booking someone else made first (or a conference no longer to be booked) leaves nothing to
   * correct in the form: the conflict page, with the way back to the conference and what was typed.
   */
  async function guard(reply: FastifyReply, work: () => Promise<FastifyReply>, again: (errors: FieldError[]) => Promise<FastifyReply>, back: string) {
    try {
      return await work();
    } catch (error) {
      return answerRefusal(reply, error, { again: ({ errors }) => again(errors), conflictPage: back });
    }
  }

  for (const mode of ['book', 'rearrange'] as const) {
    app.get<{ Params: { id: string }; Querystring: { format?: string } }>(`/conferences/:id/${mode}`, { config: { access: mayReachBookingPage } }, async (request, reply) =>
      guard(reply, () => render(request, reply, mode), (errors) => render(request, reply, mode, { errors }), `/conferences/${request.params.id}`));

    app.post<{ Params: { id: string }; Querystring: { format?: string } }>(`/conferences/:id/${mode}`, access, async (request, reply) => {
      const id = request.params.id;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const again = (errors: FieldError[]) => render(request, reply, mode, { errors, values: body });
      return guard(reply, async () => {
        const parsed = parseForm(bookForm, body);
        const reasons = mode === 'rearrange' ? parseForm(rearrangeReasonForm, body) : null;
        const errors = [...(parsed.ok ? [] : parsed.errors), ...(reasons && !reasons.ok ? reasons.errors : [])];
        if (!parsed.ok || (reasons && !reasons.ok)) return again(errors);
        if (mode === 'book') await bookConference(db, request.actionContext(), id, parsed.data);
        else if (reasons?.ok) await rearrangeConference(db, request.actionContext(), id, { ...parsed.data, reason: reasons.data.reason, consulted: reasons.data.consulted });
        return reply.redirect(`/conferences/${id}?done=${mode === 'book' ? 'booked' : 'rearranged'}`);
      }, again, `/conferences/${id}`);
    });
  }

  app.post<{ Params: { id: string } }>('/api/v1/conferences/:id/book', access, async (request, reply) => {
    const parsed = parseForm(apiBookForm, request.body);
    if (!parsed.ok) return reply.code(400).send({ errors: parsed.errors });
    const input: BookingInput = { ...parsed.data, familyRiskAssessment: parsed.data.familyRiskAssessment, lacChairArrangement: parsed.data.lacChairArrangement, version: parsed.data.version };
    const result = await bookConference(db, request.actionContext(), request.params.id, input);
    return reply.code(200).send({
      booking: {
        conferenceId: result.conferenceId, status: result.status, scheduledStart: result.scheduledStart.toISOString(),
        date: input.date, time: input.time, chairId: result.chairId, roomId: result.roomId, format: result.format,
      },
      findings: result.findings,
    });
  });
}

function londonStartText(date: string, time: string): string {
  const weekday = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const d = new Date(`${date}T12:00:00Z`);
  return `${weekday[(d.getUTCDay() + 6) % 7]} ${formatDate(date)} at ${time}`;
}
