import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { breakGlass } from '../../../modules/access/break-glass.js';
import { childAccessFor } from '../../../modules/access/child-record-access.js';
import { BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN } from '../../../policies/child-record.js';
import { mayViewChildRecords } from '../../../policies/children.js';
import { safeNext } from '../../input/safe-next.js';
import { submitShowingValues } from '../../forms/run-action.js';

type Params = { Params: { childId: string }; Querystring: { next?: string } };

const breakGlassForm = z.object({
  reason: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string()
      .min(1, 'Say why you need to see this child’s record')
      .min(BREAK_GLASS_REASON_MIN, `Give the reason in at least ${BREAK_GLASS_REASON_MIN} characters`)
      .max(BREAK_GLASS_REASON_MAX, `Keep the reason under ${BREAK_GLASS_REASON_MAX} characters`),
  ),
  next: z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().max(2000).optional()),
});

/** The break-glass page (issue 19): shown in place of a child's record to staff with no working relationship with the child. */
export function renderBreakGlass(reply: FastifyReply, childId: string, next: string, extra: { errors?: unknown; values?: Record<string, unknown> } = {}) {
  return reply.view('break-glass/page.njk', {
    title: 'You have no working relationship with this child',
    childId, next: safeNext(next), minLength: BREAK_GLASS_REASON_MIN, values: extra.values ?? {}, errors: extra.errors,
  });
}

export default function breakGlassPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const access = { config: { access: mayViewChildRecords } };

  app.get<Params>('/break-glass/:childId', access, async (request, reply) => {
    const childId = request.params.childId;
    const next = request.query.next ?? `/people/${childId}`;
    // Only for a child the person could be let in to: nobody learns from this page that a child they may never see is known here.
    const state = await childAccessFor(db, request.actor!, childId);
    if (state === 'refused') return reply.callNotFound();
    if (state === 'open') return reply.redirect(safeNext(next));
    return renderBreakGlass(reply, childId, next);
  });

  app.post<Params>('/break-glass/:childId', access, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const childId = request.params.childId;
    const next = typeof body.next === 'string' ? body.next : `/people/${childId}`;
    // The door first: someone who may never see this child learns nothing from a refused form.
    const state = await childAccessFor(db, request.actor!, childId);
    if (state === 'refused') return reply.callNotFound();
    if (state === 'open') return reply.redirect(safeNext(next));
    const open = async (data: z.infer<typeof breakGlassForm>) => {
      await breakGlass(db, request.actionContext(), childId, data.reason);
      return data.next ?? `/people/${childId}`;
    };
    return submitShowingValues(reply, breakGlassForm, open, {
      again: ({ errors }) => renderBreakGlass(reply, childId, next, { errors, values: { reason: typeof body.reason === 'string' ? body.reason : '' } }),
      done: (opened) => reply.redirect(safeNext(opened)),
    });
  });
}
