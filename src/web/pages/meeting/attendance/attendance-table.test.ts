import { expect, it } from 'vitest';
import { TestClock } from '../../../../../test/support/app.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { attendanceByName, contextFor, createMeetingFixture, markPresent } from '../../../../../test/support/meeting-factory.js';
import { openMeeting } from '../../../../modules/meeting/open-meeting.js';

/** The form the table sends: every row as it is stored, with `change` applied to some. */
async function tableForm(db: Parameters<typeof attendanceByName>[0], conferenceId: string, change: Record<string, Record<string, string | string[]>> = {}) {
  const people = await attendanceByName(db, conferenceId);
  const form: Record<string, string | string[]> = { rows: [...people.values()].map((p) => p.id) };
  for (const p of people.values()) {
    form[`version-${p.id}`] = String(p.version);
    form[`status-${p.id}`] = p.status;
    form[`partsAttended-${p.id}`] = [...p.partsAttended];
    form[`directContactChildIds-${p.id}`] = [...p.directContactChildIds];
    form[`onBehalfOf-${p.id}`] = p.onBehalfOf ?? '';
    if (p.writtenReportSubmitted) form[`writtenReportSubmitted-${p.id}`] = 'yes';
    if (p.writtenReportPresented) form[`writtenReportPresented-${p.id}`] = 'yes';
    Object.assign(form, Object.fromEntries(Object.entries(change[p.name] ?? {}).map(([k, v]) => [`${k}-${p.id}`, v])));
  }
  return { form, people };
}

describeEachEngine('the attendance table (issue 14)', (engine) => {
  const clock = new TestClock(new Date('2026-03-02T10:20:00Z'));
  const { db, signedIn } = signedInApp(engine, { clock });

  /** A meeting opened by its minute taker, who is signed in, and the address of its attendance table. */
  async function tableOpen() {
    const f = await createMeetingFixture(db());
    await openMeeting(db(), contextFor(f.minuteTaker), f.conferenceId);
    return { f, minuteTaker: await signedIn(f.minuteTaker), url: `/conferences/${f.conferenceId}/meeting/attendance` };
  }

  it('shows every invitee in one labelled table, and saves several rows with one submit (CF3)', async () => {
    const { f, minuteTaker, url } = await tableOpen();
    const page = await minuteTaker.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Who is here');
    expect(page.body).toContain('scope="row"');
    expect(page.body).toContain('Attendance of Hana Exampleton');
    expect(page.body).toContain('Parts Demi Testington attended');
    expect(page.body.match(/name="rows"/g)).toHaveLength((await attendanceByName(db(), f.conferenceId)).size);
    expect(page.body).not.toContain('govuk-error-message');

    const all = ['opening', 'information', 'decision'];
    const { form } = await tableForm(db(), f.conferenceId, {
      'Hana Exampleton': { status: 'present', partsAttended: all, directContactChildIds: [f.alphaId], writtenReportSubmitted: 'yes' },
      'Sam Sampleford': { status: 'present', partsAttended: all, directContactChildIds: [f.alphaId] },
      'Hal Housington': { status: 'apologies' },
    });
    const saved = await minuteTaker.post(url, form);
    expect(saved.statusCode).toBe(302);
    const after = await attendanceByName(db(), f.conferenceId);
    expect(after.get('Hana Exampleton')).toMatchObject({ status: 'present', partsAttended: all, directContactChildIds: [f.alphaId], writtenReportSubmitted: true });
    expect(after.get('Sam Sampleford')?.status).toBe('present');
    expect(after.get('Hal Housington')?.status).toBe('apologies');
    // Untouched rows are not written, so their versions stay where they were.
    expect(after.get('Demi Testington')?.version).toBe(1);
  });

  it('a refused row refuses the whole table: nothing is saved, every row keeps what was typed, the message is beside the row', async () => {
    const { f, minuteTaker, url } = await tableOpen();
    const { form, people } = await tableForm(db(), f.conferenceId, {
      'Hana Exampleton': { status: 'present', partsAttended: ['opening'], onBehalfOf: 'Typed for Hana' },
      // Present with no parts ticked: the per-person rule refuses it.
      'Pat Placeholder': { status: 'present', partsAttended: [], onBehalfOf: 'Typed for Pat' },
    });
    await minuteTaker.get(url);
    const refused = await minuteTaker.post(url, form);
    expect(refused.statusCode).toBe(400);
    const pat = people.get('Pat Placeholder')!;
    expect(refused.body).toContain(`href="#partsAttended-${pat.id}"`);
    expect(refused.body).toContain('Pat Placeholder: Select the parts of the conference they attended');
    expect(refused.body).toContain(`id="partsAttended-${pat.id}-error"`);
    expect(refused.body).toContain('value="Typed for Hana"');
    expect(refused.body).toContain('value="Typed for Pat"');
    expect((await attendanceByName(db(), f.conferenceId)).get('Hana Exampleton')?.status).toBe('expected');
  });

  it('a row someone else saved that this user left alone is no conflict: their save stands, and this user’s rows are saved', async () => {
    const { f, minuteTaker, url } = await tableOpen();
    // The minute taker loads the table (each row carries what it held when loaded) and marks Pat present.
    const page = await minuteTaker.get(url);
    const { form, people } = await tableForm(db(), f.conferenceId, { 'Pat Placeholder': { status: 'present', partsAttended: ['opening', 'information', 'decision'] } });
    for (const p of people.values()) {
      const loaded = page.body.match(new RegExp(`name="loaded-${p.id}" value="([^"]+)"`))?.[1];
      expect(loaded, p.name).toBeDefined();
      form[`loaded-${p.id}`] = loaded!;
    }
    // Meanwhile the chair marks Hana present on her own form: a row the minute taker did not touch.
    await markPresent(db(), contextFor(f.chair, new Date('2026-03-02T10:15:00Z')), f.conferenceId, 'Hana Exampleton', [f.alphaId]);
    const saved = await minuteTaker.post(url, form);
    expect(saved.statusCode).toBe(302);
    const now = await attendanceByName(db(), f.conferenceId);
    expect(now.get('Hana Exampleton')).toMatchObject({ status: 'present', directContactChildIds: [f.alphaId] });
    expect(now.get('Pat Placeholder')?.status).toBe('present');

    // A row the minute taker did change, and the chair changed too, is still refused beside it.
    const hana = now.get('Hana Exampleton')!;
    const second = await minuteTaker.get(url);
    const next = await tableForm(db(), f.conferenceId, { 'Hana Exampleton': { onBehalfOf: 'Typed by the minute taker' } });
    for (const p of next.people.values()) next.form[`loaded-${p.id}`] = second.body.match(new RegExp(`name="loaded-${p.id}" value="([^"]+)"`))![1]!;
    await markPresent(db(), contextFor(f.chair, new Date('2026-03-02T10:16:00Z')), f.conferenceId, 'Hana Exampleton', []);
    const stale = await minuteTaker.post(url, next.form);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain(`id="status-${hana.id}-error"`);
  });

  it('a row someone else saved since the table was loaded is refused beside that row (409), keeping what was typed and saving over the new version next time', async () => {
    const { f, minuteTaker, url } = await tableOpen();
    const { form, people } = await tableForm(db(), f.conferenceId, { 'Hana Exampleton': { status: 'present', partsAttended: ['opening', 'information', 'decision'], onBehalfOf: 'Typed by the minute taker' } });
    // The chair marks Hana on her own form meanwhile.
    await markPresent(db(), contextFor(f.chair, new Date('2026-03-02T10:15:00Z')), f.conferenceId, 'Hana Exampleton', [f.alphaId]);
    await minuteTaker.get(url);
    const stale = await minuteTaker.post(url, form);
    expect(stale.statusCode).toBe(409);
    const hana = people.get('Hana Exampleton')!;
    expect(stale.body).toContain('Hana Exampleton&#39;s attendance was changed by Chris Chairington at 10:15');
    expect(stale.body).toContain(`id="status-${hana.id}-error"`);
    expect(stale.body).toContain('value="Typed by the minute taker"');
    expect(stale.body).toContain(`name="version-${hana.id}" value="2"`);
    expect((await attendanceByName(db(), f.conferenceId)).get('Hana Exampleton')?.onBehalfOf).toBeNull();
    const again = await minuteTaker.post(url, { ...form, [`version-${hana.id}`]: '2' });
    expect(again.statusCode).toBe(302);
    expect((await attendanceByName(db(), f.conferenceId)).get('Hana Exampleton')?.onBehalfOf).toBe('Typed by the minute taker');
  });
});
