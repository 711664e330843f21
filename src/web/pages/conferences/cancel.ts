import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cancelConference } from '../../../modules/booking/cancel-conference.js';
import { loadConferenceWithChildren } from '../../../modules/shared/load-conference.js';
import type { FieldError } from '../../../modules/shared/errors.js';
import { mayBook } from '../../../policies/booking.js';
import { parseForm } from '../../forms.js';
import { auditReads } from '../../form-fields.js';
import { answerRefusal, refusalPage } from '../../forms/run-action.js';
import { cancelForm } from './form.js';
import { kindLabel, londonStart, statusLabel } from './presenter.js';

type Req = FastifyRequest<{ Params: { id: string } }>;

/** CV7: cancelling asks for the reason and who was consulted, then asks once more before it is done. */
export default function cancelPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayBook } };

  async function render(request: Req, reply: FastifyReply, template: 'cancel' | 'cancel-confirm', extra: { errors?: FieldError[]; values?: unknown } = {}) {
    const { conference, subjects, childIds } = await loadConferenceWithChildren(db, request.params.id);
    await auditReads(request, childIds, 'conference', conference.id);
    if (extra.errors) reply.code(400);
    return reply.view(`conferences/${template}.njk`, {
      title: template === 'cancel' ? 'Cancel the conference' : 'Are you sure you want to cancel the conference?',
      conference, kindLabel: kindLabel(conference.kind), statusLabel: statusLabel(conference.status),
      subjectNames: subjects.map((s) => s.name).join(', '), start: londonStart(conference.scheduledStart),
      errors: extra.errors, values: extra.values ?? { version: conference.version },
      backLink: { href: template === 'cancel' ? `/conferences/${conference.id}` : `/conferences/${conference.id}/cancel`, text: 'Back' },
    });
  }

  app.get<{ Params: { id: string } }>('/conferences/:id/cancel', access, async (request, reply) => {
    try {
      return await render(request, reply, 'cancel');
    } catch (error) {
      return answerRefusal(reply, error, { again: refusalPage(reply, `/conferences/${request.params.id}`), conflictPage: `/conferences/${request.params.id}` });
    }
  });

  app.post<{ Params: { id: string } }>('/conferences/:id/cancel', access, async (request, reply) => {
    const back = `/conferences/${request.params.id}`;
    const again = (errors: FieldError[]) => render(request, reply, 'cancel', { errors, values: request.body });
    try {
      const parsed = parseForm(cancelForm, request.body);
      if (!parsed.ok) return await again(parsed.errors);
      // The first submit shows what will happen; only the confirmed one cancels.
      if (parsed.data.confirm !== 'yes') return await render(request, reply, 'cancel-confirm', { values: parsed.data });
      await cancelConference(db, request.actionContext(), request.params.id, parsed.data);
    } catch (error) {
      return answerRefusal(reply, error, { again: ({ errors }) => again(errors), conflictPage: back });
    }
    return reply.redirect(`${back}?done=cancelled`);
  });
}
