import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { childRequestsNotFollowed, parentAdvocacy } from '../../../db/schema/index.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('IN10 pages', (engine) => {
  let m: MeetingFixture;
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-10T10:00:00Z' });
  beforeAll(async () => {
    m = await createMeetingFixture(db());
    await createUser(db(), { roles: ['social-worker'], username: 'in10-stranger', organisationId: m.socialWorker.organisationId });
  });

  it('the social worker records a request not followed, is refused with every value kept, then records it shared; and an advocate for the mother, followed up', async () => {
    const sw = await signedIn(m.socialWorker.username);
    expect((await sw.get(`/conferences/${m.conferenceId}/participation`)).body).toContain(`/conferences/${m.conferenceId}/child-voice`);
    const overview = await sw.get(`/conferences/${m.conferenceId}/child-voice`);
    expect(overview.statusCode).toBe(200);
    const newRequest = `/conferences/${m.conferenceId}/child-voice/children/${m.alphaId}/requests`;
    expect(overview.body).toContain(newRequest);

    for (const url of [newRequest, `/conferences/${m.conferenceId}/child-voice/advocacy/${m.invitationIds.mother}`]) {
      const first = await sw.get(url);
      expect(first.statusCode).toBe(200);
      expect(first.body).not.toContain('govuk-error-message');
    }
    const typed = { request: 'To stop seeing the family support worker.', reasons: '', sharedWithChildOn: '', sharedHow: '', version: '0' };
    const refused = await sw.post(newRequest, typed);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Write why the request is not being followed');
    expect(refused.body).toContain('To stop seeing the family support worker.');
    expect((await sw.post(newRequest, { ...typed, reasons: 'The support worker is helping keep her safe at home.' })).statusCode).toBe(302);
    const [saved] = await db().select().from(childRequestsNotFollowed).where(eq(childRequestsNotFollowed.conferenceId, m.conferenceId));
    const edit = `/conferences/${m.conferenceId}/child-voice/requests/${saved!.id}`;
    expect((await sw.get('/')).body).toContain(edit);
    expect((await sw.get(`/conferences/${m.conferenceId}/child-voice`)).body).toContain('Reasons not yet explained to the child');

    const future = await sw.post(edit, { ...typed, reasons: saved!.reasons, sharedWithChildOn: '2026-03-11', sharedHow: 'At home with her mum.', version: '1' });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('today or in the past');
    expect(future.body).toContain('At home with her mum.');
    expect((await sw.post(edit, { ...typed, reasons: saved!.reasons, sharedWithChildOn: '2026-03-09', sharedHow: 'At home with her mum.', version: '1' })).statusCode).toBe(302);
    expect((await sw.get(`/conferences/${m.conferenceId}/child-voice`)).body).toContain('Explained to Alpha Testington on 9 March 2026: At home with her mum.');
    expect((await sw.get('/')).body).not.toContain(edit);

    const advocate = `/conferences/${m.conferenceId}/child-voice/advocacy/${m.invitationIds.mother}`;
    const noNeed = await sw.post(advocate, { decision: 'not-referred', reasons: 'She has a friend to support her.', version: '0' });
    expect(noNeed.statusCode).toBe(400);
    expect(noNeed.body).toContain('Say whether the parent has a learning disability or a mental health need');
    expect(noNeed.body).toContain('She has a friend to support her.');
    expect((await sw.post(advocate, { need: 'mental-health', decision: 'referred', reasons: '', followUp: '', followedUpOn: '', version: '0' })).statusCode).toBe(302);
    expect((await sw.get('/')).body).toContain('Follow up the advocate referral for Demi Testington');
    expect((await sw.post(advocate, { need: 'mental-health', decision: 'referred', followUp: 'Advocate allocated.', followedUpOn: '2026-03-10', version: '1' })).statusCode).toBe(302);
    const [a] = await db().select().from(parentAdvocacy).where(eq(parentAdvocacy.invitationId, m.invitationIds.mother));
    expect(a).toMatchObject({ mentalHealthNeed: true, decision: 'referred', followedUpOn: '2026-03-10' });
    expect((await sw.get('/')).body).not.toContain('Follow up the advocate referral for Demi Testington');
  });

  it('refuses a social worker who holds none of the children’s cases', async () => {
    const stranger = await signedIn('in10-stranger');
    expect((await stranger.get(`/conferences/${m.conferenceId}/child-voice`)).statusCode).toBe(403);
  });
});
