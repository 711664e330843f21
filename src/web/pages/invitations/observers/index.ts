import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OBSERVER_CONDITIONS } from '../../../../domain/invitations/observers.js';
import { londonIsoDate } from '../../../../domain/calendar/london-time.js';
import { loadInvitation, loadInvitationState } from '../../../../modules/invitations/invitation-state.js';
import { decideObserver, observerTiming, requestObserver, standingOf } from '../../../../modules/invitations/observers.js';
import { type FieldError } from '../../../../modules/shared/errors.js';
import { mayAgreeObserver, mayManageInvitations } from '../../../../policies/invitations.js';
import { parseForm } from '../../../forms.js';
import { submitShowingValues } from '../../../forms/run-action.js';
import { observerDecisionForm, observerForm } from '../form.js';
import { auditListRead, conferenceSummary, invitationsUrl, timingText } from '../presenter.js';

type Params = { Params: { id: string; invitationId?: string } };

/** IN9, TS17: asking for an observer, and the chair's decision with the family's consent. */
export default function observerPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, template: string, title: string, values: Record<string, unknown>, errors?: FieldError[]) {
    const state = await loadInvitationState(db, request.params.id);
    await auditListRead(request, state, 'conference-invitations');
    const due = await observerTiming(db, state);
    const invitation = request.params.invitationId ? await loadInvitation(db, request.params.id, request.params.invitationId) : null;
    if (errors && reply.statusCode < 400) reply.code(400);
    const standing = invitation ? standingOf(invitation, due) : null;
    return reply.view(`invitations/observers/${template}`, {
      title, conference: conferenceSummary(state), invitation, values, errors, conditions: OBSERVER_CONDITIONS,
      due: timingText(due, 'Requests must reach the co-ordinator'), late: standing !== null && 'late' in standing && standing.late,
      backLink: { href: invitationsUrl(state.conference.id), text: 'Back to invitations' },
    });
  }

  app.get<Params>('/conferences/:id/invitations/observers/new', { config: { access: mayManageInvitations } }, async (request, reply) =>
    page(request, reply, 'request.njk', 'Record a request to observe', { requestedOn: londonIsoDate(app.convene.clock()) }),
  );
  app.post<Params>('/conferences/:id/invitations/observers/new', { config: { access: mayManageInvitations } }, async (request, reply) => {
    return submitShowingValues(reply, observerForm, (data) => requestObserver(db, request.actionContext(), request.params.id, data), {
      again: (refusal) => page(request, reply, 'request.njk', 'Record a request to observe', refusal.values, refusal.errors),
      done: () => reply.redirect(`${invitationsUrl(request.params.id)}?done=observer`),
    });
  });

  app.get<Params>('/conferences/:id/invitations/observers/:invitationId', { config: { access: mayAgreeObserver } }, async (request, reply) => {
    const i = await loadInvitation(db, request.params.id, request.params.invitationId ?? '');
    return page(request, reply, 'decide.njk', `Observer: ${i.name}`, { version: i.version, chairAgrees: i.chairAgreedAt ? 'yes' : undefined, familyConsent: i.familyConsent ?? undefined });
  });
  app.post<Params>('/conferences/:id/invitations/observers/:invitationId', { config: { access: mayAgreeObserver } }, async (request, reply) => {
    const parsed = parseForm(observerDecisionForm, request.body);
    if (!parsed.ok) return page(request, reply, 'decide.njk', 'Observer', request.body as Record<string, unknown>, parsed.errors);
    const { version, ...input } = parsed.data;
    await decideObserver(db, request.actionContext(), request.params.id, request.params.invitationId ?? '', input, version);
    return reply.redirect(`${invitationsUrl(request.params.id)}?done=changed`);
  });
}
