import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { concludedMeeting, createMeetingFixture, type MeetingFixture, planDecision, VIEWS_AGAINST_A_PLAN } from '../../../../test/support/meeting-factory.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { meetingDecisions } from '../../../db/schema/index.js';

describeEachEngine('the senior managers’ review of an overrule (TS21)', (engine) => {
  const clock = new TestClock(new Date('2026-03-04T10:00:00Z'));
  let f: MeetingFixture;
  let decisionId: string;
  let sm: Awaited<ReturnType<typeof createUser>>;

  const { db, signedIn } = signedInApp(engine, { clock });
  beforeAll(async () => {
    f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    sm = await createUser(db(), { roles: ['service-manager'], organisationId: f.socialWorker.organisationId, username: `sm-${engine}`, email: `sm-${engine}@example.gov.uk` });
    await concludedMeeting(db(), f, {
      views: VIEWS_AGAINST_A_PLAN,
      decision: { ...planDecision(f, { categories: ['NEG'] }), overrule: true, overruleReasons: 'Alpha is left unprotected' },
    });
    decisionId = (await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId)))[0]!.id;
  });

  it('the service manager finds it on their home page, a refused review keeps what was typed, and a further conference is requested', async () => {
    const client = await signedIn(sm.username);
    const home = await client.get('/');
    expect(home.body).toContain(`/overrules/${decisionId}`);
    const page = await client.get(`/overrules/${decisionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Alpha is left unprotected');
    const refused = await client.post(`/overrules/${decisionId}`, { outcome: '', reasons: 'Spoke with the police and health managers' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Say whether a further conference is needed');
    expect(refused.body).toContain('Spoke with the police and health managers');
    const done = await client.post(`/overrules/${decisionId}`, { outcome: 'further-conference', reasons: 'Spoke with the police and health managers' });
    expect(done.statusCode).toBe(302);
    const [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId));
    expect(row).toMatchObject({ overruleReviewOutcome: 'further-conference', overruleReviewedBy: sm.id });
    expect(row!.furtherConferenceId).not.toBeNull();
    const after = await client.get(`/overrules/${decisionId}`);
    expect(after.body).toContain(`/conferences/${row!.furtherConferenceId}`);
    expect(after.body).not.toContain('Record the review');
  });

  it('refuses anyone who is not a service manager', async () => {
    for (const user of [f.socialWorker, f.chair, f.minuteTaker]) {
      const client = await signedIn(user.username);
      expect((await client.get(`/overrules/${decisionId}`)).statusCode).toBe(403);
    }
  });
});
