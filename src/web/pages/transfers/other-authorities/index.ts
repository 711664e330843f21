import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  EMERGENCY_STATUS_LABELS, RESPONSIBLE_BECAUSE, TEMPORARY_CHANGES, THEIR_ANSWERS, type TheirAnswer,
} from '../../../../domain/transfers/other-authority-children.js';
import { ValidationError, type FieldError } from '../../../../modules/shared/errors.js';
import { childrenForEmergency, listEmergencies, loadEmergency, passResponsibility, recordEmergencyConsultation, recordTheirAnswer } from '../../../../modules/transfers/emergency-responsibility.js';
import { listTemporaryResidents, loadTemporaryResident, recordTemporaryResidentChange, tellLocalAgencies } from '../../../../modules/transfers/temporary-residents.js';
import { mayHandleTransfers } from '../../../../policies/escalation.js';
import { runAction, submitForm } from '../../../forms/run-action.js';
import { parseForm } from '../../../forms.js';
import { answerForm, consultationForm, passForm, tellForm, temporaryChangeForm } from './form.js';
import type { RecordPageRoute as Params } from '../../../types.js';

type Extra = { errors?: FieldError[]; values?: Record<string, unknown> };
const access = { config: { access: mayHandleTransfers } };
const options = (o: Record<string, string>) => Object.entries(o).map(([value, text]) => ({ value, text }));

/** TR3: another authority's children: emergency action and its responsibility; temporary residents' changes told to local agencies. */
export default function otherAuthorityPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get('/transfers/other-authorities', access, async (request, reply) => {
    const [emergencies, residents] = await Promise.all([listEmergencies(db, request.actor!), listTemporaryResidents(db, request.actor!)]);
    return reply.view('transfers/other-authorities/overview.njk', {
      title: 'Children of other authorities', emergencies, residents, statusLabels: EMERGENCY_STATUS_LABELS, backLink: { href: '/transfers', text: 'Back to moves' },
    });
  });

  async function newPage(request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
    if (extra.errors) reply.code(400);
    return reply.view('transfers/other-authorities/new.njk', {
      title: 'A child found needing emergency action', children: await childrenForEmergency(db, request.actor!), because: options(RESPONSIBLE_BECAUSE),
      values: extra.values ?? {}, errors: extra.errors, backLink: { href: '/transfers/other-authorities' },
    });
  }
  app.get('/transfers/emergency/new', access, async (request, reply) => newPage(request, reply));
  app.post('/transfers/emergency/new', access, async (request, reply) => {
    const again = async (errors: FieldError[]) => { await newPage(request, reply, { errors, values: request.body as Record<string, unknown> }); return reply; };
    return submitForm(reply, consultationForm, request.body, ({ childId, ...input }) => recordEmergencyConsultation(db, request.actionContext(), childId, input), {
      again,
      conflictPage: '/transfers/other-authorities',
      done: (id) => reply.redirect(`/transfers/emergency/${id}?done=1`),
    });
  });

  async function emergencyPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) {
    const e = await loadEmergency(db, request.actionContext(), request.params.id);
    if (extra.errors) reply.code(400);
    return reply.view('transfers/other-authorities/emergency.njk', {
      title: `Emergency action: ${e.childName}`, e, statusLabel: EMERGENCY_STATUS_LABELS[e.status],
      becauseLabel: RESPONSIBLE_BECAUSE[e.responsibleBecause as keyof typeof RESPONSIBLE_BECAUSE] ?? e.responsibleBecause,
      answerLabel: e.theirAnswer ? THEIR_ANSWERS[e.theirAnswer as TheirAnswer] : '', answers: options(THEIR_ANSWERS),
      values: extra.values ?? { answer: e.theirAnswer, answeredOn: e.answeredOn ?? '', writtenConfirmationOn: e.writtenConfirmationOn ?? '', writtenConfirmationReference: e.writtenConfirmationReference },
      errors: extra.errors, notice: request.query.done ? 'Saved.' : null, backLink: { href: '/transfers/other-authorities' },
    });
  }
  app.get<Params>('/transfers/emergency/:id', access, async (request, reply) => emergencyPage(request, reply));
  app.post<Params>('/transfers/emergency/:id/answer', access, async (request, reply) => {
    const again = async (errors: FieldError[]) => { await emergencyPage(request, reply, { errors, values: request.body as Record<string, unknown> }); return reply; };
    return submitForm(reply, answerForm, request.body, (data) => recordTheirAnswer(db, request.actionContext(), request.params.id, data), { again, conflictPage: `/transfers/emergency/${request.params.id}`, done: () => reply.redirect(`/transfers/emergency/${request.params.id}?done=1`) });
  });
  app.post<Params>('/transfers/emergency/:id/pass', access, async (request, reply) => {
    const again = async (errors: FieldError[]) => { await emergencyPage(request, reply, { errors }); return reply; };
    return submitForm(reply, passForm, request.body, (data) => passResponsibility(db, request.actionContext(), request.params.id, data), { again, conflictPage: `/transfers/emergency/${request.params.id}`, done: () => reply.redirect(`/transfers/emergency/${request.params.id}?done=1`) });
  });

  async function temporaryPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) {
    const t = await loadTemporaryResident(db, request.actionContext(), request.params.id);
    if (extra.errors) reply.code(400);
    return reply.view('transfers/other-authorities/temporary.njk', {
      title: `Living here on another authority’s plan: ${t.childName}`, t, changes: options(TEMPORARY_CHANGES),
      changeLabel: t.change ? TEMPORARY_CHANGES[t.change.change as keyof typeof TEMPORARY_CHANGES] : '',
      values: extra.values ?? {}, errors: extra.errors, notice: request.query.done ? 'Saved.' : null, backLink: { href: '/transfers/other-authorities' },
    });
  }
  const post = (path: string, act: (request: FastifyRequest<Params>) => Promise<unknown>) =>
    app.post<Params>(path, access, async (request, reply) => {
      return runAction(reply, () => act(request), {
        again: ({ errors }) => temporaryPage(request, reply, { errors, values: request.body as Record<string, unknown> }),
        conflictPage: `/plans/${request.params.id}/temporary-resident`,
        done: () => reply.redirect(`/plans/${request.params.id}/temporary-resident?done=1`),
      });
    });
  app.get<Params>('/plans/:id/temporary-resident', access, async (request, reply) => temporaryPage(request, reply));
  post('/plans/:id/temporary-resident', async (request) => {
    const parsed = parseForm(temporaryChangeForm, request.body);
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    await recordTemporaryResidentChange(db, request.actionContext(), request.params.id, parsed.data);
  });
  post('/plans/:id/temporary-resident/tell', async (request) => {
    const parsed = parseForm(tellForm, request.body);
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    await tellLocalAgencies(db, request.actionContext(), request.params.id, parsed.data.email ? { name: parsed.data.name, email: parsed.data.email } : null);
  });
}
