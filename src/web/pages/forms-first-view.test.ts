import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { WebClient } from '../../../test/support/web-client.js';
import { signedInApp } from '../../../test/support/signed-in-app.js';

// A form seen for the first time shows no error messages (a bug once rendered empty red ones).
describeEachEngine('forms on first view', (engine) => {
  const { app, sessionOf } = signedInApp(engine, { staff: { admin: ['administrator'] } });
  const admin = sessionOf('admin');

  it.each(['/admin/users/new', '/admin/teams', '/admin/calendar', '/account/password', '/deadlines/calculator'])('%s has no error message', async (url) => {
    const res = await admin().get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('govuk-error-message');
    expect(res.body).not.toContain('govuk-form-group--error');
  });

  it('the sign-in page has none either, and shows them after a bad submit', async () => {
    const client = new WebClient(app());
    expect((await client.get('/sign-in')).body).not.toContain('govuk-error-message');
    const bad = await client.post('/sign-in', { username: '', password: '' });
    expect(bad.body).toContain('govuk-error-message');
  });
});
