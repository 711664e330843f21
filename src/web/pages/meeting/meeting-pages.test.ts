import { expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { attendanceByName, COMPLETE_OUTLINE, concludedMeeting, contextFor, createMeetingFixture, type MeetingFixture, meetingUnderWay } from '../../../../test/support/meeting-factory.js';
import { distributeDecisions } from '../../../modules/meeting/distribute-decisions.js';
import { saveOutlinePlan } from '../../../modules/meeting/save-outline-plan.js';

describeEachEngine('conference screen pages', (engine) => {
  const clock = new TestClock(new Date('2026-03-02T10:20:00Z'));
  const { db, signedIn } = signedInApp(engine, { clock });

  /** A meeting under way with its chair signed in, the mother on the attendance list and the screen's address. */
  async function chairInMeetingUnderWay() {
    const f = await createMeetingFixture(db());
    await meetingUnderWay(db(), f);
    const mother = (await attendanceByName(db(), f.conferenceId)).get('Demi Testington')!;
    return { f, mother, chair: await signedIn(f.chair), base: `/conferences/${f.conferenceId}/meeting` };
  }

  it('opens the meeting from the screen, shows the slot and the family pre-meeting (TS28) and the live quorum (CF1, CF2)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'nottinghamshire' });
    const minuteTaker = await signedIn(f.minuteTaker);
    const first = await minuteTaker.get(`/conferences/${f.conferenceId}/meeting`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Open the meeting');
    expect(first.body).toContain('90 minutes');
    expect(first.body).toContain('09:40 on 2 March 2026');
    const opened = await minuteTaker.post(`/conferences/${f.conferenceId}/meeting/open`, {});
    expect(opened.statusCode).toBe(302);
    const screen = await minuteTaker.get(`/conferences/${f.conferenceId}/meeting`);
    expect(screen.body).toContain('Hana Exampleton');
    expect(screen.body).toContain('Not quorate');
    expect(screen.body).toContain("Children&#39;s social care must be present for the decision.");
  });

  it('refuses the screen to roles that do not run the meeting; the child’s own social worker only reads it', async () => {
    const f = await createMeetingFixture(db());
    const worker = await signedIn(f.socialWorker);
    const screen = await worker.get(`/conferences/${f.conferenceId}/meeting`);
    expect(screen.statusCode).toBe(200);
    expect(screen.body).not.toContain('/meeting/open');
    expect((await worker.post(`/conferences/${f.conferenceId}/meeting/open`, {})).statusCode).toBe(403);
    const manager = await signedIn(f.teamManager);
    expect((await manager.get(`/conferences/${f.conferenceId}/meeting`)).statusCode).toBe(403);
  });

  it('records attendance through the form, with field errors re-shown (CF3)', async () => {
    const f = await createMeetingFixture(db());
    await meetingUnderWay(db(), f);
    const minuteTaker = await signedIn(f.minuteTaker);
    const blank = await minuteTaker.get(`/conferences/${f.conferenceId}/meeting/attendance/new`);
    expect(blank.body).not.toContain('govuk-error-message');
    const bad = await minuteTaker.post(`/conferences/${f.conferenceId}/meeting/attendance/new`, { kind: 'professional', name: 'Gina Gpworth', role: 'GP', status: 'present', agency: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the agency or discipline this professional represents');
    expect(bad.body).toContain('value="Gina Gpworth"');
    const good = await minuteTaker.post(`/conferences/${f.conferenceId}/meeting/attendance/new`, {
      kind: 'professional', name: 'Gina Gpworth', role: 'GP', status: 'present', agency: 'gp', partsAttended: ['opening', 'information', 'decision'], directContactChildIds: [f.alphaId],
    });
    expect(good.statusCode).toBe(302);
    expect((await attendanceByName(db(), f.conferenceId)).get('Gina Gpworth')?.partsAttended).toEqual(['opening', 'information', 'decision']);
  });

  it('shows no error messages on the first view of any meeting form', async () => {
    const { f, mother, chair, base } = await chairInMeetingUnderWay();
    for (const url of [base, `${base}/attendance/${mother.id}`, `${base}/attendance/${mother.id}/leave`, `${base}/children/${f.alphaId}/views`, `${base}/children/${f.alphaId}/decision`, `${base}/children/${f.alphaId}/plan`]) {
      const res = await chair.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('govuk-error-message');
      expect(res.body, url).not.toContain('govuk-form-group--error');
    }
  });

  it('every form the chair and minute taker save during the meeting is kept and retried when the connection drops (issue 14)', async () => {
    const { f, mother, chair, base } = await chairInMeetingUnderWay();
    // Each page, and the action of the form on it that saves what was typed.
    const forms: [string, string][] = [
      [base, `${base}/checklist`],
      [`${base}/attendance`, `${base}/attendance`],
      [`${base}/attendance/new`, `${base}/attendance/new`],
      [`${base}/attendance/${mother.id}`, `${base}/attendance/${mother.id}`],
      [`${base}/attendance/${mother.id}/leave`, `${base}/attendance/${mother.id}/leave`],
      [`${base}/children/${f.alphaId}/views`, `${base}/children/${f.alphaId}/views`],
      [`${base}/children/${f.alphaId}/decision`, `${base}/children/${f.alphaId}/decision`],
      [`${base}/children/${f.alphaId}/plan`, `${base}/children/${f.alphaId}/plan`],
    ];
    const keys = new Set<string>();
    for (const [url, action] of forms) {
      const res = await chair.get(url);
      expect(res.statusCode, url).toBe(200);
      const tag = res.body.match(new RegExp(`<form [^>]*action="${action}"[^>]*>`))?.[0];
      expect(tag, url).toBeDefined();
      const key = tag!.match(/data-offline-key="([^"]+)"/)?.[1];
      expect(key, `${url}: the form keeps what was typed offline`).toMatch(new RegExp(`^${f.conferenceId}:`));
      keys.add(key!);
      expect(res.body, url).toContain('<script type="module" src="/public/offline-forms.js"></script>');
      expect(res.body, url).toContain('data-offline-notice');
    }
    // One key per form, so a kept copy is put back in the form it was typed in.
    expect(keys.size).toBe(forms.length);
  });

  it('a stale outline plan save answers 409 with who changed it, and keeps what was typed (concurrency)', async () => {
    const f = await createMeetingFixture(db());
    await meetingUnderWay(db(), f);
    const url = `/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/plan`;
    const chair = await signedIn(f.chair);
    const minuteTaker = await signedIn(f.minuteTaker);
    await saveOutlinePlan(db(), contextFor(f.minuteTaker), f.conferenceId, f.alphaId, COMPLETE_OUTLINE, null);
    await chair.get(url);
    await minuteTaker.get(url);
    expect((await chair.post(url, { version: '1', aim: 'The chair’s aim', riskStatement: 'Risk', actionRows: '0' })).statusCode).toBe(302);
    const stale = await minuteTaker.post(url, { version: '1', aim: 'Minute taker typed this aim', riskStatement: 'Risk', actionRows: '0' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('changed by Chris Chairington at 10:20');
    expect(stale.body).toContain('Minute taker typed this aim');
    expect(stale.body).toContain('name="version" value="2"');
  });

  it('refuses a decision without both harm tests and reasons (DC1), and only the chair may decide', async () => {
    const { f, chair, base } = await chairInMeetingUnderWay();
    const url = `${base}/children/${f.alphaId}/decision`;
    await chair.get(url);
    const res = await chair.post(url, { outcome: 'plan', categories: 'PHY' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Say whether the child has suffered significant harm');
    expect(res.body).toContain('Give the reasons for the answer on likely future harm');
    const minuteTaker = await signedIn(f.minuteTaker);
    await minuteTaker.get(url);
    expect((await minuteTaker.post(url, { outcome: 'no-plan-nfa', sufferedHarm: 'no', likelyHarm: 'no', sufferedHarmReasons: 'x', likelyHarmReasons: 'y' })).statusCode).toBe(403);
  });

  it('refuses a plan for a child harmed in the past but not judged likely to be harmed in future (DC1)', async () => {
    const { f, chair, base } = await chairInMeetingUnderWay();
    const url = `${base}/children/${f.alphaId}/decision`;
    await chair.get(url);
    const res = await chair.post(url, {
      outcome: 'plan', categories: 'PHY', sufferedHarm: 'yes', sufferedHarmReasons: 'Bruising last year', likelyHarm: 'no', likelyHarmReasons: 'The adult has left',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('A plan is made or kept only when the child is judged likely to suffer significant harm in future');
  });

  it('the record cannot be sent before approval; copies download as PDF and Word (RC1, RC3)', async () => {
    const f = await heldConference();
    const minuteTaker = await signedIn(f.minuteTaker);
    const page = await minuteTaker.get(`/conferences/${f.conferenceId}/record`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The record can be sent once the chair has approved it.');
    const refused = await minuteTaker.post(`/conferences/${f.conferenceId}/record/distribute`, { version: '1' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('The chair must approve the record before it can be distributed.');
    const docx = await minuteTaker.get(`/conferences/${f.conferenceId}/record.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const copy = await minuteTaker.get(`/conferences/${f.conferenceId}/record/copies/${f.invitationIds.father}.pdf`);
    expect(copy.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const decisions = await minuteTaker.get(`/conferences/${f.conferenceId}/decisions`);
    expect(decisions.body).toContain('Decisions of the child protection conference');
    expect(decisions.body).toContain('TS10');
  });

  it('shows decisions sent after the TS10 day as late, in the log with who, version, how and when (TS10)', async () => {
    const f = await heldConference();
    await distributeDecisions(db(), contextFor(f.minuteTaker, new Date('2026-03-05T09:00:00Z')), f.conferenceId);
    const minuteTaker = await signedIn(f.minuteTaker);
    const page = await minuteTaker.get(`/conferences/${f.conferenceId}/decisions`);
    expect(page.body).toContain('Due by <strong>3 March 2026</strong>');
    expect(page.body).toContain('Sent late by 2 working days');
    expect(page.body).toContain('09:00 on 5 March 2026');
    expect(page.body).toContain('Post, first class');
  });

  async function heldConference(): Promise<MeetingFixture> {
    const f = await createMeetingFixture(db());
    await concludedMeeting(db(), f, { views: { 'Sam Sampleford': { planNeeded: true, categories: ['PHY'], reasons: 'Risk' } } });
    return f;
  }
});
