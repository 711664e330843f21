import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Circumstances } from '../../../domain/invitations/case-facts.js';
import { contactProblem } from '../../../domain/invitations/editing.js';
import { leafletsFor } from '../../../documents/invitation-letter.js';
import { renderDocx } from '../../../documents/render-docx.js';
import { renderPdf } from '../../../documents/render-pdf.js';
import { buildChecklist } from '../../../modules/invitations/build-checklist.js';
import { confirmAllSuggestions } from '../../../modules/invitations/confirm-invitations.js';
import { loadInvitation, loadInvitationState } from '../../../modules/invitations/invitation-state.js';
import { calendarFile, calendarSequence, coordinatorOf, letterDocument, letterFacts } from '../../../modules/invitations/letters.js';
import { loadSentLetterPdf } from '../../../modules/invitations/load-sent-letter.js';
import { observerTiming } from '../../../modules/invitations/observers.js';
import { reviewTiming, sendInvitations } from '../../../modules/invitations/send-invitations.js';
import { familyLanguageNotices, familyLanguagesFor } from '../../../modules/invitations/family-languages.js';
import { invitationsWithLinks } from '../../../modules/report-links/issue-report-link.js';
import { sendNewReportLink } from '../../../modules/report-links/send-new-report-link.js';
import { mayManageInvitations, mayViewInvitations } from '../../../policies/invitations.js';
import { parseForm } from '../../forms.js';
import { runAction } from '../../forms/run-action.js';
import { CIRCUMSTANCE_FLAGS, circumstancesForm, SERVICE_LABELS } from './form.js';
import { auditListRead, CHANNEL_LABELS, conferenceSummary, invitationRow, invitationsUrl, timingText } from './presenter.js';

type Params = { Params: { id: string; invitationId?: string }; Querystring: { done?: string } };
const view = { config: { access: mayViewInvitations } };
const manage = { config: { access: mayManageInvitations } };

const NOTICES: Record<string, string> = {
  built: 'The checklist has been updated from the case.',
  confirmed: 'The suggestions have been confirmed.',
  sent: 'The invitations have been sent. Emails leave through the outbox; letters by post wait under “Letters to post” for business support to print and post first class.',
  'sent-held': 'The invitations that could go have been sent. Some were held back because the record lacks an address: add it below, then send them.',
  changed: 'The invitation list has been updated.',
  response: 'The response has been recorded.',
  chase: 'The response has been recorded. Ask for their written report, and whether a briefed colleague can come instead.',
  observer: 'The observer request has been recorded. The chair decides, with the family’s consent.',
  'report-link': 'A new report link has been sent. Any link sent before no longer works.',
};

/** IN2, IN3: the invitation checklist of one conference, and sending it. */
export default function invitationPages(app: FastifyInstance): void {
  const { db } = app.convene;

  async function list(request: FastifyRequest<Params>, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const state = await loadInvitationState(db, request.params.id);
    await auditListRead(request, state, 'conference-invitations');
    const observerDue = await observerTiming(db, state);
    const linked = await invitationsWithLinks(db, state.conference.id);
    const rows = state.invitations.map((i) => ({ ...invitationRow(i, observerDue), reportLink: linked.has(i.id) }));
    return reply.view('invitations/list.njk', {
      title: 'Invitations', conference: conferenceSummary(state),
      listed: rows.filter((r) => r.state !== 'removed'), removed: rows.filter((r) => r.state === 'removed'),
      waiting: rows.filter((r) => r.state === 'suggested' && r.inviteeKind !== 'observer').length, toSend: rows.filter((r) => r.state === 'confirmed').length,
      manage: mayManageInvitations(request.actor), open: ['booked', 'invitations-sent'].includes(state.conference.status),
      reviewDue: timingText(await reviewTiming(db, state), 'Review invitations must go'),
      observerDue: timingText(observerDue, 'Observer requests must reach the co-ordinator'),
      flags: CIRCUMSTANCE_FLAGS.map(([value, text]) => ({ value, text })),
      services: Object.entries(SERVICE_LABELS).map(([value, text]) => ({ value, text })),
      values: { flags: [], services: [] },
      notice: request.query.done ? NOTICES[request.query.done] ?? null : null,
      languages: await familyLanguageNotices(db, state.conference.id, state.invitations),
      backLink: { href: `/conferences/${state.conference.id}`, text: 'Back to the conference' }, ...extra,
    });
  }

  app.get<Params>('/conferences/:id/invitations', view, async (request, reply) => list(request, reply));

  app.post<Params>('/conferences/:id/invitations/checklist', manage, async (request, reply) => {
    const parsed = parseForm(circumstancesForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return list(request, reply, { errors: parsed.errors, values: parsed.values });
    }
    const circumstances: Circumstances = { outOfHoursReferralsLastSixMonths: parsed.data.outOfHoursReferrals, involvedServices: parsed.data.services };
    for (const flag of parsed.data.flags) (circumstances as Record<string, unknown>)[flag] = true;
    await buildChecklist(db, request.actionContext(), request.params.id, circumstances);
    return reply.redirect(`${invitationsUrl(request.params.id)}?done=built`);
  });

  app.post<Params>('/conferences/:id/invitations/confirm-all', manage, async (request, reply) => {
    await confirmAllSuggestions(db, request.actionContext(), request.params.id);
    return reply.redirect(`${invitationsUrl(request.params.id)}?done=confirmed`);
  });

  async function sendPage(request: FastifyRequest<Params>, reply: FastifyReply, extra: Record<string, unknown> = {}) {
    const state = await loadInvitationState(db, request.params.id);
    await auditListRead(request, state, 'conference-invitations');
    const going = state.invitations.filter((i) => i.state === 'confirmed').map((i) => ({
      ...i, channelLabel: CHANNEL_LABELS[i.channel] ?? i.channel, leaflets: leafletsFor(i.inviteeKind).join('; '), problem: contactProblem(i)?.message ?? null,
    }));
    return reply.view('invitations/send.njk', {
      title: 'Check and send invitations', conference: conferenceSummary(state), going,
      ready: going.filter((i) => !i.problem).length, held: going.filter((i) => i.problem).length,
      waiting: state.invitations.filter((i) => i.state === 'suggested').length,
      languages: await familyLanguageNotices(db, state.conference.id, state.invitations),
      reviewDue: timingText(await reviewTiming(db, state), 'Review invitations must go'),
      backLink: { href: invitationsUrl(state.conference.id), text: 'Back to invitations' }, ...extra,
    });
  }

  app.get<Params>('/conferences/:id/invitations/send', manage, async (request, reply) => sendPage(request, reply));

  app.post<Params>('/conferences/:id/invitations/send', manage, async (request, reply) => {
    return runAction(reply, () => sendInvitations(db, request.actionContext(), request.params.id, { siteAddress: app.convene.settings.publicUrl }), {
      again: (refusal) => sendPage(request, reply, { errors: refusal.errors }),
      done: (sent) => reply.redirect(`${invitationsUrl(request.params.id)}?done=${sent.held.length ? 'sent-held' : 'sent'}`),
    });
  });

  /** Issue 17: a new report link for a partner practitioner without an account, whose link was used, expired or locked. */
  app.post<Params>('/conferences/:id/invitations/:invitationId/report-link', manage, async (request, reply) => {
    const { id, invitationId = '' } = request.params;
    return runAction(reply, () => sendNewReportLink(db, request.actionContext(), id, invitationId, { siteAddress: app.convene.settings.publicUrl }), {
      again: (refusal) => list(request, reply, { errors: refusal.errors }),
      done: () => reply.redirect(`${invitationsUrl(id)}?done=report-link`),
    });
  });

  /** The letter as sent (the copy kept in the outbox), or a preview before sending; DOCX for editing; the calendar file. */
  app.get<Params & { Params: { format: string } }>('/conferences/:id/invitations/:invitationId/letter.:format', view, async (request, reply) => {
    const { id, invitationId = '', format } = request.params;
    const state = await loadInvitationState(db, id);
    const invitation = await loadInvitation(db, id, invitationId);
    await auditListRead(request, state, 'invitation-letter');
    const coordinator = await coordinatorOf(db, request.actor?.id ?? null);
    const now = app.convene.clock();
    const base = `invitation-${invitation.id.slice(0, 8)}`;
    if (format === 'pdf') {
      const pdf = (await loadSentLetterPdf(db, invitation.id)) ?? await renderPdf(letterDocument(state, invitation, coordinator, await letterFacts(db, state, now)));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${base}.pdf"`).send(pdf);
    }
    if (format === 'docx') {
      const docx = await renderDocx(letterDocument(state, invitation, coordinator, await letterFacts(db, state, now)));
      return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', `attachment; filename="${base}.docx"`).send(docx);
    }
    if (format === 'ics') {
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${base}.ics"`).send(calendarFile(state, invitation, coordinator, now, { sequence: Math.max(0, (await calendarSequence(db, invitation.id)) - 1), language: (await familyLanguagesFor(db, id)).get(invitation.id) }));
    }
    return reply.callNotFound();
  });
}
