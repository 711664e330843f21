import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startJourney, type Running, fillDate } from './support.js';

describe('staff reference pages: rules, timescales, deadline calculator, calendar', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney();
  });
  afterAll(async () => run.close());

  it('a chair searches the rules, compares packs and checks a deadline by hand', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'chair');
    await page.getByRole('link', { name: 'Rules' }).first().click();
    await expectAccessible(page);
    await page.getByLabel('Search rules').fill('quorum');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.content()).toContain('CF1');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'CF1' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('CF1');
    await expectAccessible(page);

    await page.goto(`${run.baseUrl}/rules/packs`);
    expect(await page.content()).toContain('Pan-Dorset');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Deadlines' }).first().click();
    await expectAccessible(page);
    await page.getByLabel('Rule', { exact: true }).selectOption('TS1');
    await page.getByLabel('Partnership').selectOption('hertfordshire');
    await fillDate(page, 'Count from (date)', '2025-12-19');
    await page.getByRole('button', { name: 'Calculate' }).click();
    expect(await page.getByTestId('deadline-result').textContent()).toContain('14 January 2026');
    await expectAccessible(page);

    await fillDate(page, 'Count from (date)', '2025-13-01');
    await page.getByRole('button', { name: 'Calculate' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('The date to count from must be a real date');
    await expectAccessible(page);
    await context.close();
  });

  it('an administrator adds a closure day and sees a bad calendar import refused', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'administrator');
    await page.getByRole('link', { name: 'Calendar' }).click();
    await expectAccessible(page);
    await page.getByLabel('Bank-holidays JSON').fill('{"england-and-wales": {}}');
    await page.getByRole('button', { name: 'Check the changes' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/scotland|division|events/i);
    await expectAccessible(page);
    await fillDate(page, 'Date', '2026-12-24');
    await page.getByLabel('What the closure is for').fill('Council closure');
    await page.getByRole('button', { name: 'Add closure day' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Council closure');
    expect(await page.content()).toContain('24 December 2026');
    await expectAccessible(page);
    await context.close();
  });
});
