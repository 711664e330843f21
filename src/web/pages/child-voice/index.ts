import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ADVOCACY_DECISIONS, advocacyStatus, childRequestOutstanding } from '../../../domain/participation/requests-and-advocacy.js';
import { loadChildVoice, saveChildRequest, saveParentAdvocacy } from '../../../modules/participation/requests-and-advocacy.js';
import { NotFoundError, type FieldError } from '../../../modules/shared/errors.js';
import { mayViewReadiness } from '../../../policies/reports.js';
import { conferenceHeader } from '../../components/conference-header.js';
import { optionalDateField, optionalText, requiredText } from '../../form-fields.js';
import { answerRefusal, submitShowingValues } from '../../forms/run-action.js';
import { asArray, parseForm } from '../../forms.js';

const requestForm = z.object({
  request: requiredText('Write what the child asked for', 2000),
  reasons: requiredText('Write why the request is not being followed', 5000),
  sharedWithChildOn: optionalDateField().transform((v) => v ?? null),
  sharedHow: optionalText(2000),
  version: z.coerce.number().int().min(0),
});
const advocacyForm = z.object({
  need: z.unknown().optional().transform((v) => asArray(v)),
  decision: z.string().optional().transform((v) => (v ? v : null)),
  reasons: optionalText(5000),
  followUp: optionalText(5000),
  followedUpOn: optionalDateField().transform((v) => v ?? null),
  version: z.coerce.number().int().min(0),
}).transform(({ need, ...rest }) => ({ ...rest, learningDisability: need.includes('learning-disability'), mentalHealthNeed: need.includes('mental-health') }));

type Params = { Params: { id: string; childId?: string; childRequestId?: string; invitationId?: string }; Querystring: { done?: string } };
type Extra = { errors?: FieldError[]; values?: Record<string, unknown>; status?: number };
const access = { config: { access: mayViewReadiness } };
const uuid = /^[0-9a-f-]{36}$/i;
const decisions = Object.entries(ADVOCACY_DECISIONS).map(([value, text]) => ({ value, text }));

/** IN10: a child's request not followed, explained to the child; an advocate considered for a parent and followed up. */
export default function childVoicePages(app: FastifyInstance): void {
  const { db } = app.convene;
  const load = async (request: FastifyRequest<Params>) => {
    for (const id of [request.params.id, request.params.childId, request.params.childRequestId, request.params.invitationId]) if (id !== undefined && !uuid.test(id)) throw new NotFoundError();
    return loadChildVoice(db, request.actionContext(), request.params.id);
  };
  const back = (id: string) => `/conferences/${id}/child-voice`;
  const refusal = (request: FastifyRequest<Params>, reply: FastifyReply, page: (extra: Extra) => Promise<FastifyReply>, body: unknown) => (error: unknown) =>
    answerRefusal(reply, error, { again: async ({ errors }) => page({ errors, values: body as Record<string, unknown>, status: 400 }), conflictPage: back(request.params.id) });

  app.get<Params>('/conferences/:id/child-voice', access, async (request, reply) => {
    const data = await load(request);
    return reply.view('child-voice/overview.njk', {
      title: 'Children’s requests and parents’ advocates', conference: conferenceHeader(data.context),
      children: data.context.subjects.map((c) => ({ ...c, requests: data.requests.filter((r) => r.childId === c.childId).map((r) => ({ ...r, outstanding: childRequestOutstanding(r) })) })),
      parents: data.context.familyInvitations.map((i) => {
        const a = data.advocacy.find((x) => x.invitationId === i.id) ?? null;
        const ld = data.family.find((f) => f.invitationId === i.id)?.learningDisability ?? false;
        return { invitation: i, advocacy: a, status: advocacyStatus({ learningDisability: ld || (a?.learningDisability ?? false), mentalHealthNeed: a?.mentalHealthNeed ?? false }, a) };
      }),
      notice: request.query.done ? 'Saved.' : null,
      backLink: { href: `/conferences/${request.params.id}/participation`, text: 'Back to preparing the child and family' },
    });
  });

  async function requestPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) {
    const data = await load(request);
    const existing = request.params.childRequestId ? data.requests.find((r) => r.id === request.params.childRequestId) : null;
    if (request.params.childRequestId && !existing) return reply.callNotFound();
    const childId = existing?.childId ?? request.params.childId;
    const child = data.context.subjects.find((s) => s.childId === childId);
    if (!child) return reply.callNotFound();
    if (extra.status) reply.code(extra.status);
    return reply.view('child-voice/request.njk', {
      title: `A request ${child.name} made that is not followed`, conference: conferenceHeader(data.context), child,
      action: existing ? `/conferences/${request.params.id}/child-voice/requests/${existing.id}` : `/conferences/${request.params.id}/child-voice/children/${child.childId}/requests`,
      errors: extra.errors, values: extra.values ?? (existing ? { ...existing, sharedWithChildOn: existing.sharedWithChildOn ?? '' } : { version: 0 }),
      backLink: { href: back(request.params.id) },
    });
  }
  const saveRequest = async (request: FastifyRequest<Params>, reply: FastifyReply) => {
    const page = async (extra: Extra) => { await requestPage(request, reply, extra); return reply; };
    const parsed = parseForm(requestForm, request.body);
    if (!parsed.ok) return page({ errors: parsed.errors, values: parsed.values, status: 400 });
    try {
      let childId = request.params.childId;
      if (request.params.childRequestId) childId = (await load(request)).requests.find((r) => r.id === request.params.childRequestId)?.childId;
      if (!childId) return reply.callNotFound();
      await saveChildRequest(db, request.actionContext(), request.params.id, childId, request.params.childRequestId ?? null, parsed.data);
    } catch (error) {
      return refusal(request, reply, page, request.body)(error);
    }
    return reply.redirect(`${back(request.params.id)}?done=1`);
  };
  app.get<Params>('/conferences/:id/child-voice/children/:childId/requests', access, async (request, reply) => requestPage(request, reply));
  app.post<Params>('/conferences/:id/child-voice/children/:childId/requests', access, saveRequest);
  app.get<Params>('/conferences/:id/child-voice/requests/:childRequestId', access, async (request, reply) => requestPage(request, reply));
  app.post<Params>('/conferences/:id/child-voice/requests/:childRequestId', access, saveRequest);

  async function advocacyPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) {
    const data = await load(request);
    const invitation = data.context.familyInvitations.find((i) => i.id === request.params.invitationId);
    if (!invitation) return reply.callNotFound();
    const a = data.advocacy.find((x) => x.invitationId === invitation.id) ?? null;
    const ld = data.family.find((f) => f.invitationId === invitation.id)?.learningDisability ?? false;
    const saved = a
      ? { need: [a.learningDisability ? 'learning-disability' : '', a.mentalHealthNeed ? 'mental-health' : ''].filter(Boolean), decision: a.decision, reasons: a.reasons, followUp: a.followUp, followedUpOn: a.followedUpOn ?? '', version: a.version }
      : { need: ld ? ['learning-disability'] : [], version: 0 };
    const values = extra.values ? { ...extra.values, need: asArray(extra.values.need) } : saved;
    if (extra.status) reply.code(extra.status);
    return reply.view('child-voice/advocacy.njk', {
      title: `An advocate for ${invitation.name}`, conference: conferenceHeader(data.context), invitation, decisions, values, errors: extra.errors,
      needs: [{ value: 'learning-disability', text: 'A learning disability' }, { value: 'mental-health', text: 'A mental health need' }].map((n) => ({ ...n, checked: (values.need as string[]).includes(n.value) })),
      backLink: { href: back(request.params.id) },
    });
  }
  app.get<Params>('/conferences/:id/child-voice/advocacy/:invitationId', access, async (request, reply) => advocacyPage(request, reply));
  app.post<Params>('/conferences/:id/child-voice/advocacy/:invitationId', access, async (request, reply) => {
    return submitShowingValues(reply, advocacyForm, (data) => saveParentAdvocacy(db, request.actionContext(), request.params.id, request.params.invitationId!, data), {
      again: ({ errors, values }) => advocacyPage(request, reply, { errors, values, status: 400 }),
      conflictPage: back(request.params.id),
      done: () => reply.redirect(`${back(request.params.id)}?done=1`),
    });
  });
}
