import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';

describeEachEngine('the working-day calendar page', (engine) => {
  const { sessionOf } = signedInApp(engine, { at: '2026-03-02T10:00:00Z', staff: { admin: ['administrator'] } });
  const admin = sessionOf('admin');

  it('a refused bank-holidays import comes back with the importer’s message against the box and the document as pasted', async () => {
    await admin().get('/admin/calendar');
    const pasted = 'scotland typed-by-hand not the official file';
    const refused = await admin().post('/admin/calendar/import', { document: pasted });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#document"');
    expect(refused.body).toMatch(new RegExp(`name="document"[^>]*>${pasted}</textarea>`));
    expect(refused.body).not.toContain('Check the calendar changes');
  });
});
