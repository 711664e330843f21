import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatDate } from '../../../domain/deadlines/format-date.js';
import { REQUESTER_RELATIONSHIPS } from '../../../domain/records/subject-access.js';
import { londonDateOf } from '../../../domain/calendar/london-time.js';
import { buildSubjectAccessBundle, renderSubjectAccessBundle } from '../../../modules/records/subject-access-bundle.js';
import {
  extendSubjectAccess, loadSubjectAccessRequest, recordIdentityCheck, recordSubjectAccessRelease, recordSubjectAccessRequest, subjectAccessHandlers, subjectAccessRequestsFor,
} from '../../../modules/records/subject-access.js';
import type { FieldError } from '../../../modules/shared/errors.js';
import { mayRecordSubjectAccess } from '../../../policies/records.js';
import { dateField, optionalDateField, optionalText, requiredText } from '../../form-fields.js';
import { submitShowingValues } from '../../forms/run-action.js';
import type { RecordPageRoute as Params } from '../../types.js';

const requestForm = z.object({
  childGivenNames: requiredText('Enter the child’s given names', 200),
  childFamilyName: requiredText('Enter the child’s family name', 200),
  childDateOfBirth: dateField('Enter the child’s date of birth'),
  requesterName: requiredText('Enter the name of the person asking', 200),
  relationship: z.enum(Object.keys(REQUESTER_RELATIONSHIPS) as [string, ...string[]], { error: 'Choose who is asking' }),
  receivedOn: dateField('Enter the date the request was received'),
  identityCheckedOn: optionalDateField().transform((v) => v ?? null),
  identityEvidence: optionalText(500),
  responsibleUserId: z.string().optional().transform((v) => (v ? v : null)),
});
const identityForm = z.object({
  identityCheckedOn: dateField('Enter the date the identity was checked'),
  identityEvidence: requiredText('Say what was seen to check the identity', 500),
  version: z.coerce.number().int(),
});
const releaseForm = z.object({
  releasedOn: dateField('Enter the date the bundle was given'),
  method: requiredText('Say how the bundle was given (secure email, post, in person)', 200),
  checked: z.literal('yes', { error: 'Confirm that you have read the bundle before it is released' }),
  version: z.coerce.number().int(),
});

const extensionForm = z.object({
  reason: requiredText('Say why the request is complex enough to need more time', 2000),
  channel: z.enum(['email', 'post'], { error: 'Choose how the requester is told' }),
  address: requiredText('Enter where the letter goes: an email or postal address', 500),
  version: z.coerce.number().int(),
});

type Extra = { errors?: FieldError[]; values?: Record<string, unknown>; status?: number; form?: string };

/** RC7 (UK GDPR Articles 12, 15): subject access requests, their bundle and its release. */
export default function subjectAccessPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayRecordSubjectAccess } };
  const today = () => londonDateOf(app.convene.clock()).toString();

  app.get('/subject-access', access, async (request, reply) => {
    const rows = await subjectAccessRequestsFor(db, request.actor!, today());
    return reply.view('subject-access/list.njk', { title: 'Subject access requests', rows, backLink: { href: '/' } });
  });

  async function newPage(request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
    const handlers = await subjectAccessHandlers(db, request.actor!.organisationId);
    const values = extra.values ?? { receivedOn: today(), responsibleUserId: request.actor!.id };
    if (extra.status) reply.code(extra.status);
    return reply.view('subject-access/new.njk', {
      title: 'Record a subject access request', errors: extra.errors, values,
      relationships: Object.entries(REQUESTER_RELATIONSHIPS).map(([value, text]) => ({ value, text })),
      handlers: handlers.map((h) => ({ value: h.id, text: h.displayName, selected: h.id === values.responsibleUserId })),
      backLink: { href: '/subject-access', text: 'Back to subject access requests' },
    });
  }
  app.get('/subject-access/new', access, async (request, reply) => newPage(request, reply));
  app.post('/subject-access/new', access, async (request, reply) => {
    return submitShowingValues(reply, requestForm, (data) => recordSubjectAccessRequest(db, request.actionContext(), data), {
      valuesOnRefusal: (data) => data,
      again: ({ errors, values }) => newPage(request, reply, { errors, values, status: 400 }),
      conflictPage: '/subject-access',
      done: (id) => reply.redirect(`/subject-access/${id}`),
    });
  });

  async function requestPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) {
    const r = await loadSubjectAccessRequest(db, request.actionContext(), request.params.id);
    if (extra.status) reply.code(extra.status);
    return reply.view('subject-access/request.njk', {
      title: `Subject access request: ${r.childName}`, r, errors: extra.errors, form: extra.form,
      values: extra.values ?? { releasedOn: today(), identityCheckedOn: today() },
      notice: request.query?.done === 'extended' ? `The request is extended: it is now due ${r.due.dueOn ? formatDate(r.due.dueOn) : ''}. A letter telling the requester the new date and the reason is on its way.` : null,
      backLink: { href: '/subject-access', text: 'Back to subject access requests' },
    });
  }
  app.get<Params>('/subject-access/:id', access, async (request, reply) => requestPage(request, reply));

  app.post<Params>('/subject-access/:id/identity', access, async (request, reply) => {
    return submitShowingValues(reply, identityForm, (data) => recordIdentityCheck(db, request.actionContext(), request.params.id, data), {
      valuesOnRefusal: (data) => data,
      again: ({ errors, values }) => requestPage(request, reply, { errors, values, status: 400, form: 'identity' }),
      conflictPage: `/subject-access/${request.params.id}`,
      done: () => reply.redirect(`/subject-access/${request.params.id}`),
    });
  });

  app.post<Params>('/subject-access/:id/extend', access, async (request, reply) => {
    return submitShowingValues(reply, extensionForm, (data) => extendSubjectAccess(db, request.actionContext(), request.params.id, data), {
      valuesOnRefusal: (data) => data,
      again: ({ errors, values }) => requestPage(request, reply, { errors, values, status: 400, form: 'extend' }),
      conflictPage: `/subject-access/${request.params.id}`,
      done: () => reply.redirect(`/subject-access/${request.params.id}?done=extended`),
    });
  });

  app.get<Params>('/subject-access/:id/bundle.pdf', access, async (request, reply) => {
    const { doc } = await buildSubjectAccessBundle(db, request.actionContext(), request.params.id);
    const pdf = await renderSubjectAccessBundle(doc);
    return reply.header('content-type', 'application/pdf').header('content-disposition', 'attachment; filename="subject-access-bundle.pdf"').header('cache-control', 'no-store').send(pdf);
  });

  app.post<Params>('/subject-access/:id/release', access, async (request, reply) => {
    const release = async (data: Parameters<typeof recordSubjectAccessRelease>[3]) => {
      const { sha256 } = await buildSubjectAccessBundle(db, request.actionContext(), request.params.id);
      await recordSubjectAccessRelease(db, request.actionContext(), request.params.id, data, sha256);
    };
    return submitShowingValues(reply, releaseForm, release, {
      valuesOnRefusal: (data) => data,
      again: ({ errors, values }) => requestPage(request, reply, { errors, values, status: 400, form: 'release' }),
      conflictPage: `/subject-access/${request.params.id}`,
      done: () => reply.redirect(`/subject-access/${request.params.id}`),
    });
  });
}
