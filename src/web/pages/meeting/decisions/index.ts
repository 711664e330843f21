import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPdf } from '../../../../documents/render-pdf.js';
import { conferenceDocumentData } from '../../../../modules/meeting/document-data.js';
import { distributeDecisions } from '../../../../modules/meeting/distribute-decisions.js';
import { loadMeetingState } from '../../../../modules/meeting/meeting-state.js';
import { loadDistribution } from '../../../../modules/meeting/load-distribution.js';
import { mayDistributeConferenceDocuments, mayReadConferenceOutcome } from '../../../../policies/meeting.js';
import { decisionsSheetDocument } from '../../../../documents/decisions-sheet.js';
import { auditReads, meetingUrl } from '../page-helpers.js';

type Params = { Params: { id: string }; Querystring: { sent?: string } };

/** TS10: the decisions sheet, its sending to every invitee and the family, and the log of copies. */
export default function decisionsPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function sheet(request: FastifyRequest<Params>) {
    const state = await loadMeetingState(db, request.params.id);
    await auditReads(request, state, 'conference-decisions');
    const data = await conferenceDocumentData(db, state);
    const version = Math.max(1, state.meeting?.decisionsSheetVersion ?? 0);
    return { state, doc: decisionsSheetDocument(data, { version, familyCopy: false }) };
  }

  app.get<Params>('/conferences/:id/decisions', { config: { access: mayReadConferenceOutcome } }, async (request, reply: FastifyReply) => {
    const { state, doc } = await sheet(request);
    return reply.view('meeting/decisions/page.njk', {
      title: 'Decisions sheet',
      conferenceId: state.conference.id,
      ready: state.meeting !== null && state.meetingStatus !== 'in-progress',
      doc,
      distribution: await loadDistribution(db, state, 'decisions', 'TS10', app.convene.clock()),
      mayDistribute: mayDistributeConferenceDocuments(request.actor),
      sent: request.query.sent ?? null,
      backLink: { href: meetingUrl(state.conference.id), text: 'Back to the conference screen' },
    });
  });

  app.get<Params>('/conferences/:id/decisions.pdf', { config: { access: mayReadConferenceOutcome } }, async (request, reply) => {
    const { doc } = await sheet(request);
    const pdf = await renderPdf(doc);
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="conference-decisions.pdf"').header('cache-control', 'no-store').send(pdf);
  });

  app.post<Params>('/conferences/:id/decisions/distribute', { config: { access: mayDistributeConferenceDocuments } }, async (request, reply) => {
    const summary = await distributeDecisions(db, request.actionContext(), request.params.id);
    return reply.redirect(`/conferences/${request.params.id}/decisions?sent=${summary.queued}`);
  });
}
