import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { UPLOAD_FILES } from '../../../../test/support/upload-files.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, cases, invitations, outboxMessages, reportAccessLinks, reports } from '../../../db/schema/index.js';
import { issueReportLink } from '../../../modules/report-links/issue-report-link.js';
import { initialReportSections } from '../reports/report-form.test-support.js';
import { hashLinkToken } from '../../../modules/report-links/link-secrets.js';

/** The agency report form as the page posts it (the same fields agency users send). */
function agencyReportForm(): Record<string, string | string[]> {
  return initialReportSections('agency', (heading) => `Health visitor notes on ${heading}`, () => 'observation');
}

const NOW = new Date('2026-02-23T10:00:00Z');

describeEachEngine('report link pages: link, code, the report and nothing else (issue 17)', (engine) => {
  const clock = new TestClock(NOW);
  const { db, app, signedIn } = signedInApp(engine, { clock });
  let f: MeetingFixture;
  let other: MeetingFixture;
  beforeAll(async () => {
    f = await createMeetingFixture(db());
    other = await createMeetingFixture(db());
  });

  const linkFor = (invitationId: string, conferenceStart = new Date('2026-03-05T10:00:00Z')) => issueReportLink(db(), invitationId, conferenceStart, NOW);

  async function lastCode(token: string): Promise<string> {
    const [link] = await db().select().from(reportAccessLinks).where(eq(reportAccessLinks.tokenHash, hashLinkToken(token)));
    const sent = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'report-link'), eq(outboxMessages.relatedId, link!.id)));
    return /\b(\d{6})\b/.exec(sent.at(-1)!.bodyText)![1]!;
  }

  /** A browser that opened the link and entered the code. */
  async function throughTheLink(invitationId: string): Promise<{ client: WebClient; token: string }> {
    const token = await linkFor(invitationId);
    const client = new WebClient(app());
    const page = await client.get(`/report-access/${token}`);
    expect(page.statusCode).toBe(200);
    const entered = await client.post(`/report-access/${token}`, { code: await lastCode(token) });
    expect(entered.statusCode).toBe(302);
    await client.get(entered.headers.location as string); // the new session's CSRF token, for the forms
    return { client, token };
  }

  it('the link asks for the code sent to the invited address; the code opens the agency report form, which saves and submits', async () => {
    const token = await linkFor(f.invitationIds.police);
    const client = new WebClient(app());
    const page = await client.get(`/report-access/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toMatch(/We have sent a code to p\*\*\*@example\.police\.uk/);
    expect(page.body).not.toContain('petra-');
    const wrong = await client.post(`/report-access/${token}`, { code: '12345x' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The code is not right');
    expect(wrong.body).toContain('4 tries left');

    const entered = await client.post(`/report-access/${token}`, { code: await lastCode(token) });
    expect(entered.statusCode).toBe(302);
    expect(entered.headers.location).toBe(`/conferences/${f.conferenceId}/reports/new`);
    const form = await client.get(`/conferences/${f.conferenceId}/reports/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('New agency report');
    expect(form.body).not.toContain('href="/register"'); // no menu leading to refusals
    const created = await client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency', ...agencyReportForm() });
    expect(created.statusCode).toBe(302);
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const opened = await client.get(`/reports/${reportId}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Health visitor notes on');
    // The same form's document upload, and the download of it.
    const uploaded = await client.postFile(`/reports/${reportId}/file`, { version: /name="version" value="(\d+)"/.exec(opened.body)![1]! }, { field: 'file', filename: 'report.pdf', contentType: 'application/pdf', content: UPLOAD_FILES.pdf });
    expect(uploaded.statusCode).toBe(302);
    const file = await client.get(`/reports/${reportId}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    const version = /name="version" value="(\d+)"/.exec((await client.get(`/reports/${reportId}`)).body)![1]!;
    const submitted = await client.post(`/reports/${reportId}`, { ...agencyReportForm(), version, intent: 'submit' });
    expect(submitted.statusCode).toBe(302);
    const [report] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(report).toMatchObject({ status: 'submitted', invitationId: f.invitationIds.police, kind: 'agency' });
    expect((await client.get(`/conferences/${f.conferenceId}/reports`)).statusCode).toBe(200);

    const audits = await db().select({ action: auditEvents.action }).from(auditEvents);
    const actions = new Set(audits.map((a) => a.action));
    for (const a of ['report-link-opened', 'report-code-sent', 'report-code-refused', 'report-code-accepted']) expect(actions).toContain(a);
  });

  it('the link holder is refused everywhere else: the case, the conference, another conference’s reports, people, the register, home', async () => {
    const { client } = await throughTheLink(f.invitationIds.teacher);
    const [alphaCase] = await db().select({ id: cases.id }).from(cases).where(eq(cases.childId, f.alphaId));
    const refused = [
      `/cases/${alphaCase!.id}`,
      `/conferences/${f.conferenceId}`,
      `/conferences/${f.conferenceId}/readiness`,
      `/conferences/${f.conferenceId}/invitations`,
      `/conferences/${other.conferenceId}/reports`,
      `/conferences/${other.conferenceId}/reports/new`,
      `/people/${f.alphaId}`,
      '/people/search',
      '/register',
      '/',
      '/my-conferences',
      '/account',
      '/account/two-factor',
      '/sign-in/two-factor',
      '/audit',
    ];
    for (const url of refused) {
      const res = await client.get(url);
      expect([403, 404], `${url} answered ${res.statusCode}`).toContain(res.statusCode);
    }
    // Another invitee's report of the same conference is not theirs.
    const police = await throughTheLink(f.invitationIds.healthVisitor);
    const created = await police.client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency', ...agencyReportForm() });
    const theirs = /\/reports\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    expect((await client.get(`/reports/${theirs}`)).statusCode).toBe(404);
    expect((await client.post(`/reports/${theirs}`, { ...agencyReportForm(), version: '1' })).statusCode).toBe(404);
    expect((await client.post(`/conferences/${other.conferenceId}/reports/new`, { kind: 'agency', ...agencyReportForm() })).statusCode).toBe(404);
    expect((await client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'social-work', childId: f.alphaId, ...agencyReportForm() })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('a replayed link, an expired link and an unknown link each get a page saying what to do', async () => {
    const { token } = await throughTheLink(f.invitationIds.housing);
    const replay = await new WebClient(app()).get(`/report-access/${token}`);
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain('This link has already been used');
    expect(replay.body).toContain('Contact the conference organiser');

    const expiredToken = await linkFor(other.invitationIds.police, new Date('2026-02-01T10:00:00Z'));
    const expired = await new WebClient(app()).get(`/report-access/${expiredToken}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
    expect(expired.body).toContain('Contact the conference organiser');

    const unknown = await new WebClient(app()).get(`/report-access/${'B'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This link does not work');
    const denied = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'report-link-opened'), eq(auditEvents.outcome, 'denied')));
    expect(new Set(denied.map((d) => d.reason))).toEqual(new Set(['used', 'expired', 'unknown']));
  });

  it('removing the invitation ends the link holder’s session at their next request', async () => {
    const { client } = await throughTheLink(other.invitationIds.teacher);
    expect((await client.get(`/conferences/${other.conferenceId}/reports/new`)).statusCode).toBe(200);
    await db().update(invitations).set({ state: 'removed' }).where(eq(invitations.id, other.invitationIds.teacher));
    const after = await client.get(`/conferences/${other.conferenceId}/reports/new`);
    expect(after.statusCode).toBe(302);
    expect(after.headers.location).toMatch(/^\/sign-in/);
  });

  it('business support sends a new link from the invitation list; the used one stays refused, the new one works', async () => {
    const { token } = await throughTheLink(other.invitationIds.housing);
    const support = await signedIn(other.minuteTaker.username);
    const list = await support.get(`/conferences/${other.conferenceId}/invitations`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/invitations/${other.invitationIds.housing}/report-link`);
    expect(list.body).not.toContain(`/invitations/${other.invitationIds.mother}/report-link`);
    const sent = await support.post(`/conferences/${other.conferenceId}/invitations/${other.invitationIds.housing}/report-link`, {});
    expect(sent.statusCode).toBe(302);
    expect((await support.get(sent.headers.location as string)).body).toContain('A new report link has been sent');
    const [email] = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'invitation-report-link'), eq(outboxMessages.relatedId, other.invitationIds.housing)));
    const fresh = /\/report-access\/([A-Za-z0-9_-]{43})/.exec(email!.bodyText)![1]!;
    expect((await new WebClient(app()).get(`/report-access/${token}`)).statusCode).toBe(410);
    expect((await new WebClient(app()).get(`/report-access/${fresh}`)).statusCode).toBe(200);
    // The link holder cannot send themselves links, nor can anyone without the invitations to manage.
    const holder = (await throughTheLink(f.invitationIds.mother)).client;
    expect((await holder.post(`/conferences/${other.conferenceId}/invitations/${other.invitationIds.housing}/report-link`, {})).statusCode).toBe(404);
  });

  it('a report sent after the link’s session ended is kept as a draft, and the next link brings it back', async () => {
    // Any invitation nobody has written on yet will do: the test issues the links itself.
    const { client } = await throughTheLink(f.invitationIds.socialWorker);
    const created = await client.post(`/conferences/${f.conferenceId}/reports/new`, { kind: 'agency', ...agencyReportForm() });
    const reportId = /\/reports\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const version = /name="version" value="(\d+)"/.exec((await client.get(`/reports/${reportId}`)).body)![1]!;
    clock.advanceMinutes(31);
    try {
      const typed = { ...agencyReportForm(), [Object.keys(agencyReportForm())[0]!]: 'Typed after a long pause (synthetic)', version };
      const late = await client.post(`/reports/${reportId}`, typed);
      expect(late.statusCode).toBe(303);
      expect(late.headers.location).toBe('/report-access/ended');
      const ended = await client.get('/report-access/ended');
      expect(ended.body).toContain('What you typed has been kept');
      const again = await throughTheLink(f.invitationIds.socialWorker);
      const page = await again.client.get(`/reports/${reportId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Restored from your draft');
      expect(page.body).toContain('Typed after a long pause (synthetic)');
      // The page's own helpers work for the holder: keeping the session going, discarding the draft.
      expect((await again.client.post('/session/extend', {})).statusCode).toBe(200);
      const draftId = /action="\/drafts\/([0-9a-f-]{36})\/discard"/.exec(page.body)![1]!;
      const discarded = await again.client.post(`/drafts/${draftId}/discard`, {});
      expect(discarded.statusCode).toBe(303);
      expect(discarded.headers.location).toBe(`/reports/${reportId}`);
      expect((await again.client.get(`/reports/${reportId}`)).body).not.toContain('Typed after a long pause (synthetic)');
    } finally {
      clock.advanceMinutes(-31);
    }
  });
});
