import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { createOrganisation, createTeam, createUser } from '../../../../../test/support/factories.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';
import { users } from '../../../../db/schema/index.js';

describeEachEngine('the administrator adds a user', (engine) => {
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-10T10:00:00Z' });

  /** Every field of the new-user form, as an administrator types it. */
  const typed = (organisationId: string, teamId: string) => ({
    username: 'r.okafor-test',
    displayName: 'Rosa Okafor-Testington',
    jobTitle: 'Senior practitioner (test)',
    email: 'rosa.test@example.org',
    organisationId,
    teamId,
    roles: ['social-worker', 'team-manager'],
    temporaryPassword: 'a temporary passphrase',
  });

  it('creates the account with every detail typed, roles and team included, to be changed at first sign-in', async () => {
    const orgId = (await createOrganisation(db(), { kind: 'local-authority' })).id;
    const team = await createTeam(db(), orgId, 'Assessment team East');
    await createUser(db(), { roles: ['administrator'], username: 'ua-admin', organisationId: orgId });
    const admin = await signedIn('ua-admin');

    expect((await admin.get('/admin/users/new')).statusCode).toBe(200);
    const done = await admin.post('/admin/users/new', typed(orgId, team.id));
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/admin/users?created=1');

    const [row] = await db().select().from(users).where(eq(users.username, 'r.okafor-test'));
    expect(row).toMatchObject({
      displayName: 'Rosa Okafor-Testington', jobTitle: 'Senior practitioner (test)', email: 'rosa.test@example.org',
      organisationId: orgId, teamId: team.id, roles: ['social-worker', 'team-manager'], mustChangePassword: true, active: true,
    });
    expect(row!.passwordHash).not.toContain('a temporary passphrase');
    expect((await admin.get('/admin/users?created=1')).body).toContain('Rosa Okafor-Testington');
  });

  it('a refused form, by its own checks or by the action, comes back with every typed value in place and nothing saved', async () => {
    const orgId = (await createOrganisation(db(), { kind: 'local-authority' })).id;
    const team = await createTeam(db(), orgId, 'Court team West');
    await createUser(db(), { roles: ['administrator'], username: 'ua-admin-2', organisationId: orgId });
    await createUser(db(), { roles: ['chair'], username: 'taken-test', organisationId: orgId });
    const admin = await signedIn('ua-admin-2');
    await admin.get('/admin/users/new');

    const keptEverything = (body: string, username: string) => {
      expect(body).toContain(`value="${username}"`);
      expect(body).toContain('value="Rosa Okafor-Testington"');
      expect(body).toContain('value="Senior practitioner (test)"');
      expect(body).toContain('value="rosa.test@example.org"');
      expect(body).toMatch(new RegExp(`value="${orgId}" selected`));
      expect(body).toMatch(new RegExp(`value="${team.id}" selected`));
      expect(body).toMatch(/value="social-worker" checked/);
      expect(body).toMatch(/value="team-manager" checked/);
      expect(body).not.toMatch(/value="chair" checked/);
    };

    const form = { ...typed(orgId, team.id), username: 'j.mensah-test' };
    const tooShort = await admin.post('/admin/users/new', { ...form, temporaryPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Password must be at least 12 characters');
    keptEverything(tooShort.body, 'j.mensah-test');

    const clash = await admin.post('/admin/users/new', { ...form, username: 'Taken-Test' });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('That username is already taken');
    keptEverything(clash.body, 'Taken-Test');

    expect(await db().$count(users, eq(users.organisationId, orgId))).toBe(2);
  });
});
