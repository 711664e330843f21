import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { WebClient } from '../../../test/support/web-client.js';

// A form seen for the first time shows no error messages (a bug once rendered empty red ones).
describeEachEngine('forms on first view', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let admin: WebClient;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await testApp(database.handle);
    await createUser(database.handle.db, { roles: ['administrator'], username: 'admin' });
    admin = new WebClient(app);
    await admin.signIn('admin', TEST_PASSWORD);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it.each(['/admin/users/new', '/admin/teams', '/admin/calendar', '/account/password', '/deadlines/calculator'])('%s has no error message', async (url) => {
    const res = await admin.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('govuk-error-message');
    expect(res.body).not.toContain('govuk-form-group--error');
  });

  it('the sign-in page has none either, and shows them after a bad submit', async () => {
    const client = new WebClient(app);
    expect((await client.get('/sign-in')).body).not.toContain('govuk-error-message');
    const bad = await client.post('/sign-in', { username: '', password: '' });
    expect(bad.body).toContain('govuk-error-message');
  });
});
