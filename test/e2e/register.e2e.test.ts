import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrensCentreLists, outboxMessages } from '../../src/db/schema/index.js';
import { expectAccessible, signIn, startJourney, type Running, fillDate } from './support.js';

/** The register officer's whole job on a fixed day: the register, its history, placements, risk notifications and centre lists. */
describe('the register officer', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney({ now: '2026-03-02T10:00:00Z' });
  });
  afterAll(async () => run.close());

  let context: BrowserContext;
  let page: Page;

  it('sees their work and the register: filters it, refuses a bad date and exports it as CSV (RG1)', async () => {
    context = await run.browser.newContext();
    page = await context.newPage();
    await signIn(page, run.baseUrl, 'register-officer');
    await expectAccessible(page);
    const home = await page.locator('main').textContent();
    for (const heading of ['Moves to handle', 'Risk notifications to send', 'Children’s centre lists due']) expect(home).toContain(heading);

    // RG1: the register today, filtered, with a refused filter and the CSV export.
    await page.getByRole('link', { name: 'Register', exact: true }).click();
    await expectAccessible(page);
    const register = await page.locator('main').textContent();
    expect(register).toContain('Lima Mockworth');
    expect(register).toContain('Mike Dummington');
    await page.getByLabel('Age').selectOption({ label: 'Under 5' });
    await page.getByRole('button', { name: 'Show children' }).click();
    await expectAccessible(page);
    const under5 = await page.locator('table').textContent();
    expect(under5).toContain('Lima Mockworth');
    expect(under5).not.toContain('Mike Dummington');
    const csv = await context.request.get(`${run.baseUrl}/register/export.csv?ageBand=0-4`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Lima Mockworth');
    await fillDate(page, 'On plan on', '2026-02-30');
    await page.getByRole('button', { name: 'Show children' }).click();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page);

  });

  it('reads the history and records a child placed here on another authority’s plan (RG1)', async () => {
    await page.goto(`${run.baseUrl}/register/history`);
    await expectAccessible(page);
    expect(await page.locator('main').textContent()).toContain('Plans that have ended');

    // RG1: a child placed here on another authority's plan joins the register with that authority shown.
    await page.goto(`${run.baseUrl}/register/placements/new`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add to the register' }).click();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page);
    const alpha = page.getByLabel('Child', { exact: true }).locator('option', { hasText: 'Alpha Testington' });
    await page.getByLabel('Child', { exact: true }).selectOption((await alpha.getAttribute('value'))!);
    await page.getByLabel('Authority responsible for the plan').fill('Elsewhereshire Council (demo)');
    await page.getByLabel('Their lead social worker', { exact: true }).fill('Demo Other Worker');
    await page.getByLabel('Their lead social worker’s email').fill('other@elsewhere.example');
    await page.getByLabel('Neglect').check();
    await fillDate(page, 'Date their plan started', '2026-01-12');
    await fillDate(page, 'Date the child was placed here', '2026-02-20');
    await page.getByRole('button', { name: 'Add to the register' }).click();
    expect(page.url()).toContain('/register?responsible=other');
    await expectAccessible(page);
    const placed = await page.locator('table').textContent();
    expect(placed).toContain('Alpha Testington');
    expect(placed).toContain('Elsewhereshire Council (demo)');

  });

  it('records a risk notification, which waits in the queue until linked to the household and sent to the lead social workers (RG5)', async () => {
    await page.goto(`${run.baseUrl}/register/risk-notifications/new`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record the notification' }).click();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page);
    await page.getByLabel('Name of the person who may pose a risk').fill('Demo Risky Adult');
    await page.getByLabel('Who sent the notification').fill('Probation service (demo)');
    await fillDate(page, 'Date received', '2026-03-01');
    await page.getByLabel('What the notification says').fill('Released on licence; plans to stay with the family.');
    await page.getByRole('button', { name: 'Record the notification' }).click();
    await expectAccessible(page);
    await page.goto(run.baseUrl);
    await page.getByRole('link', { name: 'Risk notification: Demo Risky Adult' }).click();
    await page.getByLabel('Household', { exact: true }).selectOption({ label: 'Mockworth household' });
    await page.getByRole('button', { name: 'Link and send' }).click();
    await expectAccessible(page);
    const told = await page.locator('main').textContent();
    expect(told).toContain('Who was told');
    expect(told).toContain('Lima Mockworth');

  });

  it('adds a children’s centre and generates, reviews and sends its quarterly list (RG6)', async () => {
    await page.goto(`${run.baseUrl}/register/centres`);
    await expectAccessible(page);
    await page.getByLabel('Name', { exact: true }).fill('Stubton Children’s Centre (demo)');
    await page.getByLabel('Secure email').fill('centre@stubton.example');
    await page.getByLabel('Postcode districts it serves').fill('ZZ3');
    await page.getByRole('button', { name: 'Add the centre' }).click();
    await page.getByRole('button', { name: /Generate this quarter’s list/ }).click();
    await expectAccessible(page);
    expect(await page.locator('main').textContent()).toContain('2026-Q1 list for Stubton');
    await page.getByRole('button', { name: 'I have checked this list' }).click();
    await page.getByRole('button', { name: /^Send to/ }).click();
    await expectAccessible(page);
    const [list] = await run.database.db.select().from(childrensCentreLists);
    expect(list).toMatchObject({ status: 'sent', quarter: '2026-Q1' });
    expect(list!.named.length + list!.unnamedCount).toBeGreaterThan(0);
    const [message] = await run.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, list!.outboxMessageId!));
    expect(message!.toAddress).toBe('centre@stubton.example');

    await page.goto(run.baseUrl);
    const after = await page.locator('main').textContent();
    expect(after).toContain('No notification of a person who may pose a risk is waiting');
  });
});
