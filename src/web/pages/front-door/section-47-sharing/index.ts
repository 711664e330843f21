import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSection47Outcome, SECTION_47_OUTCOME_LABELS } from '../../../../domain/front-door/outcomes.js';
import { conferenceWarning, SHARE_FORMATS, SHARE_METHODS, type ShareFormat, type ShareMethod } from '../../../../domain/front-door/section-47-sharing.js';
import { workingCalendar } from '../../../../modules/calendar/calendar-store.js';
import { loadSection47Sharing } from '../../../../modules/front-door/load-section-47-sharing.js';
import { londonDateOf } from '../../../../domain/calendar/london-time.js';
import { recordChildUnderstanding, recordOutcomeShared, section47FamilyRecordPdf } from '../../../../modules/front-door/share-section-47-outcome.js';
import type { FieldError } from '../../../../modules/shared/errors.js';
import { mayRecordCaseWork } from '../../../../policies/children.js';
import { londonNowParts } from '../../../form-fields.js';
import { submitForm } from '../../../forms/run-action.js';
import { shareForm, understandingForm } from './form.js';

type Params = { Params: { id: string; personId?: string }; Querystring: { done?: string } };
type Extra = { errors?: FieldError[]; values?: Record<string, unknown> };
const access = { config: { access: mayRecordCaseWork } };
const options = (o: Record<string, string>) => Object.entries(o).map(([value, text]) => ({ value, text }));

/** FD6: sharing the record of the section 47 outcome with the parents and a child old enough to understand it. */
export default function section47SharingPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const back = (id: string) => `/section-47/${id}/sharing`;

  async function overview(request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) {
    const s = await loadSection47Sharing(db, request.actionContext(), request.params.id);
    if (!isSection47Outcome(s.enquiry.outcome)) return reply.redirect(`/section-47/${s.enquiry.id}`);
    let warning: string | null = null;
    if (s.conference?.scheduledStart) {
      const calendar = await workingCalendar(db);
      const day = londonDateOf(s.conference.scheduledStart);
      const level = conferenceWarning(s.status, calendar.workingDaysBetween(londonDateOf(request.actionContext().now), day));
      if (level !== 'none') warning = `${level === 'urgent' ? 'The initial conference is near' : 'An initial conference is booked'}: the record must reach the family before it.`;
    }
    if (extra.errors) reply.code(400);
    return reply.view('front-door/section-47-sharing/overview.njk', {
      title: `Share the section 47 outcome: ${s.name}`, name: s.name, enquiry: s.enquiry, conference: s.conference, conferenceWarning: warning,
      outcomeLabel: SECTION_47_OUTCOME_LABELS[s.enquiry.outcome],
      ageText: s.childAge === null ? 'not yet born, or has no date of birth recorded' : `${s.childAge} year${s.childAge === 1 ? '' : 's'} old`,
      recipients: s.recipients.map((r) => ({
        ...r, methodLabel: r.share ? SHARE_METHODS[r.share.method as ShareMethod] ?? r.share.method : '', formatLabel: r.share ? SHARE_FORMATS[r.share.format as ShareFormat] ?? r.share.format : '',
      })),
      errors: extra.errors, values: extra.values ?? {}, notice: request.query.done ? 'Saved.' : null,
      backLink: { href: `/section-47/${s.enquiry.id}`, text: 'Back to the enquiry' },
    });
  }

  async function sharePage(request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) {
    const s = await loadSection47Sharing(db, request.actionContext(), request.params.id);
    const recipient = s.recipients.find((r) => r.personId === request.params.personId);
    if (!recipient || recipient.share) return reply.callNotFound();
    if (extra.errors) reply.code(400);
    const d = recipient.defaults;
    return reply.view('front-door/section-47-sharing/share.njk', {
      title: `Record sharing the outcome with ${recipient.name}`, name: s.name, enquiry: s.enquiry, recipient,
      methods: options(SHARE_METHODS), formats: options(SHARE_FORMATS),
      values: extra.values ?? { format: d.format, language: d.language, interpreter: d.interpreter ? 'yes' : '', sharedOn: londonNowParts(request.actionContext().now).date },
      errors: extra.errors, backLink: { href: back(s.enquiry.id) },
    });
  }

  app.get<Params>('/section-47/:id/sharing', access, async (request, reply) => overview(request, reply));
  app.post<Params>('/section-47/:id/sharing/child', access, async (request, reply) => {
    const again = async (errors: FieldError[]) => { await overview(request, reply, { errors, values: request.body as Record<string, unknown> }); return reply; };
    return submitForm(reply, understandingForm, request.body, (data) => recordChildUnderstanding(db, request.actionContext(), request.params.id, data), {
      again, conflictPage: back(request.params.id), done: () => reply.redirect(`${back(request.params.id)}?done=1`),
    });
  });
  app.get<Params>('/section-47/:id/sharing/:personId', access, async (request, reply) => sharePage(request, reply));
  app.post<Params>('/section-47/:id/sharing/:personId', access, async (request, reply) => {
    const again = async (errors: FieldError[]) => { await sharePage(request, reply, { errors, values: request.body as Record<string, unknown> }); return reply; };
    return submitForm(reply, shareForm, request.body, (data) => recordOutcomeShared(db, request.actionContext(), request.params.id, request.params.personId!, data), {
      again, conflictPage: back(request.params.id), done: () => reply.redirect(`${back(request.params.id)}?done=1`),
    });
  });
  app.get<Params>('/section-47/:id/sharing/:personId/family-copy.pdf', access, async (request, reply) => {
    const { pdf, fileName } = await section47FamilyRecordPdf(db, request.actionContext(), request.params.id, request.params.personId!);
    return reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${fileName}"`).send(pdf);
  });
}
