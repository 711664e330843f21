import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RESPONSE_LABELS, RESPONSES } from '../../../../domain/invitations/responses.js';
import { addInvitee } from '../../../../modules/invitations/add-invitee.js';
import { confirmInvitation } from '../../../../modules/invitations/confirm-invitations.js';
import { loadInvitation, loadInvitationState } from '../../../../modules/invitations/invitation-state.js';
import { recordResponse } from '../../../../modules/invitations/record-response.js';
import { removeInvitation } from '../../../../modules/invitations/remove-invitation.js';
import type { FieldError } from '../../../../modules/shared/errors.js';
import { mayManageInvitations } from '../../../../policies/invitations.js';
import { submitShowingValues } from '../../../forms/run-action.js';
import { inviteeForm, newInviteeForm, removeForm, responseForm } from '../form.js';
import { auditListRead, CHANNEL_LABELS, conferenceSummary, invitationsUrl } from '../presenter.js';

type Params = { Params: { id: string; invitationId: string } };
const manage = { config: { access: mayManageInvitations } };
const channels = Object.entries(CHANNEL_LABELS).map(([value, text]) => ({ value, text }));
const kinds = [
  { value: 'parent', text: 'Parent or person with parental responsibility' },
  { value: 'family-member', text: 'Other family member or carer' },
  { value: 'child', text: 'The child or young person' },
  { value: 'professional', text: 'Professional' },
];

/** IN1–IN4: one invitee: add, confirm with contact details, remove with a reason, record the answer. */
export default function inviteePages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function page(request: FastifyRequest<Params>, reply: FastifyReply, template: string, title: string, values: Record<string, unknown>, errors?: FieldError[]) {
    const state = await loadInvitationState(db, request.params.id);
    await auditListRead(request, state, 'conference-invitation');
    const invitation = request.params.invitationId ? await loadInvitation(db, request.params.id, request.params.invitationId) : null;
    if (errors && reply.statusCode < 400) reply.code(400);
    return reply.view(`invitations/invitee/${template}`, {
      title, conference: conferenceSummary(state), invitation, values, errors, channels, kinds,
      responses: RESPONSES.map((r) => ({ value: r, text: RESPONSE_LABELS[r] })),
      backLink: { href: invitationsUrl(state.conference.id), text: 'Back to invitations' },
    });
  }

  /** Back to the invitations, saying what was done. */
  const doneWith = (request: FastifyRequest<Params>, reply: FastifyReply, done: string) => reply.redirect(`${invitationsUrl(request.params.id)}?done=${done}`);

  app.get<Params>('/conferences/:id/invitations/new', manage, async (request, reply) => page(request, reply, 'add.njk', 'Add someone to the invitations', { channel: 'secure-email' }));
  app.post<Params>('/conferences/:id/invitations/new', manage, async (request, reply) => {
    return submitShowingValues(reply, newInviteeForm, (data) => addInvitee(db, request.actionContext(), request.params.id, data), {
      again: (refusal) => page(request, reply, 'add.njk', 'Add someone to the invitations', refusal.values, refusal.errors),
      done: () => doneWith(request, reply, 'changed'),
    });
  });

  app.get<Params>('/conferences/:id/invitations/:invitationId', manage, async (request, reply) => {
    const i = await loadInvitation(db, request.params.id, request.params.invitationId);
    return page(request, reply, 'edit.njk', `Confirm ${i.name}`, { ...i });
  });
  app.post<Params>('/conferences/:id/invitations/:invitationId', manage, async (request, reply) => {
    return submitShowingValues(reply, inviteeForm, ({ version, ...details }) => confirmInvitation(db, request.actionContext(), request.params.id, request.params.invitationId, details, version), {
      again: (refusal) => page(request, reply, 'edit.njk', 'Confirm an invitee', refusal.values, refusal.errors),
      done: () => doneWith(request, reply, 'changed'),
    });
  });

  app.get<Params>('/conferences/:id/invitations/:invitationId/remove', manage, async (request, reply) => {
    const i = await loadInvitation(db, request.params.id, request.params.invitationId);
    return page(request, reply, 'remove.njk', `Remove ${i.name} from the invitations`, { version: i.version });
  });
  app.post<Params>('/conferences/:id/invitations/:invitationId/remove', manage, async (request, reply) => {
    return submitShowingValues(reply, removeForm, (data) => removeInvitation(db, request.actionContext(), request.params.id, request.params.invitationId, data.reason, data.version), {
      again: (refusal) => page(request, reply, 'remove.njk', 'Remove from the invitations', refusal.values, refusal.errors),
      done: () => doneWith(request, reply, 'changed'),
    });
  });

  app.get<Params>('/conferences/:id/invitations/:invitationId/response', manage, async (request, reply) => {
    const i = await loadInvitation(db, request.params.id, request.params.invitationId);
    return page(request, reply, 'response.njk', `Response from ${i.name}`, { ...i, reportPromised: i.reportPromised ? 'yes' : '' });
  });
  app.post<Params>('/conferences/:id/invitations/:invitationId/response', manage, async (request, reply) => {
    return submitShowingValues(reply, responseForm, ({ version, ...input }) => recordResponse(db, request.actionContext(), request.params.id, request.params.invitationId, input, version), {
      again: (refusal) => page(request, reply, 'response.njk', 'Record a response', refusal.values, refusal.errors),
      done: (prompts) => doneWith(request, reply, prompts.length > 0 ? 'chase' : 'response'),
    });
  });
}
