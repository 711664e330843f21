import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { meetingViews } from '../../../../db/schema/index.js';
import { TestClock } from '../../../../../test/support/app.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { attendanceByName, contextFor, createMeetingFixture, meetingUnderWay } from '../../../../../test/support/meeting-factory.js';
import { saveView } from '../../../../modules/meeting/save-view.js';
import { saveAttendance } from '../../../../modules/meeting/save-attendance.js';

describeEachEngine('a child’s views grid (issue 14, DC2)', (engine) => {
  const clock = new TestClock(new Date('2026-03-02T10:20:00Z'));
  const { db, signedIn } = signedInApp(engine, { clock });

  const viewsOf = async (conferenceId: string) => new Map((await db().select().from(meetingViews).where(eq(meetingViews.conferenceId, conferenceId))).map((v) => [v.name, v]));

  /** A meeting under way, who is there by name, and the address of Alpha's views grid. */
  async function gridUnderWay() {
    const f = await createMeetingFixture(db());
    const { minuteTaker: asMinuteTaker } = await meetingUnderWay(db(), f);
    const people = await attendanceByName(db(), f.conferenceId);
    return { f, asMinuteTaker, person: (name: string) => people.get(name)!, url: `/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/views` };
  }

  it('shows a row per professional present, labelled with their name, and saves every view typed with one submit', async () => {
    const { f, person, url } = await gridUnderWay();
    const [sam, hana, pat] = ['Sam Sampleford', 'Hana Exampleton', 'Pat Placeholder'].map(person);
    const minuteTaker = await signedIn(f.minuteTaker);
    const page = await minuteTaker.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Each professional's view on Alpha Testington");
    expect(page.body).toContain('Does Hana Exampleton think a plan is needed?');
    expect(page.body).not.toContain('Does Demi Testington think'); // family members give no view here
    expect(page.body).not.toContain('govuk-error-message');
    const saved = await minuteTaker.post(url, {
      rows: [sam!.id, hana!.id, pat!.id],
      [`planNeeded-${sam!.id}`]: 'yes', [`categories-${sam!.id}`]: 'NEG', [`reasons-${sam!.id}`]: 'Ongoing neglect',
      [`planNeeded-${hana!.id}`]: 'no', [`reasons-${hana!.id}`]: 'Health needs are met',
      // Pat's row is left blank: no view is recorded for her.
    });
    expect(saved.statusCode).toBe(302);
    const views = await viewsOf(f.conferenceId);
    expect(views.size).toBe(2);
    expect(views.get('Sam Sampleford')).toMatchObject({ planNeeded: true, categories: ['NEG'], reasons: 'Ongoing neglect' });
    expect(views.get('Hana Exampleton')).toMatchObject({ planNeeded: false, categories: [] });
  });

  it('refuses the whole grid for one bad row, with the message beside it and every row as typed; a stale row is answered 409 beside that row', async () => {
    const { f, asMinuteTaker, person, url } = await gridUnderWay();
    const [sam, hana] = ['Sam Sampleford', 'Hana Exampleton'].map(person);
    const minuteTaker = await signedIn(f.minuteTaker);
    await minuteTaker.get(url);
    const bad = await minuteTaker.post(url, {
      rows: [sam!.id, hana!.id],
      [`planNeeded-${sam!.id}`]: 'yes', [`reasons-${sam!.id}`]: 'Sam typed this',
      [`planNeeded-${hana!.id}`]: 'no', [`reasons-${hana!.id}`]: 'Hana typed this',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(`href="#categories-${sam!.id}"`);
    expect(bad.body).toContain('Sam Sampleford: select the category they think applies');
    expect(bad.body).toContain('Hana typed this');
    expect((await viewsOf(f.conferenceId)).size).toBe(0);

    // Someone else records Hana's view after the grid was loaded with none... then changes it.
    const hanaView = await saveView(db(), asMinuteTaker, f.conferenceId, f.alphaId, null, { attendanceId: hana!.id, planNeeded: true, categories: ['PHY'], reasons: 'First' }, null);
    await minuteTaker.get(url);
    await saveView(db(), contextFor(f.chair, new Date('2026-03-02T10:12:00Z')), f.conferenceId, f.alphaId, hanaView, { attendanceId: hana!.id, planNeeded: true, categories: ['PHY'], reasons: 'The chair changed it' }, 1);
    const stale = await minuteTaker.post(url, {
      rows: [sam!.id, hana!.id],
      [`version-${hana!.id}`]: '1', [`planNeeded-${hana!.id}`]: 'no', [`reasons-${hana!.id}`]: 'Minute taker typed this',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Hana Exampleton&#39;s view was changed by Chris Chairington at 10:12');
    expect(stale.body).toContain(`id="planNeeded-${hana!.id}-error"`);
    expect(stale.body).toContain('Minute taker typed this');
    expect(stale.body).toContain(`name="version-${hana!.id}" value="2"`);
    expect((await viewsOf(f.conferenceId)).get('Hana Exampleton')?.reasons).toBe('The chair changed it');
  });

  it('a view someone else changed that this user left alone in the grid is no conflict: their change stands and this user’s rows are saved', async () => {
    const { f, asMinuteTaker, person, url } = await gridUnderWay();
    const [sam, hana] = ['Sam Sampleford', 'Hana Exampleton'].map(person);
    const hanaView = await saveView(db(), asMinuteTaker, f.conferenceId, f.alphaId, null, { attendanceId: hana!.id, planNeeded: true, categories: ['PHY'], reasons: 'First' }, null);
    const minuteTaker = await signedIn(f.minuteTaker);
    // The grid as loaded: Hana's row carries her view and its digest; the minute taker types Sam's view only.
    const page = await minuteTaker.get(url);
    const loaded = (id: string) => page.body.match(new RegExp(`name="loaded-${id}" value="([^"]*)"`))![1]!;
    // Meanwhile the chair changes Hana's view.
    await saveView(db(), contextFor(f.chair, new Date('2026-03-02T10:12:00Z')), f.conferenceId, f.alphaId, hanaView, { attendanceId: hana!.id, planNeeded: true, categories: ['PHY'], reasons: 'The chair changed it' }, 1);
    const saved = await minuteTaker.post(url, {
      rows: [sam!.id, hana!.id],
      [`version-${sam!.id}`]: '', [`loaded-${sam!.id}`]: loaded(sam!.id), [`planNeeded-${sam!.id}`]: 'no', [`reasons-${sam!.id}`]: 'Sam typed this',
      [`version-${hana!.id}`]: '1', [`loaded-${hana!.id}`]: loaded(hana!.id), [`planNeeded-${hana!.id}`]: 'yes', [`categories-${hana!.id}`]: 'PHY', [`reasons-${hana!.id}`]: 'First',
    });
    expect(saved.statusCode).toBe(302);
    const views = await viewsOf(f.conferenceId);
    expect(views.get('Hana Exampleton')?.reasons).toBe('The chair changed it');
    expect(views.get('Sam Sampleford')?.reasons).toBe('Sam typed this');
  });

  it('in Pan-Dorset counts the grid’s own rows towards one view per agency', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    await meetingUnderWay(db(), f);
    const people = await attendanceByName(db(), f.conferenceId);
    const sam = people.get('Sam Sampleford')!;
    const url = `/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/views`;
    const chair = await signedIn(f.chair);
    const page = await chair.get(url);
    expect(page.body).toContain('each agency gives one view');
    // A second social worker present (the same agency as Sam).
    const ctx = contextFor(f.minuteTaker);
    await saveAttendance(db(), ctx, f.conferenceId, null, { kind: 'professional', name: 'Sol Secondworker', agency: sam.agency as 'childrens-social-care', organisationName: null, role: 'Social worker', status: 'present', onBehalfOf: null, partsAttended: ['opening', 'information', 'decision'], directContactChildIds: [f.alphaId], writtenReportSubmitted: false, writtenReportPresented: false, supportsAttendanceId: null, recordScope: 'attended-part', recordScopeGrounds: null }, null);
    const sol = (await attendanceByName(db(), f.conferenceId)).get('Sol Secondworker')!;
    await chair.get(url);
    const refused = await chair.post(url, {
      rows: [sam.id, sol.id],
      [`planNeeded-${sam.id}`]: 'no', [`reasons-${sam.id}`]: 'One view',
      [`planNeeded-${sol.id}`]: 'no', [`reasons-${sol.id}`]: 'Another view',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('has already given its one view for this child (Sam Sampleford)');
  });
});
