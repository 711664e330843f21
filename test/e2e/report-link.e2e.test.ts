import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferences, invitations, outboxMessages, reportAccessLinks, reports } from '../../src/db/schema/index.js';
import { headingsFor } from '../../src/domain/reports/headings.js';
import { issueReportLink, reportLinkPath } from '../../src/modules/report-links/issue-report-link.js';
import { hashLinkToken } from '../../src/modules/report-links/link-secrets.js';
import { expectAccessible, mainText, startJourney, type Running } from './support.js';

/**
 * Issue 17: a school nurse with no Convene account opens the link in her invitation, enters the code
 * sent to the invited address, writes her agency report, and can reach nothing else.
 */
describe('a partner practitioner without an account writes the report through the invitation link', () => {
  let run: Running;
  let conferenceId: string;
  let token: string;

  beforeAll(async () => {
    run = await startJourney();
    const db = run.database.db;
    // The demo families stop short of booking; book one conference directly for the journey.
    const [requested] = await db.select().from(conferences).where(and(eq(conferences.status, 'requested'), eq(conferences.kind, 'initial')));
    conferenceId = requested!.id;
    const start = new Date(run.clock().getTime() + 14 * 86_400_000);
    await db.update(conferences).set({ status: 'invitations-sent', scheduledStart: start, format: 'face-to-face' }).where(eq(conferences.id, conferenceId));
    const [nurse] = await db.insert(invitations).values({
      conferenceId, inviteeKind: 'professional', name: 'Nadia Nurseworth', role: 'School nurse', organisationName: 'Demoshire Health Trust (demo)',
      email: 'nadia.nurseworth@health.example', channel: 'secure-email', state: 'sent',
    }).returning();
    token = await issueReportLink(db, nurse!.id, start, run.clock());
  });
  afterAll(async () => run.close());

  async function codeSent(): Promise<string> {
    const db = run.database.db;
    const [link] = await db.select().from(reportAccessLinks).where(eq(reportAccessLinks.tokenHash, hashLinkToken(token)));
    const sent = await db.select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'report-link'), eq(outboxMessages.relatedId, link!.id)));
    expect(sent.at(-1)!.toAddress).toBe('nadia.nurseworth@health.example');
    return /\b(\d{6})\b/.exec(sent.at(-1)!.bodyText)![1]!;
  }

  it('asks for the code, opens her report form, saves her report, and refuses every other page', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.baseUrl}${reportLinkPath(token)}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('We have sent a code to n***@health.example');
    await expectAccessible(page);

    // A wrong code first: refused, with the tries left.
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Continue to your report' }).click();
    expect(await mainText(page)).toContain('The code is not right');
    await expectAccessible(page);

    await page.getByLabel('Code').fill(await codeSent());
    await page.getByRole('button', { name: 'Continue to your report' }).click();
    expect(new URL(page.url()).pathname).toBe(`/conferences/${conferenceId}/reports/new`);
    await expectAccessible(page);
    const headings = headingsFor('agency', 'initial');
    for (let i = 0; i < headings.length; i += 1) {
      await page.locator(`#s${i}_text`).fill(`School nursing record: ${headings[i]!.heading.toLowerCase()}.`);
      await page.locator(`#s${i}_marking`).check();
    }
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expectAccessible(page);
    const [saved] = await run.database.db.select().from(reports).where(and(eq(reports.conferenceId, conferenceId), eq(reports.kind, 'agency')));
    expect(saved?.status).toBe('draft');
    expect(JSON.stringify(saved)).toContain('School nursing record');

    // The link gives this report and nothing else: the home page, the register and people search are not there for her.
    for (const path of ['/', '/register', '/people/search', `/conferences/${conferenceId}`]) {
      const response = await page.goto(`${run.baseUrl}${path}`);
      expect([403, 404], path).toContain(response!.status());
    }
    // The link itself was used once: opening it again is refused with what to do.
    await page.goto(`${run.baseUrl}${reportLinkPath(token)}`);
    expect(await mainText(page)).toMatch(/organiser/i);
    await expectAccessible(page);
    await context.close();
  });
});
