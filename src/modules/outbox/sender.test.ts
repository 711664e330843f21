import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages } from '../../db/schema/index.js';
import { pdfText } from '../../documents/pdf-text.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { buildChecklist } from '../invitations/build-checklist.js';
import { confirmAllSuggestions, confirmInvitation } from '../invitations/confirm-invitations.js';
import { contextFor, createBookedConference } from '../invitations/invitation-fixture.test-support.js';
import { sendInvitations } from '../invitations/send-invitations.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { attachment, enqueueMessage } from './enqueue-message.js';
import { retryMessage } from './retry-message.js';
import { backoffMs, outboxMessageId, sendDueMessages, startOutboxSender } from './sender.js';
import { startTestSmtp, type TestSmtp } from './test-smtp.test-support.js';

describe('backoff', () => {
  it('doubles after each failed attempt', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  });
});

describeEachEngine('outbox sender', (engine) => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  const db = () => database.handle.db;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    smtp = await startTestSmtp({ reject: /^bounce/ });
  });
  afterAll(async () => {
    await smtp.close();
    await database.drop();
  });

  const transport = () => nodemailer.createTransport(smtp.url);
  const rowOf = async (id: string) => (await db().select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;

  async function queue(to: string, now: Date): Promise<string> {
    return enqueueMessage(db(), { channel: 'email', toName: 'Test Recipient', toAddress: to, subject: `Test ${to}`, bodyText: 'Hello', attachments: [attachment('a.txt', 'text/plain', 'attached words')] }, now);
  }

  it('IN3: delivers sent invitations by SMTP with the letter (PDF) and the calendar file (ICS) attached', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await buildChecklist(db(), ctx, f.conferenceId);
    const before = smtp.received.length;
    const list = await db().select().from(outboxMessages);
    expect(list.filter((m) => m.conferenceId === f.conferenceId)).toHaveLength(0);
    const { invitations } = await import('../../db/schema/index.js');
    for (const i of await db().select().from(invitations).where(eq(invitations.conferenceId, f.conferenceId))) {
      if (i.channel === 'secure-email' && !i.email) {
        await confirmInvitation(db(), ctx, f.conferenceId, i.id, { name: i.name, role: i.role, organisationName: i.organisationName, channel: 'secure-email', email: `inbox-${i.id.slice(0, 6)}@agency.example`, postalAddress: null }, i.version);
      }
    }
    await confirmAllSuggestions(db(), ctx, f.conferenceId);
    const result = await sendInvitations(db(), ctx, f.conferenceId);
    const pass = await sendDueMessages(db(), transport(), { clock: () => ctx.now });
    expect(pass.sent).toBe(result.emailed);
    const mails = (await smtp.waitFor(before + result.emailed)).slice(before);
    const police = mails.find((m) => m.to.includes(`petra-${f.tag}@police.example`))!;
    expect(police.subject).toContain('Invitation: child protection conference on Thursday 5 March 2026 at 10:00');
    expect(police.subject).not.toContain('Testington');
    const pdf = police.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf.content)).toContain('Alpha Testington');
    expect(pdfText(pdf.content).replace(/\s+/g, ' ')).toContain('Child protection conferences: complaints');
    const ics = police.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString('utf8');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260305T100000');
    expect(ics.replace(/\r\n /g, '')).toContain(`mailto:petra-${f.tag}@police.example`);
    const rows = await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId));
    expect(rows.filter((r) => r.channel === 'email').every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt !== null)).toBe(true);
    // Letters by post wait for business support to print them as a batch; the sender leaves them alone.
    const posted = rows.filter((r) => r.channel === 'post');
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.every((r) => (r.status === 'to-print' && r.sentAt === null) || (r.status === 'posted' && r.toAddress.startsWith('By hand')))).toBe(true);
  });

  it('issue 14: a date written into a message as an ISO date reaches the reader in words', async () => {
    const now = new Date('2026-02-23T09:00:00Z');
    const id = await enqueueMessage(db(), { channel: 'email', toName: 'Test Recipient', toAddress: 'dates@example.org', subject: 'Plan ended on 2026-03-05', bodyText: 'The plan ended on 2026-03-05.' }, now);
    expect(await rowOf(id)).toMatchObject({ subject: 'Plan ended on 5 March 2026', bodyText: 'The plan ended on 5 March 2026.' });
  });

  it('without a mail server, messages stay queued; post is still recorded as posted', async () => {
    const now = new Date('2026-02-23T09:00:00Z');
    const id = await queue('waiting@example.org', now);
    const letter = await enqueueMessage(db(), { channel: 'post', toName: 'Demi', toAddress: '1 Example Row', subject: 'Letter', bodyText: 'x' }, now);
    const pass = await sendDueMessages(db(), null, { clock: () => now });
    expect(pass.posted).toBeGreaterThanOrEqual(1);
    expect(await rowOf(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await rowOf(letter)).toMatchObject({ status: 'posted', attempts: 1 });
    await sendDueMessages(db(), transport(), { clock: () => now });
    expect((await rowOf(id)).status).toBe('sent');
  });

  it('retries a refused message with exponential backoff, then marks it failed with the reason; the administrator retries it', async () => {
    let now = new Date('2026-02-23T09:00:00Z');
    const clock = () => now;
    const id = await queue('bounce@example.org', now);
    const options = { clock, maxAttempts: 3, baseDelayMs: 60_000 };
    await sendDueMessages(db(), transport(), options);
    let row = await rowOf(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toContain('mailbox unavailable');
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(60_000);
    // Not due yet: nothing happens.
    await sendDueMessages(db(), transport(), options);
    expect((await rowOf(id)).attempts).toBe(1);
    now = new Date(now.getTime() + 60_000);
    await sendDueMessages(db(), transport(), options);
    row = await rowOf(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(120_000);
    now = new Date(now.getTime() + 120_000);
    const last = await sendDueMessages(db(), transport(), options);
    expect(last.failed).toBe(1);
    row = await rowOf(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.lastError).toContain('mailbox unavailable');

    const org = await createOrganisation(db());
    const admin = await createUser(db(), { roles: ['administrator'], organisationId: org.id });
    const support = await createUser(db(), { roles: ['business-support'], organisationId: org.id });
    await expect(retryMessage(db(), contextFor(support, now), id)).rejects.toBeInstanceOf(ForbiddenError);
    await retryMessage(db(), contextFor(admin, now), id);
    expect(await rowOf(id)).toMatchObject({ status: 'queued', attempts: 0 });
    await expect(retryMessage(db(), contextFor(admin, now), id)).rejects.toBeInstanceOf(ConflictError);
    expect(await db().$count(auditEvents, eq(auditEvents.action, 'outbox-message-retried'))).toBe(1);
  });

  it('picks a message up again when a sender died holding it (lapsed lease), under the Message-ID it always has', async () => {
    const now = new Date('2026-02-24T09:00:00Z');
    const id = await queue('stuck@example.org', now);
    await db().update(outboxMessages).set({ status: 'sending', nextAttemptAt: new Date(now.getTime() - 1000) }).where(eq(outboxMessages.id, id));
    await sendDueMessages(db(), transport(), { clock: () => now });
    expect((await rowOf(id)).status).toBe('sent');
    // Had the dead sender's copy got out too, the receiver sees the same id twice: one message, not two.
    const mail = smtp.received.find((m) => m.to.includes('stuck@example.org'));
    expect(mail?.raw).toMatch(new RegExp(`^Message-ID: ${outboxMessageId(id)}\\r?$`, 'im'));
  });

  it('runs as a background loop that delivers what is queued and stops cleanly', async () => {
    const before = smtp.received.length;
    await queue('loop@example.org', new Date(Date.now() - 1000));
    const sender = startOutboxSender(db(), { smtpUrl: smtp.url, intervalMs: 50 });
    try {
      const mails = await smtp.waitFor(before + 1);
      const mail = mails.find((m) => m.to.includes('loop@example.org'))!;
      expect(mail.attachments[0]).toMatchObject({ filename: 'a.txt' });
      expect(mail.attachments[0]?.content.toString()).toBe('attached words');
    } finally {
      await sender.stop();
    }
  });
});
