import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRuns } from '../../src/db/schema/index.js';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

describe('administrator journey', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney();
  });
  afterAll(async () => run.close());

  it('creates a user, who signs in, changes the temporary password and sees their home page', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'administrator');
    await expect(page.getByRole('heading', { name: 'Your work' })).toBeTruthy();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Users' }).first().click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add a user' }).click();
    await expectAccessible(page);

    // Bad input first: the error summary names each problem.
    await page.getByRole('button', { name: 'Add user' }).click();
    await expectAccessible(page);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter a username');

    await page.getByLabel('Username').fill('new.chair');
    await page.getByLabel('Full name').fill('Nova Testchair');
    await page.getByLabel('Organisation').selectOption({ label: 'Demoshire County Council (demo)' });
    await page.getByLabel('Conference chair').check();
    await page.getByLabel('Temporary password').fill('temporary-password-1');
    await page.getByRole('button', { name: 'Add user' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The user has been created');
    expect(await page.content()).toContain('Nova Testchair');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, run.baseUrl, 'new.chair', 'temporary-password-1');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Change your password');
    await expectAccessible(page);
    await page.getByLabel('Current password').fill('temporary-password-1');
    await page.getByLabel('New password', { exact: true }).fill('a much better passphrase');
    await page.getByLabel('New password again').fill('a much better passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Go to your work' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your work');
    expect(await page.content()).toContain('Your conferences');
    await expectAccessible(page);
    await context.close();
  });

  it('sees a scheduled job that failed for good, with its error, and runs it again after confirming', async () => {
    const due = new Date(run.clock().getTime() - 60 * 60_000);
    await run.database.db.insert(jobRuns).values({
      name: 'report-reminders', slot: due.toISOString(), status: 'failed', attempts: 5, maxAttempts: 5, runAt: due, createdAt: due, finishedAt: run.clock(),
      lastError: 'connect ECONNREFUSED 10.0.0.25:25',
    });
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'administrator');
    await page.getByRole('link', { name: 'Jobs' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Scheduled jobs');
    expect(await page.locator('table').first().textContent()).toContain('connect ECONNREFUSED 10.0.0.25:25');
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Retry remind professionals of reports due/ }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Run “Remind professionals of reports due” again?');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yes, run it again' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The run is back in the queue');
    expect(await page.content()).toContain('No failed runs.');
    await expectAccessible(page);
    await context.close();
  });

  it('shows the audit trail to the auditor, filterable by user', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'auditor');
    await page.getByRole('link', { name: 'Audit' }).click();
    await expectAccessible(page);
    await page.getByLabel('Username').fill('administrator');
    await page.getByRole('button', { name: 'Search' }).click();
    const text = await page.locator('table').textContent();
    expect(text).toContain('user-created');
    await expectAccessible(page);
    for (const path of ['/accessibility', '/privacy', '/no-such-page']) {
      await page.goto(`${run.baseUrl}${path}`);
      await expectAccessible(page);
    }
    await context.close();
  });
});
