import type { FastifyInstance, FastifyReply } from 'fastify';
import { acceptReportCode } from '../../../modules/report-links/accept-report-code.js';
import type { LinkStanding } from '../../../modules/report-links/load-link.js';
import { openReportLink } from '../../../modules/report-links/open-report-link.js';
import { REPORT_CODE_MINUTES } from '../../../domain/invitations/report-link.js';
import { parseForm } from '../../forms.js';
import { rotateSession } from '../../setup/sessions.js';
import { codeForm } from './form.js';

type Params = { Params: { token: string } };

/** Why a link opens nothing, in words that say what to do next. */
const REFUSALS: Record<Exclude<LinkStanding, 'open'>, { status: number; title: string; why: string }> = {
  unknown: { status: 404, title: 'This link does not work', why: 'Check that you opened the whole link from your invitation email: some email programs break long links across two lines.' },
  expired: { status: 410, title: 'This link has expired', why: 'A report link works until a week after the conference.' },
  used: { status: 410, title: 'This link has already been used', why: 'Each report link opens your report once, with one code.' },
  locked: { status: 423, title: 'This link is locked', why: 'The code was entered wrongly too many times, so the link no longer works.' },
  withdrawn: { status: 410, title: 'This link no longer works', why: 'The invitation it came with has been changed or withdrawn.' },
};

/**
 * Issue 17: a partner agency's practitioner without an account opens the link in their invitation,
 * gets a code at the invited address, and with it a session that reaches their agency report for
 * that conference and nothing else (setup/authorisation.ts refuses every route not marked for it).
 * The token is in the path, so these pages are never cached and never sent on as a referrer.
 */
export default function reportAccessPages(app: FastifyInstance): void {
  const { db } = app.convene;
  const refused = (reply: FastifyReply, standing: Exclude<LinkStanding, 'open'>) => {
    const r = REFUSALS[standing];
    return reply.code(r.status).view('report-access/refused.njk', { title: r.title, why: r.why });
  };
  const guarded = (reply: FastifyReply) => reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');

  /** A report form sent after the link's session ended: what was typed is kept (web/drafts.ts) and comes back with the next link. */
  app.get('/report-access/ended', { config: { access: 'public', reportLink: true } }, async (_request, reply) =>
    reply.view('report-access/ended.njk', { title: 'Your session has ended' }));

  app.get<Params>('/report-access/:token', { config: { access: 'public', reportLink: true } }, async (request, reply) => {
    guarded(reply);
    const opened = await openReportLink(db, request.actionContext(), request.params.token);
    if (opened.standing !== 'open') return refused(reply, opened.standing);
    return reply.view('report-access/code.njk', { title: 'Enter the code we have sent you', maskedEmail: opened.maskedEmail, codeSent: opened.codeSent, minutes: REPORT_CODE_MINUTES, token: request.params.token });
  });

  app.post<Params>('/report-access/:token', { config: { access: 'public', reportLink: true } }, async (request, reply) => {
    guarded(reply);
    const page = { title: 'Enter the code we have sent you', minutes: REPORT_CODE_MINUTES, token: request.params.token };
    const parsed = parseForm(codeForm, request.body);
    if (!parsed.ok) return reply.code(400).view('report-access/code.njk', { ...page, errors: parsed.errors });
    const answer = await acceptReportCode(db, request.actionContext(), request.params.token, parsed.data.code);
    if (!answer.ok) {
      if (answer.standing !== 'wrong') return refused(reply, answer.standing);
      const message = `The code is not right, or it has expired. Enter the code from the latest email we sent you (you have ${answer.attemptsLeft} ${answer.attemptsLeft === 1 ? 'try' : 'tries'} left), or open the link again for a new code.`;
      return reply.code(401).view('report-access/code.njk', { ...page, errors: [{ field: 'code', message }] });
    }
    // A new session, scoped to this link: whatever session this browser had before ends here.
    await rotateSession(request, reply, { reportLinkId: answer.linkId });
    return reply.redirect(`/conferences/${answer.conferenceId}/reports/new`);
  });
}
