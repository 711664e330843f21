import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents, people, sessions, teams, users } from '../../../db/schema/index.js';
import { sweepExpiredSessions } from '../../setup/sessions.js';
import { totpCodeAt } from '../../../modules/accounts/two-factor.js';
import { ROLE_IDS } from '../../../policies/roles.js';
import { testApp, TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { suiteDatabase } from '../../../../test/support/suite-database.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';

describeEachEngine('accounts and sessions', (engine) => {
  const suite = suiteDatabase(engine);
  let app: FastifyInstance;
  const clock = new TestClock();
  let orgId: string;

  beforeAll(async () => {
    app = await testApp(suite.handle(), { clock });
    orgId = (await createOrganisation(suite.db())).id;
    for (const role of ROLE_IDS) await createUser(suite.db(), { roles: [role], username: role, organisationId: orgId });
  });
  afterAll(async () => {
    await app.close();
  });

  it.each(ROLE_IDS)('signs in and out as %s', async (role) => {
    const client = new WebClient(app);
    const res = await client.signIn(role, TEST_PASSWORD);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const home = await client.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Your work');
    const out = await client.post('/sign-out', {});
    expect(out.headers.location).toContain('/sign-in');
    expect((await client.get('/')).statusCode).toBe(302);
  });

  it('refuses a wrong password with a clear message and records the failure', async () => {
    const client = new WebClient(app);
    const res = await client.signIn('chair', 'not the password');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Enter a correct username and password');
    const rows = await suite.db().select().from(auditEvents).where(eq(auditEvents.action, 'sign-in'));
    expect(rows.some((r) => r.outcome === 'failure' && r.username === 'chair')).toBe(true);
  });

  it('re-renders the form with field errors when fields are empty', async () => {
    const client = new WebClient(app);
    await client.get('/sign-in');
    const res = await client.post('/sign-in', { username: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('Enter your username');
    expect(res.body).toContain('Enter your password');
  });

  it('locks an account after 5 failures, refuses the right password, and an administrator unlocks it', async () => {
    const victim = await createUser(suite.db(), { roles: ['social-worker'], username: 'lockme', organisationId: orgId });
    const client = new WebClient(app);
    for (let i = 0; i < 4; i += 1) expect((await client.signIn('lockme', 'wrong')).statusCode).toBe(401);
    const fifth = await client.signIn('lockme', 'wrong');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.body).toContain('This account is locked');
    const right = await client.signIn('lockme', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);

    const admin = new WebClient(app);
    await admin.signIn('administrator', TEST_PASSWORD);
    await admin.get(`/admin/users/${victim.id}`);
    expect(admin.lastBody).toContain('Unlock account');
    await admin.post(`/admin/users/${victim.id}/unlock`, {});
    expect((await client.signIn('lockme', TEST_PASSWORD)).statusCode).toBe(302);
  });

  it('refuses a state-changing request without the CSRF token and writes nothing', async () => {
    const admin = new WebClient(app);
    await admin.signIn('administrator', TEST_PASSWORD);
    await admin.get('/admin/teams');
    const before = await suite.db().select().from(teams);
    const missing = await admin.post('/admin/teams', { organisationId: orgId, name: 'Sneaky team' }, { csrf: null });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Your form could not be sent');
    const wrong = await admin.post('/admin/teams', { organisationId: orgId, name: 'Sneaky team' }, { csrf: 'forged' });
    expect(wrong.statusCode).toBe(403);
    expect(await suite.db().select().from(teams)).toHaveLength(before.length);
    const ok = await admin.post('/admin/teams', { organisationId: orgId, name: 'Real team' });
    expect(ok.statusCode).toBe(200);
    expect(await suite.db().select().from(teams)).toHaveLength(before.length + 1);
  });

  it('gives a new session id at sign-in (no session fixation)', async () => {
    const client = new WebClient(app);
    await client.signIn('team-manager', TEST_PASSWORD);
    const before = client.cookies.get('convene_session');
    expect(before).toBeTruthy();
    await client.get('/'); // the signed-in session's form token
    await client.post('/sign-in', { username: 'chair', password: TEST_PASSWORD });
    const after = client.cookies.get('convene_session');
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    // The old id no longer works.
    const attacker = new WebClient(app);
    attacker.cookies.set('convene_session', before!);
    expect((await attacker.get('/')).statusCode).toBe(302);
  });

  it('keeps no session row for a visitor who is not signed in; the sign-in form carries its own CSRF token', async () => {
    const count = async () => (await suite.db().select().from(sessions)).length;
    const rows = await count();
    const client = new WebClient(app);
    for (let i = 0; i < 3; i += 1) expect((await client.get('/sign-in')).statusCode).toBe(200);
    expect(client.cookies.has('convene_session')).toBe(false);
    expect(client.csrf).toBeTruthy();
    expect(await count()).toBe(rows);
    // The token is checked against the signed cookie: a forged one, or none, is refused.
    expect((await client.post('/sign-in', { username: 'chair', password: TEST_PASSWORD }, { csrf: 'forged' })).statusCode).toBe(403);
    const stranger = new WebClient(app);
    expect((await stranger.post('/sign-in', { username: 'chair', password: TEST_PASSWORD }, { csrf: client.csrf })).statusCode).toBe(403);
    expect(await count()).toBe(rows);
    const signed = await client.post('/sign-in', { username: 'chair', password: TEST_PASSWORD });
    expect(signed.statusCode).toBe(302);
    expect(await count()).toBe(rows + 1);
  });

  it('serves each visitor the same sign-in page rendered once, with their own token in it (issue 16)', async () => {
    const first = new WebClient(app);
    const second = new WebClient(app);
    const a = await first.get('/sign-in');
    const b = await second.get('/sign-in');
    expect(first.csrf).toBeTruthy();
    expect(second.csrf).toBeTruthy();
    expect(first.csrf).not.toBe(second.csrf);
    expect(a.body.replaceAll(first.csrf!, 'TOKEN')).toBe(b.body.replaceAll(second.csrf!, 'TOKEN'));
    expect(a.body).not.toContain('PLACEHOLDER');
    // The page after signing out says so, and a page to return to is kept: each its own rendering.
    const ended = await new WebClient(app).get('/sign-in?ended=1');
    expect(ended.body).not.toBe(a.body);
    expect(ended.body).toContain('signed out');
    const back = await new WebClient(app).get('/sign-in?next=%2Fplans');
    expect(back.body).toContain('value="/plans"');
    // Each visitor's own token signs them in.
    expect((await second.post('/sign-in', { username: 'chair', password: TEST_PASSWORD })).statusCode).toBe(302);
  });

  it('writes last_seen_at at most once a minute, and deletes expired sessions on its sweep', async () => {
    const client = new WebClient(app);
    await client.signIn('service-manager', TEST_PASSWORD);
    const lastSeen = async () => {
      const all = await suite.db().select().from(sessions);
      return all.map((r) => r.lastSeenAt.getTime()).sort((a, b) => b - a)[0];
    };
    const signedInAt = clock.current.getTime();
    expect(await lastSeen()).toBe(signedInAt);
    clock.advanceMinutes(0.5);
    expect((await client.get('/')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(signedInAt);
    clock.advanceMinutes(0.5);
    expect((await client.get('/')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(clock.current.getTime());

    const live = (await suite.db().select().from(sessions)).length;
    expect(live).toBeGreaterThan(0);
    clock.advanceMinutes(31);
    expect(await sweepExpiredSessions(app)).toBe(live);
    expect(await suite.db().select().from(sessions)).toHaveLength(0);
  });

  it('ends a session after 30 idle minutes but not before', async () => {
    const client = new WebClient(app);
    await client.signIn('team-manager', TEST_PASSWORD);
    clock.advanceMinutes(29);
    expect((await client.get('/')).statusCode).toBe(200);
    clock.advanceMinutes(31);
    const res = await client.get('/');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toContain('/sign-in');
  });

  it('ends a session 12 hours after sign-in even when active', async () => {
    const client = new WebClient(app);
    await client.signIn('team-manager', TEST_PASSWORD);
    for (let i = 0; i < 24; i += 1) {
      clock.advanceMinutes(29);
      expect((await client.get('/')).statusCode).toBe(200);
    }
    clock.advanceMinutes(29);
    expect((await client.get('/')).statusCode).toBe(302);
  });

  it('enrols a TOTP app, then asks for a code at sign-in and accepts a recovery code once', async () => {
    await createUser(suite.db(), { roles: ['chair'], username: 'totp-user', organisationId: orgId });
    const client = new WebClient(app);
    await client.signIn('totp-user', TEST_PASSWORD);
    const page = await client.get('/account/two-factor');
    const secret = /data-testid="totp-secret">([A-Z2-7]+)</.exec(page.body)?.[1];
    expect(secret).toBeTruthy();
    const bad = await client.post('/account/two-factor', { code: '000000' === totpCodeAt(secret!, clock.current) ? '111111' : '000000' });
    expect(bad.statusCode).toBe(400);
    const done = await client.post('/account/two-factor', { code: totpCodeAt(secret!, clock.current) });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([0-9a-f]{5}-[0-9a-f]{5})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    await client.post('/sign-out', {});
    const [stored] = await suite.db().select().from(users).where(eq(users.username, 'totp-user'));
    expect(stored?.totpSecret?.startsWith('enc:v1:')).toBe(true);
    expect(stored?.totpSecret).not.toContain(secret!);

    // The enrolment code is used up: the same code at sign-in is refused, the next one works.
    const replay = new WebClient(app);
    await replay.signIn('totp-user', TEST_PASSWORD);
    await replay.get('/sign-in/two-factor');
    const replayed = await replay.post('/sign-in/two-factor', { code: totpCodeAt(secret!, clock.current) });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.body).toContain('has been used already');
    clock.advanceMinutes(1);

    const second = new WebClient(app);
    const step1 = await second.signIn('totp-user', TEST_PASSWORD);
    expect(step1.headers.location).toBe('/sign-in/two-factor');
    expect((await second.get('/')).statusCode).toBe(302); // not signed in yet
    await second.get('/sign-in/two-factor');
    expect((await second.post('/sign-in/two-factor', { code: '12345' })).statusCode).toBe(401);
    const ok = await second.post('/sign-in/two-factor', { code: totpCodeAt(secret!, clock.current) });
    expect(ok.statusCode).toBe(302);
    expect((await second.get('/')).statusCode).toBe(200);

    const third = new WebClient(app);
    await third.signIn('totp-user', TEST_PASSWORD);
    await third.get('/sign-in/two-factor');
    expect((await third.post('/sign-in/two-factor', { code: codes[0]! })).statusCode).toBe(302);
    const fourth = new WebClient(app);
    await fourth.signIn('totp-user', TEST_PASSWORD);
    await fourth.get('/sign-in/two-factor');
    expect((await fourth.post('/sign-in/two-factor', { code: codes[0]! })).statusCode).toBe(401);
  });

  it('requires the second factor in production: sign-in leads to enrolment first', async () => {
    const prod = await testApp(suite.handle(), { clock, env: { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40), CONVENE_ENCRYPTION_KEY: 'ab'.repeat(32) } });
    try {
      await createUser(suite.db(), { roles: ['auditor'], username: 'prod-user', organisationId: orgId });
      const client = new WebClient(prod);
      const res = await client.signIn('prod-user', TEST_PASSWORD);
      expect(res.headers.location).toBe('/account/two-factor');
      expect((await client.get('/')).statusCode).toBe(302);
      expect((await client.get('/account/two-factor')).statusCode).toBe(200);
    } finally {
      await prod.close();
    }
  });

  it.each(ROLE_IDS.filter((r) => r !== 'administrator'))('refuses the admin pages to %s with 403', async (role) => {
    const client = new WebClient(app);
    await client.signIn(role, TEST_PASSWORD);
    const res = await client.get('/admin/users');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('You do not have permission');
  });

  it('deactivating a user ends their session at once', async () => {
    const target = await createUser(suite.db(), { roles: ['enquirer'], username: 'leaver', organisationId: orgId });
    const client = new WebClient(app);
    await client.signIn('leaver', TEST_PASSWORD);
    expect((await client.get('/')).statusCode).toBe(200);
    const admin = new WebClient(app);
    await admin.signIn('administrator', TEST_PASSWORD);
    await admin.get(`/admin/users/${target.id}`);
    const res = await admin.post(`/admin/users/${target.id}`, {
      displayName: 'Leaver', organisationId: orgId, roles: ['enquirer'], active: 'no',
    });
    expect(res.statusCode).toBe(302);
    expect((await client.get('/')).statusCode).toBe(302);
    const [row] = await suite.db().select().from(users).where(eq(users.id, target.id));
    expect(row?.active).toBe(false);
  });

  it('after sign-in goes only to a path on this site: the reported redirects lead home, and never a 500', async () => {
    const hostile = ['/\t/evil.example', '//evil.example', 'https://evil.example', '/\\evil.example', '/\n/evil', '/x\r\nLocation: https://evil.example'];
    for (const next of hostile) {
      const client = new WebClient(app);
      await client.get(`/sign-in?next=${encodeURIComponent(next)}`);
      const res = await client.post('/sign-in', { username: 'chair', password: TEST_PASSWORD, next });
      expect(res.statusCode, next).toBe(302);
      expect(res.headers.location, next).toBe('/');
    }
    const client = new WebClient(app);
    const page = await client.get('/sign-in?next=%2F%09%2Fevil.example');
    expect(page.statusCode).toBe(200);
    const res = await client.post('/sign-in', { username: 'chair', password: TEST_PASSWORD, next: '/people/search?q=a' });
    expect(res.headers.location).toBe('/people/search?q=a');
  });

  it('changing your password ends your other sessions, and keeps you signed in on a new one', async () => {
    await createUser(suite.db(), { roles: ['social-worker'], username: 'changer', organisationId: orgId });
    const laptop = new WebClient(app);
    const phone = new WebClient(app);
    await laptop.signIn('changer', TEST_PASSWORD);
    await phone.signIn('changer', TEST_PASSWORD);
    expect((await phone.get('/')).statusCode).toBe(200);
    await laptop.get('/account/password');
    const done = await laptop.post('/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'a whole new passphrase 42', confirmPassword: 'a whole new passphrase 42' });
    expect(done.statusCode).toBe(200);
    expect((await laptop.get('/')).statusCode).toBe(200);
    const phoneAfter = await phone.get('/');
    expect(phoneAfter.statusCode).toBe(302);
    expect(phoneAfter.headers.location).toContain('/sign-in');
    const [audit] = await suite.db().select().from(auditEvents).where(eq(auditEvents.action, 'password-changed'));
    expect(audit?.details).toMatchObject({ sessionsEnded: 2 });
  });

  it('a temporary password must be changed before any other page, on every route', async () => {
    await createUser(suite.db(), { roles: ['social-worker'], username: 'temporary', organisationId: orgId, mustChangePassword: true });
    const client = new WebClient(app);
    const res = await client.signIn('temporary', TEST_PASSWORD);
    expect(res.headers.location).toBe('/account/password');
    for (const url of ['/', '/people/search', '/people/search?q=a', '/account', '/account/two-factor', '/audit']) {
      const page = await client.get(url);
      expect(page.statusCode, url).toBe(302);
      expect(page.headers.location, url).toBe('/account/password');
    }
    await client.get('/account/password');
    const before = await suite.db().$count(people);
    const post = await client.post('/people/new', { givenNames: 'Synthetic', familyName: 'Person' });
    expect(post.statusCode).toBe(302);
    expect(post.headers.location).toBe('/account/password');
    expect(await suite.db().$count(people)).toBe(before);
    const page = await client.get('/account/password');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('temporary password');
    await client.post('/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'my own passphrase 2026', confirmPassword: 'my own passphrase 2026' });
    expect((await client.get('/people/search')).statusCode).toBe(200);
  });
});
