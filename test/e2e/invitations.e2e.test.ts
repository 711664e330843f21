import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferences, invitations, users } from '../../src/db/schema/index.js';
import { pdfText } from '../../src/documents/pdf-text.js';
import { startTestSmtp, type TestSmtp } from '../../src/modules/outbox/test-smtp.test-support.js';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

describe('business support sends the invitations of a booked conference', () => {
  let run: Running;
  let smtp: TestSmtp;
  let conferenceId: string;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    run = await startJourney({ env: { SMTP_URL: smtp.url } });
    const db = run.database.db;
    // A booked initial conference from the demo data; if the demo has none booked yet, book a requested one.
    let [booked] = await db.select().from(conferences).where(and(eq(conferences.status, 'booked'), eq(conferences.kind, 'initial'))).orderBy(asc(conferences.createdAt));
    if (!booked) {
      const [requested] = await db.select().from(conferences).where(and(inArray(conferences.status, ['requested']), eq(conferences.kind, 'initial'))).orderBy(asc(conferences.createdAt));
      const [chair] = await db.select().from(users).where(eq(users.username, 'chair'));
      const start = new Date(run.clock().getTime() + 14 * 86_400_000);
      start.setUTCHours(10, 0, 0, 0);
      [booked] = await db.update(conferences)
        .set({ status: 'booked', chairId: chair!.id, scheduledStart: start, format: 'face-to-face', venue: 'Conference Room 1, Demoshire County Hall' })
        .where(eq(conferences.id, requested!.id)).returning();
    }
    conferenceId = booked!.id;
  });
  afterAll(async () => {
    await run.close();
    await smtp.close();
  });

  it('builds and confirms the checklist, sends, and the email arrives with the letter (PDF) and calendar (ICS)', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'business-support');
    await page.goto(`${run.baseUrl}/conferences/${conferenceId}/invitations`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Build the checklist' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The checklist has been updated');
    expect(await page.locator('table').textContent()).toContain('Has parental responsibility');
    await expectAccessible(page);

    // Anyone the directory had no secure email for gets one before sending (here: the GP practice).
    const missing = await run.database.db.select().from(invitations)
      .where(and(eq(invitations.conferenceId, conferenceId), eq(invitations.channel, 'secure-email'), eq(invitations.state, 'suggested')));
    for (const i of missing.filter((x) => !x.email)) {
      await page.getByRole('link', { name: `Confirm or change ${i.name}` }).click();
      await expectAccessible(page);
      await page.getByLabel('Secure email address').fill(`safeguarding-${i.id.slice(0, 6)}@gp.demoshire.example`);
      await page.getByRole('button', { name: 'Confirm and save' }).click();
    }
    // The remove page (with its reason) and the observer request, each checked for accessibility.
    const [first] = missing;
    await page.goto(`${run.baseUrl}/conferences/${conferenceId}/invitations/${first!.id}/remove`);
    await expectAccessible(page);
    await page.goto(`${run.baseUrl}/conferences/${conferenceId}/invitations/observers/new`);
    await expectAccessible(page);
    await page.getByLabel('Observer’s name').fill('Ola Observer');
    await page.getByLabel('Role').fill('Student social worker');
    await page.getByLabel('Why do they want to observe?').fill('Training placement');
    await page.getByRole('button', { name: 'Record the request' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('observer request');
    await page.getByRole('button', { name: /Confirm all \d+ suggestions/ }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('confirmed');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Check and send invitations' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Check and send invitations');
    await expectAccessible(page);
    const before = smtp.received.length;
    await page.getByRole('button', { name: /Send \d+ invitations/ }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The invitations have been sent');
    await expectAccessible(page);

    const emailed = (await run.database.db.select().from(invitations).where(and(eq(invitations.conferenceId, conferenceId), eq(invitations.channel, 'secure-email'), eq(invitations.state, 'sent')))).length;
    expect(emailed).toBeGreaterThan(0);
    const mails = (await smtp.waitFor(before + emailed, 30_000)).slice(before);
    const police = mails.find((m) => m.to.some((t) => t.startsWith('police.')))!;
    expect(police).toBeDefined();
    const pdf = police.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf.content)).toContain('Everyone invited');
    const ics = police.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString('utf8');
    expect(ics).toContain('TZID:Europe/London');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T\d{6}/);

    await page.getByRole('link', { name: /Record response/ }).first().click();
    await expectAccessible(page);

    // Letters by post wait for business support, who prints them as one batch (issue 14).
    await page.getByRole('link', { name: 'Letters to post' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Letters to post');
    await expectAccessible(page);
    const posted = await run.database.db.select().from(invitations).where(and(eq(invitations.conferenceId, conferenceId), eq(invitations.channel, 'post'), eq(invitations.state, 'sent')));
    expect(posted.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /Print \d+ letters? as one batch/ }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('printed as one batch');
    await expectAccessible(page);
    const href = await page.getByRole('link', { name: 'Open the batch to print (PDF)' }).getAttribute('href');
    const batch = await page.request.get(`${run.baseUrl}${href}`);
    expect(batch.headers()['content-type']).toBe('application/pdf');
    const printed = pdfText(Buffer.from(await batch.body())).replace(/\s+/g, ' ');
    for (const p of posted) expect(printed).toContain(`Dear ${p.name},`);
    await context.close();
  });

  it('shows the administrator the outbox', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'administrator');
    await page.getByRole('link', { name: 'Outbox' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Outbox');
    expect(await page.locator('table').textContent()).toContain('Sent');
    await expectAccessible(page);
    await context.close();
  });
});
