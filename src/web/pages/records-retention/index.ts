import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RETENTION_RECORD_TYPES, type RetentionRecordType } from '../../../domain/packs/retention.js';
import { approveDisposal, liftLegalHold, loadRetentionCase, proposeDisposal, setLegalHold, withdrawDisposal } from '../../../modules/records/dispose-records.js';
import { loadRetentionReview, RETENTION_STATES, type RetentionState } from '../../../modules/records/load-retention-review.js';
import type { FieldError } from '../../../modules/shared/errors.js';
import { mayApproveDisposal, mayReviewRetention } from '../../../policies/records.js';
import { requiredText } from '../../form-fields.js';
import { runAction, submitShowingValues } from '../../forms/run-action.js';
import { parseForm } from '../../forms.js';
import type { RecordPageRoute as Params } from '../../types.js';

const filterForm = z.object({
  state: z.enum(Object.keys(RETENTION_STATES) as [RetentionState, ...RetentionState[]], { error: 'Choose which cases to show' }).optional().transform((v) => v ?? 'due'),
  type: z.union([z.literal(''), z.enum(Object.keys(RETENTION_RECORD_TYPES) as [RetentionRecordType, ...RetentionRecordType[]])], { error: 'Choose a record type' }).optional().transform((v) => v || undefined),
  page: z.coerce.number({ error: 'The page must be a number' }).int('The page must be a whole number').min(1, 'The page must be 1 or more').max(100000, 'The page is too large').optional().transform((v) => v ?? 1),
});
const reasonForm = z.object({ reason: requiredText('Give the reason', 2000) });
const approveForm = z.object({ version: z.coerce.number().int(), confirm: z.literal('yes', { error: 'Confirm that the records are to be disposed of for good' }) });

const NOTICES: Record<string, string> = {
  'hold-set': 'The case is under a legal hold: it is kept whatever its date.',
  'hold-lifted': 'The legal hold is lifted.',
  proposed: 'The disposal is proposed. A second, different person approves it.',
  withdrawn: 'The proposal is withdrawn.',
  disposed: 'The records are disposed of. A record of the disposal remains, without personal details.',
};

/** RC7: the retention review of closed cases, legal holds and four-eyes disposal. */
export default function retentionPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayReviewRetention } };
  const pack = () => app.convene.settings.pack;

  app.get('/records/retention', access, async (request, reply) => {
    const parsed = parseForm(filterForm, request.query);
    const types = Object.entries(RETENTION_RECORD_TYPES).filter(([t]) => t !== 'audit').map(([value, text]) => ({ value, text }));
    const states = Object.entries(RETENTION_STATES).map(([value, text]) => ({ value, text }));
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('records-retention/list.njk', { title: 'Records due for retention review', errors: parsed.errors, values: parsed.values, types, states, backLink: { href: '/' } });
    }
    const view = await loadRetentionReview(db, request.actionContext(), parsed.data, pack());
    const query = (extra: Record<string, string>) => new URLSearchParams({ state: parsed.data.state, ...(parsed.data.type ? { type: parsed.data.type } : {}), ...extra }).toString();
    return reply.view('records-retention/list.njk', {
      title: 'Records due for retention review', view, values: { state: parsed.data.state, type: parsed.data.type ?? '' }, types, states, stateLabel: RETENTION_STATES[parsed.data.state],
      stateLinks: states.map((s) => ({ ...s, count: view.counts[s.value as RetentionState], href: `/records/retention?state=${s.value}`, current: s.value === parsed.data.state })),
      pagination: {
        previous: view.page > 1 ? { href: `/records/retention?${query({ page: String(view.page - 1) })}` } : undefined,
        next: view.page < view.pages ? { href: `/records/retention?${query({ page: String(view.page + 1) })}` } : undefined,
      },
      backLink: { href: '/' },
    });
  });

  async function casePage(request: FastifyRequest<Params>, reply: FastifyReply, extra: { errors?: FieldError[]; values?: Record<string, unknown>; status?: number; form?: string } = {}) {
    const r = await loadRetentionCase(db, request.actionContext(), request.params.id, pack());
    if (extra.status) reply.code(extra.status);
    return reply.view('records-retention/case.njk', {
      title: `Retention review: ${r.name}`, r, errors: extra.errors, values: extra.values ?? {}, form: extra.form, notice: Object.hasOwn(NOTICES, request.query.done ?? '') ? NOTICES[request.query.done!] : null,
      mayApprove: r.disposal?.status === 'proposed' && mayApproveDisposal(request.actor, r.disposal),
      backLink: { href: '/records/retention', text: 'Back to records due for review' },
    });
  }
  app.get<Params>('/records/retention/cases/:id', access, async (request, reply) => casePage(request, reply));

  const reasonAction = (path: string, form: string, act: (id: string, reason: string, request: FastifyRequest<Params>) => Promise<void>, done: string) => {
    app.post<Params>(`/records/retention/cases/:id/${path}`, access, async (request, reply) => {
      return submitShowingValues(reply, reasonForm, (data) => act(request.params.id, data.reason, request), {
        again: ({ errors, values, status }) => casePage(request, reply, { errors, values, status, form }),
        valuesOnRefusal: (data) => data,
        conflictPage: `/records/retention/cases/${request.params.id}`,
        done: () => reply.redirect(`/records/retention/cases/${request.params.id}?done=${done}`),
      });
    });
  };
  reasonAction('hold', 'hold', (id, reason, request) => setLegalHold(db, request.actionContext(), id, reason, pack()), 'hold-set');
  reasonAction('lift-hold', 'lift-hold', (id, reason, request) => liftLegalHold(db, request.actionContext(), id, reason, pack()), 'hold-lifted');

  const plainAction = (path: string, act: (id: string, request: FastifyRequest<Params>) => Promise<unknown>, done: string) => {
    app.post<Params>(`/records/retention/cases/:id/${path}`, access, async (request, reply) => {
      return runAction(reply, () => act(request.params.id, request), {
        again: ({ errors, status }) => casePage(request, reply, { errors, status }),
        conflictPage: `/records/retention/cases/${request.params.id}`,
        done: () => reply.redirect(`/records/retention/cases/${request.params.id}?done=${done}`),
      });
    });
  };
  plainAction('propose', (id, request) => proposeDisposal(db, request.actionContext(), id, pack()), 'proposed');
  plainAction('withdraw', (id, request) => withdrawDisposal(db, request.actionContext(), id, pack()), 'withdrawn');

  async function confirmPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: { errors?: FieldError[]; status?: number } = {}) {
    const r = await loadRetentionCase(db, request.actionContext(), request.params.id, pack());
    if (extra.status) reply.code(extra.status);
    return reply.view('records-retention/confirm.njk', {
      title: `Check before disposing of the records: ${r.name}`, r, errors: extra.errors, values: {},
      mayApprove: r.disposal?.status === 'proposed' && mayApproveDisposal(request.actor, r.disposal),
      backLink: { href: `/records/retention/cases/${r.caseId}`, text: 'Back to the retention review' },
    });
  }
  app.get<Params>('/records/retention/cases/:id/approve', access, async (request, reply) => confirmPage(request, reply));
  app.post<Params>('/records/retention/cases/:id/approve', access, async (request, reply) => {
    return submitShowingValues(reply, approveForm, (data) => approveDisposal(db, request.actionContext(), request.params.id, data.version, pack()), {
      again: ({ errors, status }) => confirmPage(request, reply, { errors, status }),
      conflictPage: `/records/retention/cases/${request.params.id}`,
      done: () => reply.redirect(`/records/retention/cases/${request.params.id}?done=disposed`),
    });
  });
}
