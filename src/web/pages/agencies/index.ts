import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, addAgency, addProfessional, listAgencies, loadAgency, updateProfessional } from '../../../modules/agencies/directory.js';
import { loadProfessional } from '../../../modules/agencies/load-professional.js';
import { type FieldError } from '../../../modules/shared/errors.js';
import { mayManageAgencies, mayManageProfessionals, mayViewAgencies } from '../../../policies/agencies.js';
import { agencyForm, professionalForm } from './form.js';
import { submitShowingValues } from '../../forms/run-action.js';

const uuid = /^[0-9a-f-]{36}$/i;
const kinds = AGENCY_KINDS.map((k) => ({ value: k, text: AGENCY_KIND_LABELS[k] }));
const kindLabel = (k: string) => AGENCY_KIND_LABELS[k as keyof typeof AGENCY_KIND_LABELS] ?? k;
type Extra = { errors?: FieldError[]; values?: Record<string, unknown> };

/** Partner agencies and their practitioners, with the secure contact details invitations use. */
export default function agencyPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function listPage(request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
    const agencies = await listAgencies(db);
    if (extra.errors && reply.statusCode < 400) reply.code(400);
    return reply.view('agencies/list.njk', {
      title: 'Agencies', agencies: agencies.map((a) => ({ ...a, kindLabel: kindLabel(a.kind) })), kinds,
      canAdd: mayManageAgencies(request.actor), errors: extra.errors, values: extra.values ?? {}, backLink: { href: '/' },
    });
  }
  app.get('/agencies', { config: { access: mayViewAgencies } }, async (request, reply) => listPage(request, reply));
  app.post('/agencies', { config: { access: mayManageAgencies } }, async (request, reply) => {
    return submitShowingValues(reply, agencyForm, (data) => addAgency(db, request.actionContext(), data), {
      again: ({ errors, values }) => listPage(request, reply, { errors, values }),
      done: (id) => reply.redirect(`/agencies/${id}`),
    });
  });

  type AgencyParams = { Params: { id: string } };
  async function agencyPage(request: FastifyRequest<AgencyParams>, reply: FastifyReply, extra: Extra = {}) {
    const loaded = uuid.test(request.params.id) ? await loadAgency(db, request.params.id) : null;
    if (!loaded) return reply.callNotFound();
    if (extra.errors && reply.statusCode < 400) reply.code(400);
    return reply.view('agencies/agency.njk', {
      title: loaded.agency.name, ...loaded, kindLabel: kindLabel(loaded.agency.kind), canManage: mayManageProfessionals(request.actor),
      errors: extra.errors, values: extra.values ?? { active: 'yes' }, backLink: { href: '/agencies', text: 'All agencies' },
    });
  }
  app.get<AgencyParams>('/agencies/:id', { config: { access: mayViewAgencies } }, async (request, reply) => agencyPage(request, reply));
  app.post<AgencyParams>('/agencies/:id/professionals', { config: { access: mayManageProfessionals } }, async (request, reply) => {
    return submitShowingValues(reply, professionalForm, (data) => addProfessional(db, request.actionContext(), request.params.id, data), {
      again: ({ errors, values }) => agencyPage(request, reply, { errors, values }),
      done: () => reply.redirect(`/agencies/${request.params.id}?added=1`),
    });
  });

  async function editPage(request: FastifyRequest<AgencyParams>, reply: FastifyReply, extra: Extra = {}) {
    const loaded = await loadProfessional(db, request.params.id);
    if (!loaded) return reply.callNotFound();
    const { professional } = loaded;
    if (extra.errors && reply.statusCode < 400) reply.code(400);
    return reply.view('agencies/professional.njk', {
      title: `Change ${professional.name}`, professional, agency: loaded.agency, accounts: loaded.accounts, errors: extra.errors,
      values: extra.values ?? { ...professional, active: professional.active ? 'yes' : 'no' }, backLink: { href: `/agencies/${professional.organisationId}` },
    });
  }
  app.get<AgencyParams>('/professionals/:id', { config: { access: mayManageProfessionals } }, async (request, reply) => editPage(request, reply));
  app.post<AgencyParams>('/professionals/:id', { config: { access: mayManageProfessionals } }, async (request, reply) => {
    return submitShowingValues(reply, professionalForm, (data) => updateProfessional(db, request.actionContext(), request.params.id, data), {
      again: ({ errors, values }) => editPage(request, reply, { errors, values }),
      done: (organisationId) => reply.redirect(`/agencies/${organisationId}?saved=1`),
    });
  });
}
