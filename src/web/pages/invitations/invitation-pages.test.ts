import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, conferences, invitations, outboxMessages } from '../../../db/schema/index.js';
import { pdfText } from '../../../documents/pdf-text.js';
import { buildChecklist } from '../../../modules/invitations/build-checklist.js';
import { confirmAllSuggestions } from '../../../modules/invitations/confirm-invitations.js';
import { contextFor, createBookedConference, NOW, type InvitationFixture } from '../../../modules/invitations/invitation-fixture.test-support.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createUser } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('invitation pages and the outbox page', (engine) => {
  let f: InvitationFixture;
  const as: Record<string, WebClient> = {};
  const { db, signedIn } = signedInApp(engine, { at: NOW });
  beforeAll(async () => {
    f = await createBookedConference(db());
    const admin = await createUser(db(), { roles: ['administrator'], organisationId: f.support.organisationId, username: `admin-${f.tag}` });
    const agency = await createUser(db(), { roles: ['agency-practitioner'], organisationId: f.support.organisationId, username: `agency-${f.tag}` });
    for (const [key, user] of Object.entries({ support: f.support, chair: f.chair, socialWorker: f.socialWorker, admin, agency })) {
      as[key] = await signedIn(user.username);
    }
  });

  const url = () => `/conferences/${f.conferenceId}/invitations`;
  const rows = () => db().select().from(invitations).where(eq(invitations.conferenceId, f.conferenceId));

  it('lets the social worker view but not change the list; refuses other roles', async () => {
    expect((await as.socialWorker!.get(url())).statusCode).toBe(200);
    expect(as.socialWorker!.lastBody).not.toContain('Build the checklist');
    expect((await as.socialWorker!.post(`${url()}/checklist`, { flags: [] })).statusCode).toBe(403);
    expect((await as.agency!.get(url())).statusCode).toBe(403);
    expect((await as.admin!.get(url())).statusCode).toBe(403);
  });

  it('IN2: business support builds the checklist with reasons, and each view of the list is audited per child', async () => {
    const page = await as.support!.get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Build the checklist');
    const built = await as.support!.post(`${url()}/checklist`, { flags: ['newInjury'], services: ['probation'], outOfHoursReferrals: '' });
    expect(built.statusCode).toBe(302);
    const list = await as.support!.get(built.headers.location as string);
    expect(list.body).toContain('The checklist has been updated');
    expect(list.body).toContain('Community paediatrician');
    expect(list.body).toContain('new physical injury');
    expect(list.body).toContain('Probation officer');
    expect(list.body).toContain('PC Petra Placeholder');
    const bad = await as.support!.post(`${url()}/checklist`, { outOfHoursReferrals: 'several' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the number of referrals as a whole number');
    const reads = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'child-record-viewed'), eq(auditEvents.recordId, f.conferenceId)));
    expect(reads.map((r) => r.childId)).toEqual(expect.arrayContaining([f.alpha.id, f.tango.id]));
  });

  it('IN1: removing a parent asks for a reason; a bad email is refused; then the checklist is confirmed', async () => {
    const father = (await rows()).find((r) => r.role === 'Father')!;
    await as.support!.get(`${url()}/${father.id}/remove`);
    const noReason = await as.support!.post(`${url()}/${father.id}/remove`, { reason: '', version: String(father.version) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Give the reason this parent is not invited');
    const removed = await as.support!.post(`${url()}/${father.id}/remove`, { reason: 'Whereabouts unknown after best efforts', version: String(father.version) });
    expect(removed.statusCode).toBe(302);
    expect((await as.support!.get(url())).body).toContain('Whereabouts unknown after best efforts');

    for (const r of (await rows()).filter((x) => x.channel === 'secure-email' && !x.email)) {
      await as.support!.get(`${url()}/${r.id}`);
      const wrong = await as.support!.post(`${url()}/${r.id}`, { name: r.name, role: r.role, organisationName: r.organisationName ?? '', channel: 'secure-email', email: 'not-an-email', postalAddress: '', version: String(r.version) });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('Enter an email address in the correct format');
      const ok = await as.support!.post(`${url()}/${r.id}`, { name: r.name, role: r.role, organisationName: r.organisationName ?? '', channel: 'secure-email', email: `inbox-${r.id.slice(0, 6)}@agency.example`, postalAddress: '', version: String(r.version) });
      expect(ok.statusCode).toBe(302);
    }
    await as.support!.get(url());
    expect((await as.support!.post(`${url()}/confirm-all`, {})).statusCode).toBe(302);
    expect((await rows()).filter((r) => r.state === 'suggested')).toEqual([]);
  });

  it('IN9: records an observer request; only the chair decides, with the family’s consent', async () => {
    await as.support!.get(`${url()}/observers/new`);
    const bad = await as.support!.post(`${url()}/observers/new`, { name: '', role: 'Student', purpose: 'x', requestedOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the observer’s name');
    expect(bad.body).toContain('Enter a real date');
    const ok = await as.support!.post(`${url()}/observers/new`, { name: 'Ola Observer', role: 'Student social worker', organisationName: '', email: 'ola@la.example', purpose: 'Training placement', requestedOn: '2026-02-23' });
    expect(ok.statusCode).toBe(302);
    const observer = (await rows()).find((r) => r.inviteeKind === 'observer')!;
    expect((await as.support!.get(`${url()}/observers/${observer.id}`)).statusCode).toBe(403);
    const page = await as.chair!.get(`${url()}/observers/${observer.id}`);
    expect(page.body).toContain('take no part in the discussion');
    const decided = await as.chair!.post(`${url()}/observers/${observer.id}`, { chairAgrees: 'yes', familyConsent: 'given', version: String(observer.version) });
    expect(decided.statusCode).toBe(302);
    expect((await rows()).find((r) => r.id === observer.id)?.state).toBe('confirmed');
  });

  it('IN3: shows what will be sent, sends, and offers the letter copy as kept; the conference moves on', async () => {
    const check = await as.support!.get(`${url()}/send`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Child protection conferences: a guide for parents and carers');
    expect(check.body).toContain('First-class post');
    const sent = await as.support!.post(`${url()}/send`, {});
    expect(sent.statusCode).toBe(302);
    expect((await db().select().from(conferences).where(eq(conferences.id, f.conferenceId)))[0]?.status).toBe('invitations-sent');
    const list = await as.support!.get(`${url()}?done=sent`);
    expect(list.body).toContain('The invitations have been sent');
    const police = (await rows()).find((r) => r.role === 'Police')!;
    const pdf = await as.socialWorker!.get(`${url()}/${police.id}/letter.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Tango Testington');
    const docx = await as.socialWorker!.get(`${url()}/${police.id}/letter.docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ics = await as.socialWorker!.get(`${url()}/${police.id}/letter.ics`);
    expect(ics.body).toContain('DTSTART;TZID=Europe/London:20260305T100000');
  });

  it('IN3: the send page sends what is ready and holds back who lacks an address, with the link to fix it', async () => {
    const other = await createBookedConference(db());
    const otherUrl = `/conferences/${other.conferenceId}/invitations`;
    await buildChecklist(db(), contextFor(other.support), other.conferenceId);
    await confirmAllSuggestions(db(), contextFor(other.support), other.conferenceId);
    const support = await signedIn(other.support.username);
    const list = await db().select().from(invitations).where(eq(invitations.conferenceId, other.conferenceId));
    const held = list.filter((i) => i.state === 'confirmed' && i.channel === 'secure-email' && !i.email);
    const ready = list.filter((i) => i.state === 'confirmed').length - held.length;
    expect(held.length).toBeGreaterThan(0);
    const page = await support.get(`${otherUrl}/send`);
    expect(page.body).toContain(`${ready} invitations ready to send, ${held.length} held back`);
    expect(page.body).toContain(`Send ${ready} invitations`);
    expect(page.body).toContain(`href="/conferences/${other.conferenceId}/invitations/${held[0]!.id}"`);
    const sent = await support.post(`${otherUrl}/send`, {});
    expect(sent.headers.location).toBe(`${otherUrl}?done=sent-held`);
    expect((await support.get(sent.headers.location as string)).body).toContain('Some were held back because the record lacks an address');
    const letters = await support.get('/letters');
    expect(letters.body).toContain('Invitations held back');
    expect(letters.body).toContain(`/conferences/${other.conferenceId}/invitations/${held[0]!.id}`);
  });

  it('IN4: records a response and asks to chase a report after apologies', async () => {
    const police = (await rows()).find((r) => r.role === 'Police')!;
    await as.support!.get(`${url()}/${police.id}/response`);
    const noName = await as.support!.post(`${url()}/${police.id}/response`, { response: 'delegate', delegateName: '', version: String(police.version) });
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('Enter the name of the colleague coming instead');
    const apologies = await as.support!.post(`${url()}/${police.id}/response`, { response: 'apologies', version: String(police.version) });
    expect(apologies.headers.location).toContain('done=chase');
    const list = await as.support!.get(apologies.headers.location as string);
    expect(list.body).toContain('Ask for their written report');
    expect(list.body).toContain('Sends apologies');
  });

  it('shows the administrator the outbox, queued without a mail server, and retries a failed message', async () => {
    const [anEmail] = await db().select().from(outboxMessages).where(and(eq(outboxMessages.conferenceId, f.conferenceId), eq(outboxMessages.channel, 'email')));
    await db().update(outboxMessages).set({ status: 'failed', attempts: 6, lastError: '550 mailbox unavailable' }).where(eq(outboxMessages.id, anEmail!.id));
    expect((await as.support!.get('/admin/outbox')).statusCode).toBe(403);
    const page = await as.admin!.get('/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No mail server is configured');
    expect(page.body).toContain('550 mailbox unavailable');
    expect(page.body).toContain('Queued');
    expect(page.body).toContain('Posted');
    const retried = await as.admin!.post(`/admin/outbox/${anEmail!.id}/retry`, {});
    expect(retried.statusCode).toBe(302);
    expect((await db().select().from(outboxMessages).where(eq(outboxMessages.id, anEmail!.id)))[0]).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await as.admin!.post(`/admin/outbox/${anEmail!.id}/retry`, {})).statusCode).toBe(409);
  });

  it('IN3: business support sees the letters waiting and what is held back, prints them as one batch and can print it again', async () => {
    expect((await as.chair!.get('/letters')).statusCode).toBe(403);
    const page = await as.support!.get('/letters');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Demi Testington');
    expect(page.body).toContain('1 Example Row, Demoshire Town, ZZ1 1AA');
    expect(page.body).toContain(`CP-${f.conferenceId.slice(0, 8).toUpperCase()}`);
    const printed = await as.support!.post('/letters/print', {});
    expect(printed.statusCode).toBe(302);
    const after = await as.support!.get(printed.headers.location as string);
    expect(after.body).toContain('printed as one batch');
    expect(after.body).toContain('No letters are waiting to be printed.');
    // Print pressed again (a second tab, a double click): nothing is left to print, so back to the list.
    const twice = await as.support!.post('/letters/print', {});
    expect(twice.statusCode).toBe(302);
    expect(twice.headers.location).toBe('/letters');
    const link = /href="(\/letters\/batches\/[0-9a-f-]+)"/.exec(after.body)?.[1];
    expect(link).toBeDefined();
    const pdf = await as.support!.get(link!);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Dear Demi Testington,');
    expect((await as.chair!.get(link!)).statusCode).toBe(403);
  });
});
