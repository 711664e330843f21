import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OVERRULE_REVIEW_LABELS, OVERRULE_REVIEW_OUTCOMES } from '../../../domain/conference/overrule-review.js';
import { formatDate } from '../../../domain/deadlines/index.js';
import { loadOverrule, recordOverruleReview, type OverruleView } from '../../../modules/meeting/overrule-review.js';
import { mayReviewOverrule } from '../../../policies/meeting.js';
import { submitShowingValues } from '../../forms/run-action.js';
import type { RecordPageRoute as Params } from '../../types.js';

const reviewForm = z.object({
  outcome: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()),
  reasons: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(4000, 'Keep the reasons under 4000 characters')),
});

/** TS21: the senior managers' review after a chair overruled the conference (002, Chair's right to overrule). */
export default function overrulePages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayReviewOverrule } };

  function render(reply: FastifyReply, view: OverruleView, extra: Record<string, unknown> = {}) {
    return reply.view('overrules/review.njk', {
      title: `The chair overruled the conference: ${view.childName}`,
      view,
      heldOn: view.heldOn ? formatDate(view.heldOn) : '',
      dueBy: view.furtherConferenceBy ? formatDate(view.furtherConferenceBy) : '',
      outcomes: OVERRULE_REVIEW_OUTCOMES.map((o) => ({ value: o, text: OVERRULE_REVIEW_LABELS[o] })),
      outcomeLabel: view.outcome ? (OVERRULE_REVIEW_LABELS as Record<string, string>)[view.outcome] ?? view.outcome : null,
      values: {},
      backLink: { href: '/' },
      ...extra,
    });
  }

  app.get<Params>('/overrules/:id', access, async (request: FastifyRequest<Params>, reply) => {
    const view = await loadOverrule(db, request.actionContext(), request.params.id);
    return render(reply, view, { notice: request.query.done === 'reviewed' ? 'The senior managers’ review is recorded.' : null });
  });

  app.post<Params>('/overrules/:id', access, async (request, reply) => {
    const view = await loadOverrule(db, request.actionContext(), request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    return submitShowingValues(reply, reviewForm, (data) => recordOverruleReview(db, request.actionContext(), view.decisionId, data), {
      again: ({ errors }) => render(reply, view, { errors, values: { ...body } }),
      done: () => reply.redirect(`/overrules/${view.decisionId}?done=reviewed`),
    });
  });
}
