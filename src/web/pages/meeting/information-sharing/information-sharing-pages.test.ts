import { beforeAll, expect, it } from 'vitest';
import { heldConferenceWithPolice } from '../../../../modules/meeting/information-sharing-fixture.test-support.js';
import { loadInformationSharing } from '../../../../modules/meeting/information-sharing.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { createUser } from '../../../../../test/support/factories.js';
import type { MeetingFixture } from '../../../../../test/support/meeting-factory.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';

describeEachEngine('RC6 pages', (engine) => {
  let f: MeetingFixture;
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-02T12:00:00Z' });
  beforeAll(async () => {
    f = await heldConferenceWithPolice(db());
    await createUser(db(), { roles: ['chair'], username: 'rc6-other-chair', organisationId: f.chair.organisationId });
  });

  it('the chair is refused approval until the decision is recorded; a refusal of consent without reasons keeps every value; then the record can be approved', async () => {
    const chair = await signedIn(f.chair.username);
    const recordPage = await chair.get(`/conferences/${f.conferenceId}/record`);
    expect(recordPage.body).toContain('Needed before approval');
    expect(recordPage.body).toContain(`/conferences/${f.conferenceId}/information-sharing`);
    const version = /name="version" value="(\d+)"/.exec(recordPage.body)?.[1] ?? '1';
    const blocked = await chair.post(`/conferences/${f.conferenceId}/record/approve`, { version });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.body).toContain('The police took part: record what information will be shared');

    const url = `/conferences/${f.conferenceId}/information-sharing`;
    expect((await chair.get(url)).statusCode).toBe(200);
    const typed = {
      withPolice: 'The decision and the plan.', withFamily: 'That a visitor is under investigation.', withheld: 'Who made the allegation.',
      consent: 'refused', consentFrom: 'Demi Testington', shareAnyway: '', shareAnywayReasons: '', policeConsulted: '', version: '0',
    };
    const refused = await chair.post(url, typed);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Consent was refused: decide whether the information must be shared anyway to protect the child');
    expect(refused.body).toContain('Give the reasons for sharing, or not sharing, without consent');
    expect(refused.body).toContain('That a visitor is under investigation.');
    expect(refused.body).toContain('value="Demi Testington"');
    expect(refused.body).toMatch(/value="refused" checked/);
    const saved = await chair.post(url, { ...typed, shareAnyway: 'no', shareAnywayReasons: 'The plan keeps Alpha safe without it; sharing would alert the suspect.' });
    expect(saved.statusCode).toBe(302);
    expect(await loadInformationSharing(db(), f.conferenceId)).toMatchObject({ consent: 'refused', shareAnyway: false });
    expect((await chair.get(`/conferences/${f.conferenceId}/record`)).body).toContain('The decision on what is shared with the police and the family is recorded.');
    expect((await chair.post(`/conferences/${f.conferenceId}/record/approve`, { version })).statusCode).toBe(302);
  });

  it('refuses a chair who does not chair this conference', async () => {
    const other = await signedIn('rc6-other-chair');
    expect((await other.get(`/conferences/${f.conferenceId}/information-sharing`)).statusCode).toBe(403);
    expect((await other.post(`/conferences/${f.conferenceId}/information-sharing`, { withPolice: 'x', withFamily: 'y', consent: 'given', consentFrom: 'z', version: '0' })).statusCode).toBe(403);
  });
});
