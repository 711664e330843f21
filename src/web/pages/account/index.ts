import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { loadAccount } from '../../../modules/accounts/load-account.js';
import { changeOwnPassword } from '../../../modules/accounts/change-own-password.js';
import { openSecret, SecretBoxError, sealSecret } from '../../../modules/accounts/secret-box.js';
import { enableTwoFactor, enrolmentContext, newTotpSecret, totpUri } from '../../../modules/accounts/two-factor.js';
import { updateSessionData } from '../../../modules/accounts/session-store.js';
import { mayManageOwnAccount } from '../../../policies/accounts.js';
import { rotateSession } from '../../setup/sessions.js';
import { changePasswordForm, enrolForm } from './form.js';
import { submitShowingValues } from '../../forms/run-action.js';

/** The user enrolling: signed in, or password-accepted and required to enrol (production). */
function enrollingUserId(request: FastifyRequest): string | null {
  if (request.actor) return request.actor.id;
  return request.session?.data.enrolRequired ? (request.session.pendingUserId ?? null) : null;
}

export default function accountPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get('/account', { config: { access: mayManageOwnAccount } }, async (request, reply) => {
    const user = await loadAccount(db, request.actor!.id);
    return reply.view('account/page.njk', { title: 'Your account', user, backLink: { href: '/', text: 'Back to your work' } });
  });

  app.get('/account/password', { config: { access: mayManageOwnAccount } }, async (request, reply) => {
    const user = await loadAccount(db, request.actor!.id);
    return reply.view('account/password.njk', { title: 'Change your password', mustChange: user?.mustChangePassword, backLink: { href: '/account' } });
  });

  app.post('/account/password', { config: { access: mayManageOwnAccount } }, async (request, reply) => {
    return submitShowingValues(reply, changePasswordForm, (data) => changeOwnPassword(db, request.actionContext(), data), {
      again: ({ errors }) => reply.view('account/password.njk', { title: 'Change your password', errors, backLink: { href: '/account' } }),
      done: async () => {
        // A new session id after a credential change, so an old stolen cookie stops working.
        await rotateSession(request, reply, { userId: request.actor!.id });
        return reply.view('account/done.njk', { title: 'Your password has been changed' });
      },
    });
  });

  app.get('/account/two-factor', { config: { access: 'pending-second-factor' } }, async (request, reply) => {
    const userId = enrollingUserId(request);
    if (!userId || !request.session) return reply.redirect('/sign-in');
    const user = await loadAccount(db, userId);
    if (!user) return reply.redirect('/sign-in');
    const secret = newTotpSecret();
    // Kept in the session only sealed, so the sessions table never holds a usable seed.
    await updateSessionData(db, request.session.idHash, { ...request.session.data, totpSecret: sealSecret(secret, app.convene.encryptionKey, enrolmentContext(userId)) });
    const qr = await QRCode.toDataURL(totpUri(secret, user.username), { margin: 1, width: 220 });
    return reply.view('account/two-factor.njk', {
      title: 'Set up your authenticator app', qr, secret, alreadyEnabled: Boolean(user.totpEnabledAt),
      required: Boolean(request.session.data.enrolRequired), backLink: request.actor ? { href: '/account' } : null,
    });
  });

  app.post('/account/two-factor', { config: { access: 'pending-second-factor' } }, async (request, reply) => {
    const userId = enrollingUserId(request);
    const sealed = request.session?.data.totpSecret;
    if (!userId || typeof sealed !== 'string') return reply.redirect('/account/two-factor');
    let secret: string;
    try {
      secret = openSecret(sealed, app.convene.encryptionKey, enrolmentContext(userId));
    } catch (error) {
      if (error instanceof SecretBoxError) return reply.redirect('/account/two-factor');
      throw error;
    }
    return submitShowingValues(reply, enrolForm, (data) => enableTwoFactor(db, { ...request.actionContext(), actor: request.actor }, userId, secret, data.code, app.convene.encryptionKey), {
      again: async ({ errors }) => {
        const user = await loadAccount(db, userId);
        const qr = await QRCode.toDataURL(totpUri(secret, user?.username ?? ''), { margin: 1, width: 220 });
        return reply.view('account/two-factor.njk', { title: 'Set up your authenticator app', qr, secret, errors, backLink: request.actor ? { href: '/account' } : null });
      },
      done: async (codes) => {
        const next = typeof request.session?.data.next === 'string' ? request.session.data.next : '/';
        await rotateSession(request, reply, { userId });
        return reply.view('account/recovery-codes.njk', { title: 'Save your recovery codes', codes, next });
      },
    });
  });
}
