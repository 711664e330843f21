import fs from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferences, invitations, reports, users } from '../../src/db/schema/index.js';
import { pdfText } from '../../src/documents/pdf-text.js';
import { headingsFor } from '../../src/domain/reports/headings.js';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

const SECRET = 'Operation Kestrel: a live police investigation of the father';

describe('reports to conference: agency report, family copy, readiness and exclusion', () => {
  let run: Running;
  let conferenceId: string;

  beforeAll(async () => {
    run = await startJourney();
    const db = run.database.db;
    // The demo families stop short of booking; book one conference directly for the journey.
    const [requested] = await db.select().from(conferences).where(and(eq(conferences.status, 'requested'), eq(conferences.kind, 'initial')));
    const byName = async (username: string) => (await db.select().from(users).where(eq(users.username, username)))[0]!;
    const chair = await byName('chair');
    const worker = await byName('social-worker');
    const practitioner = await byName('agency-practitioner');
    const start = new Date(run.clock().getTime() + 14 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    await db.update(conferences).set({ status: 'invitations-sent', scheduledStart: start, chairId: chair.id, format: 'face-to-face' }).where(eq(conferences.id, requested!.id));
    conferenceId = requested!.id;
    await db.insert(invitations).values([
      { conferenceId, inviteeKind: 'parent', name: 'Della Demo', role: 'Mother', state: 'sent', response: 'attending-in-person' },
      { conferenceId, inviteeKind: 'parent', name: 'Dan Demo', role: 'Father', state: 'sent' },
      { conferenceId, inviteeKind: 'professional', name: worker.displayName, role: 'Social worker', organisationName: 'Demoshire County Council (demo)', userId: worker.id, state: 'sent', response: 'attending-in-person' },
      { conferenceId, inviteeKind: 'professional', name: practitioner.displayName, role: 'Health visitor', organisationName: 'Demoshire Health Trust (demo)', userId: practitioner.id, state: 'sent', response: 'attending-virtual' },
    ]);
  });
  afterAll(async () => run.close());

  async function as(username: string): Promise<Page> {
    const context = await run.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, username);
    return page;
  }

  it('the practitioner writes and submits, the social worker shares the family copy, the chair checks readiness and decides an exclusion', async () => {
    // An agency practitioner finds the conference and writes the report, with a confidential section.
    const agency = await as('agency-practitioner');
    // From the list of their conferences straight to writing (issue 14: no dead end).
    await agency.getByRole('link', { name: 'My conferences' }).click();
    await expectAccessible(agency);
    await agency.locator(`a[href="/conferences/${conferenceId}/reports/new?kind=agency"]`).click();
    await expectAccessible(agency);
    const headings = headingsFor('agency', 'initial');
    for (let i = 0; i < headings.length; i += 1) {
      await agency.locator(`#s${i}_text`).fill(`Health visiting record: ${headings[i]!.heading.toLowerCase()}.`);
      await agency.locator(`#s${i}_marking`).check();
    }
    await agency.locator('#confidentialText').fill(SECRET);
    await agency.locator('#confidentialReason').fill('Sharing it would harm a criminal investigation');
    await agency.getByLabel('Police information').check();
    await agency.getByRole('button', { name: 'Save draft' }).click();
    expect(await agency.content()).toContain('The report is saved.');
    await expectAccessible(agency);
    await agency.getByRole('button', { name: 'Submit to the chair' }).click();
    expect(await agency.content()).toContain('The report has been submitted to the chair.');
    await expectAccessible(agency);
    const [report] = await run.database.db.select().from(reports).where(eq(reports.conferenceId, conferenceId));
    expect(report?.status).toBe('submitted');

    // The social worker shares it with the mother and downloads the family copy.
    const worker = await as('social-worker');
    await worker.goto(`${run.baseUrl}/reports/${report!.id}`);
    await expectAccessible(worker);
    await worker.getByRole('link', { name: 'Share with the family and download the family copy' }).click();
    await expectAccessible(worker);
    const [download] = await Promise.all([worker.waitForEvent('download'), worker.getByRole('link', { name: /Download the family copy/ }).click()]);
    const pdf = await fs.readFile((await download.path())!);
    const text = pdfText(pdf);
    expect(text).toContain('FAMILY COPY');
    expect(text).toContain('Health visiting record');
    expect(text).not.toContain('Kestrel');
    await worker.getByLabel('Della Demo (Mother)').check();
    await worker.getByLabel('Talked through on a visit').check();
    await worker.getByLabel('In what language?').fill('English');
    await worker.getByRole('button', { name: 'Record the sharing' }).click();
    expect(await worker.content()).toContain('The sharing is recorded.');
    await expectAccessible(worker);

    // The child's own social worker reads the booking and follows the meeting screen, read only.
    await worker.goto(`${run.baseUrl}/conferences/${conferenceId}`);
    await expectAccessible(worker);
    await worker.getByRole('link', { name: 'See the booking' }).click();
    expect(await worker.content()).toContain('Business support books and rearranges the conference');
    await expectAccessible(worker);
    await worker.getByRole('link', { name: 'Back to the conference' }).first().click();
    await worker.getByRole('button', { name: 'Follow the conference meeting' }).click();
    expect(await worker.content()).toContain('You are following this conference as the social worker');
    await expectAccessible(worker);

    // The social worker prepares the family and asks the chair to exclude the father.
    await worker.goto(`${run.baseUrl}/conferences/${conferenceId}/participation`);
    await expectAccessible(worker);
    await worker.goto(`${run.baseUrl}/conferences/${conferenceId}/exclusions`);
    await expectAccessible(worker);
    await worker.getByLabel('Family member', { exact: true }).selectOption({ label: 'Dan Demo (Father)' });
    await worker.getByLabel('Violence, threats, discriminatory behaviour, or being in an unfit state').check();
    await worker.getByLabel('The evidence').fill('Threatened the health visitor at the home visit');
    await worker.getByLabel('Part of it').check();
    await worker.getByRole('button', { name: 'Send the request to the chair' }).click();
    expect(await worker.content()).toContain('The request has been sent to the chair.');
    await expectAccessible(worker);

    // The chair checks readiness, then decides.
    const chair = await as('chair');
    await chair.goto(`${run.baseUrl}/conferences/${conferenceId}/readiness`);
    await expectAccessible(chair);
    const readiness = await chair.content();
    expect(readiness).toContain('Shared with the family');
    expect(readiness).toContain('Quorum forecast');
    expect(readiness).not.toContain('Kestrel');
    // Readiness goes back to the conference, which leads on to the meeting screen.
    await chair.getByRole('link', { name: 'Back to the conference' }).click();
    expect(chair.url()).toBe(`${run.baseUrl}/conferences/${conferenceId}`);
    await expectAccessible(chair);
    await chair.getByRole('button', { name: /The meeting screen/ }).click();
    expect(chair.url()).toBe(`${run.baseUrl}/conferences/${conferenceId}/meeting`);
    await expectAccessible(chair);
    await chair.goBack();
    // Printed, the conference page is its content only: no menu, banners or buttons, and links print as words.
    await chair.emulateMedia({ media: 'print' });
    expect(await chair.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await chair.locator('.govuk-phase-banner').isVisible()).toBe(false);
    expect(await chair.locator('.govuk-back-link').isVisible()).toBe(false);
    expect(await chair.locator('.govuk-button').first().isVisible()).toBe(false);
    expect(await chair.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    const linkAfter = await chair.locator('main a.govuk-link').first().evaluate((a) => (a.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(a, '::after').content);
    expect(linkAfter).toBe('none');
    await chair.emulateMedia({ media: 'screen' });
    expect(await chair.locator('.govuk-service-navigation').isVisible()).toBe(true);
    await chair.goto(`${run.baseUrl}/conferences/${conferenceId}/readiness`);
    await chair.getByRole('link', { name: 'Exclusion requests' }).click();
    await expectAccessible(chair);
    await chair.getByLabel('Exclude', { exact: true }).check();
    await chair.getByLabel('Reasons').fill('Threats to staff; he will hear the information part in a separate meeting');
    await chair.getByLabel('Which part, for how long').fill('Reports and information sharing');
    // EX2, EX3: which parts, and the record he gets: only what he attended, on a recorded ground.
    await chair.getByRole('checkbox', { name: 'Reports and information sharing' }).check();
    await chair.getByLabel('Only the parts they attended').check();
    await chair.getByRole('radio', { name: /Health and safety/ }).check();
    await chair.getByRole('button', { name: 'Record the decision' }).click();
    expect(await chair.content()).toContain('The decision is recorded.');
    expect(await chair.content()).toContain('Download the letter to Dan Demo');
    await expectAccessible(chair);
    // The letter goes through the outbox or the letters to post: with no address for him on record, it is refused, saying what to add.
    await chair.getByRole('button', { name: 'Send the letter to Dan Demo' }).click();
    expect(await chair.content()).toContain('We hold no postal or email address for Dan Demo');
    expect(await chair.locator('[data-testid="letter-not-sent"]').count()).toBe(1);
    await expectAccessible(chair);
  });
});
