import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { section47OutcomeShares, users } from '../../../../db/schema/index.js';
import { createSharingFixture } from '../../../../modules/front-door/section-47-sharing-fixture.test-support.js';
import { recordSection47Outcome } from '../../../../modules/front-door/record-section-47-outcome.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { createOrganisation } from '../../../../../test/support/factories.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';

const NOW = new Date('2026-03-09T10:00:00Z');

describeEachEngine('FD6 pages', (engine) => {
  let f: Awaited<ReturnType<typeof createSharingFixture>>;
  const { db, signedIn } = signedInApp(engine, { at: NOW });
  beforeAll(async () => {
    f = await createSharingFixture(db(), (await createOrganisation(db())).id, new Date('2026-03-06T12:00:00Z'));
    await db().update(users).set({ displayName: 'Sam Sampleford' }).where(eq(users.id, f.worker.id));
    await recordSection47Outcome(db(), f.sw(), f.enquiryId, { outcome: 'continuing-risk', reasons: 'Unexplained injuries.', icpcNotRequired: false });
  });

  it('the social worker shares the outcome from their list: judges the child, is refused with every value kept, records each parent, and the item goes', async () => {
    const sw = await signedIn(f.worker.username);
    const page = `/section-47/${f.enquiryId}/sharing`;
    expect((await sw.get(`/section-47/${f.enquiryId}`)).body).toContain(page);
    const home = await sw.get('/');
    expect(home.body).toContain('Share the section 47 outcome with the family: Alpha Testington');
    expect(home.body).toContain(page);

    const overview = await sw.get(page);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Alpha Testington is 11 years old');
    expect(overview.body).toContain('Demi Testington (mother)');
    expect(overview.body).not.toContain('Ada Testington');

    const vague = await sw.post(`${page}/child`, { understands: 'yes', reasons: '' });
    expect(vague.statusCode).toBe(400);
    expect(vague.body).toContain('Give the reasons for your judgement');
    expect((await sw.post(`${page}/child`, { understands: 'no', reasons: 'Too upset to take it in this week.' })).statusCode).toBe(302);
    expect((await sw.get(page)).body).toContain('No: Too upset to take it in this week.');

    const mother = `${page}/${f.mother.id}`;
    const form = await sw.get(mother);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/value="translated" checked/);
    expect(form.body).toContain('value="Polish"');
    const pdf = await sw.get(`${mother}/family-copy.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const typed = { method: 'other', methodDetail: '', format: 'translated', language: 'Polish', interpreter: 'yes', sharedOn: '2026-03-09' };
    const refused = await sw.post(mother, typed);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Say how the record was shared');
    expect(refused.body).toContain('value="Polish"');
    expect(refused.body).toMatch(/value="other" checked/);
    expect((await sw.post(mother, { ...typed, methodDetail: 'Read to her at home with a Polish interpreter' })).statusCode).toBe(302);
    expect((await sw.post(`${page}/${f.father.id}`, { method: 'letter', format: 'standard', language: 'English', sharedOn: '2026-03-09' })).statusCode).toBe(302);
    const rows = await db().select().from(section47OutcomeShares).where(eq(section47OutcomeShares.enquiryId, f.enquiryId));
    expect(rows.map((r) => [r.personId, r.method, r.interpreter]).sort()).toEqual([[f.mother.id, 'other', true], [f.father.id, 'letter', false]].sort());
    expect((await sw.get('/')).body).not.toContain(page);
  });

  it('refuses a social worker who does not hold the child’s case', async () => {
    const stranger = await signedIn(f.stranger.username);
    expect((await stranger.get(`/section-47/${f.enquiryId}/sharing`)).statusCode).toBe(403);
    expect((await stranger.post(`/section-47/${f.enquiryId}/sharing/${f.mother.id}`, { method: 'letter', format: 'standard', language: 'English', sharedOn: '2026-03-09' })).statusCode).toBe(403);
  });
});
