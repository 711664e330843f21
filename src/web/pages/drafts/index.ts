import type { FastifyInstance } from 'fastify';
import { discardFormDraft } from '../../../modules/drafts/discard-form-draft.js';
import { mayKeepOwnSessionAndDrafts } from '../../../policies/drafts.js';

type Params = { Params: { id: string } };

/** Issue 14: "Discard your draft" on a form filled from the person's own draft. */
export default function draftPages(app: FastifyInstance): void {
  // A report link's holder (issue 17) discards their own report's draft too: only its author ever can.
  app.post<Params>('/drafts/:id/discard', { config: { access: mayKeepOwnSessionAndDrafts, reportLink: true } }, async (request, reply) => {
    const gone = await discardFormDraft(app.convene.db, request.actionContext(), { draftId: request.params.id });
    // The path was written by the server when the draft was kept: always a page on this site.
    const back = gone && gone.path.startsWith('/') && !gone.path.startsWith('//') ? gone.path : '/';
    return reply.redirect(back, 303);
  });
}
