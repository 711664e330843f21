import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { COMPLAINT_STAGE_LABELS, complaintStepsFrom, dissentStepsFrom, type ComplaintStage, type DissentStage } from '../../../domain/escalation/stages.js';
import { advanceComplaint, recordComplaint } from '../../../modules/escalation/complaints.js';
import { advanceDissent, raisePracticeConcern, recordDissent, resolvePracticeConcern } from '../../../modules/escalation/dissent-and-concerns.js';
import { loadComplaint } from '../../../modules/escalation/load-complaint.js';
import { loadConferenceSummary } from '../../../modules/escalation/load-conference-summary.js';
import { loadDissent } from '../../../modules/escalation/load-dissent.js';
import { loadOpenEscalations } from '../../../modules/escalation/load-open-escalations.js';
import {
  mayAdvanceComplaint, mayDecideDissent, mayRaisePracticeConcern, mayRecordComplaint, mayRecordDissent, mayResolvePracticeConcern, mayViewEscalations,
} from '../../../policies/escalation.js';
import { parseForm } from '../../forms.js';
import { complaintForm, complaintStepForm, concernForm, dissentForm, dissentStepForm, resolveForm } from './form.js';
import { submitShowingValues } from '../../forms/run-action.js';
import type { RouteAccess } from '../../types.js';

type ConferenceSummary = NonNullable<Awaited<ReturnType<typeof loadConferenceSummary>>>;

const STEP_LABELS: Record<string, string> = {
  resolve: 'Resolved by the chair', escalate: 'Not resolved: to the complaints procedure', uphold: 'Upheld: reconvene under a different chair',
  'not-upheld': 'Not upheld: close', 'to-review-panel': 'To the review panel', close: 'Close',
  'alert-service-manager': 'Service manager alerted', 'uphold-decision': 'Decision upheld', 'bring-review-forward': 'Review brought forward',
  'to-partnership-chair': 'To the partnership chair (last resort)',
};

export default function escalationPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get('/escalations', { config: { access: mayViewEscalations } }, async (_request, reply) => {
    const open = await loadOpenEscalations(db);
    return reply.view('escalation/list.njk', { title: 'Complaints, dissent and practice concerns', ...open, backLink: { href: '/' } });
  });

  /**
   * A form that records something about one conference (a complaint, a dissent): shown empty, then
   * shown again with what was typed when it is refused; once recorded, the page of what was recorded.
   */
  function recordAboutConference<S extends z.ZodType>(
    what: { path: string; access: RouteAccess; view: string; title: string; form: S },
    record: (request: FastifyRequest, conference: ConferenceSummary, data: z.infer<S>) => Promise<string>,
    recordedPage: (id: string) => string,
  ): void {
    const { path, access, view, title, form } = what;
    app.get<{ Params: { id: string } }>(path, { config: { access } }, async (request, reply) => {
      const conference = await loadConferenceSummary(db, request.params.id, request.actor);
      if (!conference) return reply.callNotFound();
      return reply.view(view, { title, conference, values: {}, backLink: { href: '/escalations' } });
    });
    app.post<{ Params: { id: string } }>(path, { config: { access } }, async (request, reply) => {
      const conference = await loadConferenceSummary(db, request.params.id, request.actor);
      if (!conference) return reply.callNotFound();
      const parsed = parseForm(form, request.body);
      if (!parsed.ok) {
        reply.code(400);
        return reply.view(view, { title, conference, errors: parsed.errors, values: parsed.values, backLink: { href: '/escalations' } });
      }
      return reply.redirect(recordedPage(await record(request, conference, parsed.data)));
    });
  }

  /** The next step of a complaint or a dissent: refused, its page again with what was typed. */
  function advance<S extends z.ZodType<{ version: number }>>(
    what: { path: string; access: RouteAccess; form: S },
    action: (request: FastifyRequest<{ Params: { id: string } }>, data: z.infer<S>) => Promise<unknown>,
    show: (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, extra?: Record<string, unknown>) => Promise<unknown>,
    page: (id: string) => string,
  ): void {
    app.post<{ Params: { id: string } }>(what.path, { config: { access: what.access } }, async (request, reply) => {
      return submitShowingValues(reply, what.form, (data) => action(request, data), {
        valuesOnRefusal: (data) => data,
        conflictField: 'step',
        done: () => reply.redirect(page(request.params.id)),
        again: ({ errors, values }) => show(request, reply, { errors, values }),
      });
    });
  }

  // Complaints (CO1)
  recordAboutConference(
    { path: '/conferences/:id/complaints/new', access: mayRecordComplaint, view: 'escalation/complaint-new.njk', title: 'Record a complaint about a conference', form: complaintForm },
    (request, conference, data) => recordComplaint(db, request.actionContext(), { ...data, conferenceId: conference.id }),
    (id) => `/complaints/${id}`,
  );
  async function showComplaint(reply: FastifyReply, id: string, extra: Record<string, unknown> = {}) {
    const complaint = await loadComplaint(db, id);
    if (!complaint) return reply.callNotFound();
    const conference = await loadConferenceSummary(db, complaint.conferenceId, reply.request.actor);
    const steps = complaintStepsFrom(complaint.stage as ComplaintStage).map((s) => ({ value: s, text: STEP_LABELS[s] ?? s }));
    return reply.view('escalation/complaint.njk', {
      title: 'Complaint', complaint, conference, steps, stageLabel: COMPLAINT_STAGE_LABELS[complaint.stage as ComplaintStage],
      stageLabels: COMPLAINT_STAGE_LABELS, stepLabels: STEP_LABELS, values: {}, backLink: { href: '/escalations' }, ...extra,
    });
  }
  app.get<{ Params: { id: string } }>('/complaints/:id', { config: { access: mayViewEscalations } }, async (request, reply) => showComplaint(reply, request.params.id));
  advance(
    { path: '/complaints/:id/advance', access: mayAdvanceComplaint, form: complaintStepForm },
    (request, data) => advanceComplaint(db, request.actionContext(), request.params.id, data),
    (request, reply, extra) => showComplaint(reply, request.params.id, extra),
    (id) => `/complaints/${id}`,
  );

  // Professional dissent (CO2)
  recordAboutConference(
    { path: '/conferences/:id/dissents/new', access: mayRecordDissent, view: 'escalation/dissent-new.njk', title: 'Record professional dissent', form: dissentForm },
    (request, conference, data) => {
      const childId = data.childId && conference.children.some((c) => c.id === data.childId) ? data.childId : null;
      return recordDissent(db, request.actionContext(), { ...data, childId, conferenceId: conference.id });
    },
    (id) => `/dissents/${id}`,
  );
  async function showDissent(reply: FastifyReply, id: string, canDecide: boolean, extra: Record<string, unknown> = {}) {
    const dissent = await loadDissent(db, id);
    if (!dissent) return reply.callNotFound();
    const conference = await loadConferenceSummary(db, dissent.conferenceId, reply.request.actor);
    const steps = dissentStepsFrom(dissent.stage as DissentStage)
      .filter((s) => canDecide || s === 'alert-service-manager')
      .map((s) => ({ value: s, text: STEP_LABELS[s] ?? s }));
    return reply.view('escalation/dissent.njk', { title: 'Professional dissent', dissent, conference, steps, values: {}, backLink: { href: '/escalations' }, ...extra });
  }
  app.get<{ Params: { id: string } }>('/dissents/:id', { config: { access: mayViewEscalations } }, async (request, reply) =>
    showDissent(reply, request.params.id, mayDecideDissent(request.actor)),
  );
  advance(
    { path: '/dissents/:id/advance', access: mayRecordDissent, form: dissentStepForm },
    (request, data) => advanceDissent(db, request.actionContext(), request.params.id, data),
    (request, reply, extra) => showDissent(reply, request.params.id, mayDecideDissent(request.actor), extra),
    (id) => `/dissents/${id}`,
  );

  // Practice concerns (CO3)
  app.get<{ Querystring: { conference?: string } }>('/practice-concerns/new', { config: { access: mayRaisePracticeConcern } }, async (request, reply) =>
    reply.view('escalation/concern-new.njk', { title: 'Raise a practice concern', values: { conferenceId: request.query.conference ?? '' }, backLink: { href: '/escalations' } }),
  );
  app.post('/practice-concerns/new', { config: { access: mayRaisePracticeConcern } }, async (request, reply) => {
    const parsed = parseForm(concernForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('escalation/concern-new.njk', { title: 'Raise a practice concern', errors: parsed.errors, values: parsed.values, backLink: { href: '/escalations' } });
    }
    const conferenceId = parsed.data.conferenceId && (await loadConferenceSummary(db, parsed.data.conferenceId, request.actor)) ? parsed.data.conferenceId : null;
    await raisePracticeConcern(db, request.actionContext(), { ...parsed.data, conferenceId });
    return reply.redirect('/escalations');
  });
  app.post<{ Params: { id: string } }>('/practice-concerns/:id/resolve', { config: { access: mayResolvePracticeConcern } }, async (request, reply) => {
    const parsed = parseForm(resolveForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('errors/conflict.njk', { title: 'That could not be done', message: parsed.errors.map((e) => e.message).join('. ') });
    }
    await resolvePracticeConcern(db, request.actionContext(), request.params.id, parsed.data);
    return reply.redirect('/escalations');
  });
}
