import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startJourney, type Running, fillDate } from './support.js';

/** A fixed day for the demo data and the app's clock: the figures never depend on when the test runs. */
const NOW = '2026-03-02T10:00:00Z';

describe('the service manager’s performance dashboard, in Chromium', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney({ now: NOW, env: { CONVENE_PACK: 'hertfordshire' } });
  });
  afterAll(async () => run.close());

  it('reads the census year’s figures and charts, follows a figure to the children behind it, downloads the CSV, and fixes a backwards period', async () => {
    const context = await run.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'service-manager');
    await page.getByRole('link', { name: 'Performance' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Performance');
    await expectAccessible(page);

    await page.getByLabel('Period').selectOption('census-year');
    await fillDate(page, 'Containing the day', '2026-03-02');
    await page.getByRole('button', { name: 'Show figures' }).click();
    expect(await page.locator('.govuk-caption-l').textContent()).toContain('Census year 2025 to 2026');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('table', { name: 'KP1 Initial conferences on time' }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'See the children behind “Initial conferences held within timescale”' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Initial conferences held within timescale');
    expect(await page.locator('a[href^="/people/"]').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download this list as CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^KP1\.icpc-2025-04-01-2026-03-31\.csv$/);

    await page.getByRole('link', { name: 'Back to performance' }).click();
    await page.getByLabel('Period').selectOption('custom');
    await fillDate(page, 'Or from', '2026-03-31');
    await fillDate(page, 'To', '2026-03-01');
    await page.getByRole('button', { name: 'Show figures' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('The period ends before it starts');
    await expectAccessible(page);
    await context.close();
  });
});
