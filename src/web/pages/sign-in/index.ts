import type { FastifyInstance } from 'fastify';
import { signIn } from '../../../modules/accounts/sign-in.js';
import { verifySecondFactor } from '../../../modules/accounts/two-factor.js';
import { recordAudit } from '../../../modules/audit/record-audit.js';
import { parseForm } from '../../forms.js';
import { endSession, rotateSession } from '../../setup/sessions.js';
import { safeNext, secondFactorForm, signInForm } from './form.js';
import { oidcSignInPages } from './oidc.js';

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

export default function signInPages(app: FastifyInstance): void {
  const oidc = app.convene.settings.oidc;
  if (oidc) oidcSignInPages(app, oidc);
  // The button for the authority's identity provider is on every rendering of the sign-in form.
  const signInPage = (values: Record<string, unknown>) => ({ title: 'Sign in', oidcName: oidc?.displayName ?? null, ...values });

  app.get<{ Querystring: { next?: string; ended?: string } }>('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const next = typeof request.query.next === 'string' ? request.query.next.slice(0, 2000) : '';
    // Still signed in (another tab kept the session going): straight back to the page.
    if (request.actor) return reply.redirect(next ? safeNext(next) : '/');
    const ended = request.query.ended === '1';
    // The plain sign-in page (no page to return to) is the same for every visitor but their token.
    if (!next) return reply.viewAnonymous('sign-in/page.njk', signInPage({ values: { next }, ended }), ended ? 'ended' : 'plain');
    return reply.view('sign-in/page.njk', signInPage({ values: { next }, ended }));
  });

  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const parsed = parseForm(signInForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('sign-in/page.njk', signInPage({ errors: parsed.errors, values: { ...parsed.values, password: '' } }));
    }
    const result = await signIn(app.convene.db, request.actionContext(), parsed.data);
    const again = { username: parsed.data.username, next: parsed.data.next ?? '' };
    switch (result.outcome) {
      case 'wrong-credentials':
        reply.code(401);
        return reply.view('sign-in/page.njk', signInPage({
          values: again,
          errors: [{ field: 'username', message: 'Enter a correct username and password. After 5 failed attempts the account is locked for a while.' }],
        }));
      case 'account-locked':
        reply.code(423);
        return reply.view('sign-in/page.njk', signInPage({
          values: again,
          errors: [{
            field: 'username',
            message: `This account is locked after too many failed sign-ins. Try again after ${timeFormat.format(result.until)}, or ask an administrator to unlock it.`,
          }],
        }));
      case 'address-blocked':
        reply.code(429);
        return reply.view('sign-in/page.njk', signInPage({
          values: again,
          errors: [{ field: 'username', message: `Too many failed sign-ins from this device. Try again after ${timeFormat.format(result.until)}.` }],
        }));
      case 'signed-in': {
        const next = safeNext(parsed.data.next);
        if (result.needsSecondFactor) {
          await rotateSession(request, reply, { pendingUserId: result.user.id, data: { next } });
          return reply.redirect('/sign-in/two-factor');
        }
        if (app.convene.settings.production) {
          // Production requires a second factor: enrol before anything else.
          await rotateSession(request, reply, { pendingUserId: result.user.id, data: { next, enrolRequired: true } });
          return reply.redirect('/account/two-factor');
        }
        await rotateSession(request, reply, { userId: result.user.id });
        return reply.redirect(result.user.mustChangePassword ? '/account/password' : next);
      }
    }
  });

  app.get('/sign-in/two-factor', { config: { access: 'pending-second-factor' } }, async (request, reply) => {
    if (request.actor) return reply.redirect('/');
    return reply.view('sign-in/two-factor.njk', { title: 'Enter your security code' });
  });

  app.post('/sign-in/two-factor', { config: { access: 'pending-second-factor' } }, async (request, reply) => {
    const pendingUserId = request.session?.pendingUserId;
    if (!pendingUserId) return reply.redirect('/sign-in');
    const parsed = parseForm(secondFactorForm, request.body);
    if (!parsed.ok) {
      reply.code(400);
      return reply.view('sign-in/two-factor.njk', { title: 'Enter your security code', errors: parsed.errors });
    }
    const result = await verifySecondFactor(app.convene.db, request.actionContext(), pendingUserId, parsed.data.code, app.convene.encryptionKey);
    if (result.outcome !== 'accepted') {
      const [status, message] =
        result.outcome === 'account-locked'
          ? [423, `This account is locked after too many failed sign-ins. Try again after ${timeFormat.format(result.until)}, or ask an administrator to unlock it.`]
          : result.outcome === 'address-blocked'
            ? [429, `Too many failed sign-ins from this device. Try again after ${timeFormat.format(result.until)}.`]
            : [401, 'That code is not right, has expired or has been used already. Enter the current code from your app, or a recovery code.'];
      reply.code(status);
      return reply.view('sign-in/two-factor.njk', { title: 'Enter your security code', errors: [{ field: 'code', message }] });
    }
    const next = safeNext(request.session?.data.next as string | undefined);
    await rotateSession(request, reply, { userId: pendingUserId });
    return reply.redirect(next);
  });

  app.post('/sign-out', { config: { access: 'public', reportLink: true } }, async (request, reply) => {
    if (request.actor) {
      await recordAudit(app.convene.db, request.actionContext(), { action: 'sign-out' });
    }
    await endSession(request, reply);
    return reply.redirect('/sign-in?signedOut=1');
  });
}
