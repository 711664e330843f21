import type { FastifyInstance } from 'fastify';
import { heldInvitations, lettersToPrint, printLetterBatch, recentBatches, reprintBatch } from '../../../modules/invitations/print-letters.js';
import { mayPrintLetters } from '../../../policies/invitations.js';
import { runAction } from '../../forms/run-action.js';

const access = { config: { access: mayPrintLetters } };

/**
 * IN3: business support's post room. The letters waiting to be printed, printed as one batch (one
 * PDF, every letter on its own pages); the invitations held back for want of an address, each with
 * the link to add it; and the batches printed before, to print again if the printer jams.
 */
export default function letterPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Querystring: { printed?: string } }>('/letters', access, async (request, reply) => {
    const context = request.actionContext();
    const [waiting, held, batches] = await Promise.all([lettersToPrint(db, context), heldInvitations(db, context), recentBatches(db, context)]);
    const printed = request.query.printed && batches.find((b) => b.id === request.query.printed);
    return reply.view('letters/list.njk', {
      title: 'Letters to post', waiting, held, batches,
      notice: printed ? { batchId: printed.id, count: printed.letterCount } : null,
      backLink: { href: '/' },
    });
  });

  app.post('/letters/print', access, async (request, reply) => {
    return runAction(reply, () => printLetterBatch(db, request.actionContext()), {
      done: ({ batchId }) => reply.redirect(`/letters?printed=${batchId}`),
      // Nothing left to print (another printer was quicker): the list, which says so. The status is
      // given, as a redirect would otherwise take the refusal's.
      again: () => reply.redirect('/letters', 302),
    });
  });

  app.get<{ Params: { id: string } }>('/letters/batches/:id', access, async (request, reply) => {
    const pdf = await reprintBatch(db, request.actionContext(), request.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="letters-${request.params.id.slice(0, 8)}.pdf"`).send(pdf);
  });
}
